export { Notification, NotificationPayload } from './notification.entity';
export { NotificationKind } from './notification-kind.enum';
export { notificationChannel, NotificationEvent } from './notification-event';
export { NotificationModule } from './notification.module';
export { NotificationMessage, NotificationService } from './notification.service';
export { RedisPubSub } from './pubsub/redis-pubsub';
