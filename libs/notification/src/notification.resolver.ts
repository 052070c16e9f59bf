import {
  Args,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
  Subscription,
} from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Viewer } from '@cc/auth';
import { CommonException, GraphqlContext } from '@cc/graphql';
import { MarkNotificationsReadArgs } from './dto/mark-notifications-read.args';
import { NotificationsArgs } from './dto/notifications.args';
import { NotificationConnection } from './notification.connection';
import { Notification } from './notification.entity';
import { fromNotificationEvent, NotificationEvent } from './notification-event';
import { NotificationService } from './notification.service';

function idIn(notification: Notification, key: string): string | null {
  const value = notification.payload?.[key];
  return typeof value === 'string' ? value : null;
}

@Resolver(() => Notification)
export class NotificationResolver {
  constructor(private readonly service: NotificationService) {}

  @Authenticated()
  @Query(() => NotificationConnection, { description: 'Your notifications, newest first.' })
  notifications(
    @Args() args: NotificationsArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<NotificationConnection> {
    return this.service.list(viewer, args) as Promise<NotificationConnection>;
  }

  @Authenticated()
  @Mutation(() => Int, {
    description:
      'Mark your notifications read: the given `ids`, or `all: true`. Returns how many were unread and are now read.',
  })
  markNotificationsRead(
    @Args() { ids, all }: MarkNotificationsReadArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<number> {
    if ((ids != null) === (all === true)) {
      throw CommonException.validation([
        { field: 'ids', message: 'give either ids or all: true, not both or neither' },
      ]);
    }
    return this.service.markRead(viewer, all ? 'all' : ids!);
  }

  @Authenticated()
  @Subscription(() => Notification, {
    description: 'Your notifications as they happen (graphql-ws at ws://<host>/graphql).',
    // The channel is per user already; this keeps it so should a channel ever be shared.
    filter: (event: NotificationEvent, _args: unknown, context: GraphqlContext<Viewer>) =>
      event.recipientId === context.viewer?.userId,
    resolve: (event: NotificationEvent) => fromNotificationEvent(event),
  })
  notificationReceived(@CurrentViewer() viewer: Viewer): AsyncIterableIterator<NotificationEvent> {
    return this.service.events(viewer.userId);
  }

  @ResolveField(() => Boolean)
  read(@Parent() notification: Notification): boolean {
    return notification.readAt !== null;
  }

  @ResolveField(() => ID, { nullable: true, description: 'The project it is about, if any.' })
  projectId(@Parent() notification: Notification): string | null {
    return idIn(notification, 'projectId');
  }

  @ResolveField(() => ID, { nullable: true, description: 'The bid it is about, if any.' })
  bidId(@Parent() notification: Notification): string | null {
    return idIn(notification, 'bidId');
  }

  @ResolveField(() => ID, {
    nullable: true,
    description: 'The production order it is about, if any.',
  })
  orderId(@Parent() notification: Notification): string | null {
    return idIn(notification, 'orderId');
  }

  @ResolveField(() => String, {
    description: 'Every detail of the event, as a JSON object (in a string).',
  })
  payload(@Parent() notification: Notification): string {
    return JSON.stringify(notification.payload ?? {});
  }
}

@Resolver(() => NotificationConnection)
export class NotificationConnectionResolver {
  constructor(private readonly service: NotificationService) {}

  @ResolveField(() => Int)
  unreadCount(@CurrentViewer() viewer: Viewer): Promise<number> {
    return this.service.unreadCount(viewer);
  }
}
