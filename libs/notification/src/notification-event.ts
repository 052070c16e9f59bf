import { Notification, NotificationPayload } from './notification.entity';
import { NotificationKind } from './notification-kind.enum';

/** The Redis channel a user's notifications are pushed on, e.g. `cc:notifications:user:<id>`. */
export function notificationChannel(prefix: string, userId: string): string {
  return `${prefix}:notifications:user:${userId}`;
}

/** A notification as it travels through Redis: plain JSON, dates as ISO strings. */
export interface NotificationEvent {
  id: string;
  recipientId: string;
  kind: NotificationKind;
  title: string;
  body: string;
  payload: NotificationPayload;
  readAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toNotificationEvent(notification: Notification): NotificationEvent {
  return {
    id: notification.id,
    recipientId: notification.recipientId,
    kind: notification.kind,
    title: notification.title,
    body: notification.body,
    payload: notification.payload,
    readAt: notification.readAt?.toISOString() ?? null,
    createdAt: notification.createdAt.toISOString(),
    updatedAt: notification.updatedAt.toISOString(),
  };
}

const KINDS = new Set<string>(Object.values(NotificationKind));

function isNotificationEvent(value: unknown): value is NotificationEvent {
  const event = value as Partial<NotificationEvent> | null;
  return (
    typeof event === 'object' &&
    event !== null &&
    typeof event.id === 'string' &&
    typeof event.recipientId === 'string' &&
    typeof event.kind === 'string' &&
    KINDS.has(event.kind) &&
    typeof event.title === 'string' &&
    typeof event.body === 'string' &&
    typeof event.payload === 'object' &&
    event.payload !== null &&
    (event.readAt === null || typeof event.readAt === 'string') &&
    typeof event.createdAt === 'string' &&
    typeof event.updatedAt === 'string'
  );
}

/** Back to a `Notification` (with real dates); throws on anything that is not one. */
export function fromNotificationEvent(value: unknown): Notification {
  if (!isNotificationEvent(value)) throw new Error('not a notification event');
  return Object.assign(new Notification(), {
    ...value,
    readAt: value.readAt === null ? null : new Date(value.readAt),
    createdAt: new Date(value.createdAt),
    updatedAt: new Date(value.updatedAt),
  });
}
