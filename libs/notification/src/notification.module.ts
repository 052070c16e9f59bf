import { Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@cc/config';
import { NOTIFICATION_PUBSUB } from './notification.constants';
import { Notification } from './notification.entity';
import { NotificationConnectionResolver, NotificationResolver } from './notification.resolver';
import { NotificationService } from './notification.service';
import { RedisPubSub } from './pubsub/redis-pubsub';

/**
 * Notifications of events that concern a user: stored rows, the `notifications` query,
 * `markNotificationsRead`, and the `notificationReceived` subscription fed by Redis pub/sub.
 * Other domains inject `NotificationService` and call `notify` after their commit.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Notification])],
  providers: [
    {
      provide: NOTIFICATION_PUBSUB,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => RedisPubSub.connect(config.redis.url, 'notifications'),
    },
    NotificationService,
    NotificationResolver,
    NotificationConnectionResolver,
  ],
  exports: [NotificationService],
})
export class NotificationModule implements OnApplicationShutdown {
  constructor(@Inject(NOTIFICATION_PUBSUB) private readonly pubsub: RedisPubSub) {}

  async onApplicationShutdown(): Promise<void> {
    await this.pubsub.close();
  }
}
