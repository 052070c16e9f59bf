import { Field, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { Notification } from './notification.entity';

@ObjectType()
export class NotificationConnection extends ConnectionType(Notification) {
  /** Resolved on demand (see NotificationConnectionResolver). */
  @Field(() => Int, {
    description: 'How many of the viewer’s notifications are unread, whatever the filter.',
  })
  unreadCount!: number;
}
