import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { Viewer } from '@cc/auth';
import { AppConfig } from '@cc/config';
import { Connection, ConnectionArgs, paginate, SortKey } from '@cc/graphql';
import {
  MAX_BODY_LENGTH,
  MAX_PAYLOAD_BYTES,
  MAX_TITLE_LENGTH,
  NOTIFICATION_PUBSUB,
} from './notification.constants';
import { Notification, NotificationPayload } from './notification.entity';
import { NotificationEvent, notificationChannel, toNotificationEvent } from './notification-event';
import { NotificationKind } from './notification-kind.enum';
import { RedisPubSub } from './pubsub/redis-pubsub';

/** What to tell the recipients. */
export interface NotificationMessage {
  kind: NotificationKind;
  title: string;
  body: string;
  /** Ids the client links to, e.g. `{ projectId, bidId }`. JSON, at most 4 KiB. */
  payload?: NotificationPayload;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const NEWEST_FIRST: SortKey<Notification> = {
  column: 'notification.created_at',
  direction: 'DESC',
  valueOf: (notification) => notification.createdAt.toISOString(),
};

interface NotificationRow {
  id: string;
  recipient_id: string;
  kind: NotificationKind;
  title: string;
  body: string;
  payload: NotificationPayload;
  read_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

function fromRow(row: NotificationRow): Notification {
  return Object.assign(new Notification(), {
    id: row.id,
    recipientId: row.recipient_id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    payload: row.payload,
    readAt: row.read_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** Checks what other domains pass in; a failure here is a programming error, not user input. */
function validated(recipients: readonly string[], message: NotificationMessage) {
  const unique = [...new Set(recipients)];
  const malformed = unique.filter((id) => !UUID.test(id));
  if (malformed.length) throw new Error(`notify: recipients are not user ids: ${malformed}`);
  if (!Object.values(NotificationKind).includes(message.kind)) {
    throw new Error(`notify: unknown kind ${String(message.kind)}`);
  }
  if (!message.title.trim() || message.title.length > MAX_TITLE_LENGTH) {
    throw new Error(`notify: title must have 1–${MAX_TITLE_LENGTH} characters`);
  }
  if (message.body.length > MAX_BODY_LENGTH) {
    throw new Error(`notify: body must have at most ${MAX_BODY_LENGTH} characters`);
  }
  const payload = message.payload ?? {};
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new Error('notify: payload must be a JSON object');
  }
  const json = JSON.stringify(payload);
  if (Buffer.byteLength(json) > MAX_PAYLOAD_BYTES) {
    throw new Error(`notify: payload must be at most ${MAX_PAYLOAD_BYTES} bytes of JSON`);
  }
  return { recipients: unique, json };
}

/**
 * Notifications: stored as rows (one per recipient), listed and marked read by their
 * recipient, and pushed live through Redis pub/sub to subscribers on any api replica.
 */
@Injectable()
export class NotificationService {
  private readonly logger = new Logger(NotificationService.name);
  private readonly channelPrefix: string;

  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_PUBSUB) private readonly pubsub: RedisPubSub,
    config: AppConfig,
  ) {
    this.channelPrefix = config.queue.prefix;
  }

  /**
   * Tells each recipient (user ids; duplicates count once) about an event: one row each, in a
   * single INSERT, then a live push to each. Call it AFTER your transaction has committed, so
   * nobody hears of a change that was rolled back.
   *
   * Resolves to the stored notifications. Recipients that are no longer users are skipped
   * (logged). It rejects only when the rows cannot be stored; a failed push is logged, since
   * the row is there for the client's next `notifications` query.
   *
   * @example
   * await notifications.notify(ownerIds, {
   *   kind: NotificationKind.BID_SUBMITTED,
   *   title: 'New bid on “Fuyun tea set”',
   *   body: 'Shenyang Porcelain Works bid ¥38.50 per unit.',
   *   payload: { projectId, bidId },
   * });
   */
  async notify(
    recipients: readonly string[],
    message: NotificationMessage,
  ): Promise<Notification[]> {
    const checked = validated(recipients, message);
    if (!checked.recipients.length) return [];

    const table = this.notifications.metadata.tablePath;
    const users = this.dataSource.getMetadata('User').tablePath; // by name: no import of identity
    const rows = (await this.dataSource.query(
      `INSERT INTO "${table}" (recipient_id, kind, title, body, payload)
       SELECT u.id, $2::notification_kind, $3, $4, $5::jsonb FROM "${users}" u WHERE u.id = ANY($1::uuid[])
       RETURNING id, recipient_id, kind, title, body, payload, read_at, created_at, updated_at`,
      [checked.recipients, message.kind, message.title, message.body, checked.json],
    )) as NotificationRow[];
    const stored = rows.map(fromRow);

    if (stored.length < checked.recipients.length) {
      const found = new Set(stored.map((notification) => notification.recipientId));
      const missing = checked.recipients.filter((id) => !found.has(id));
      this.logger.warn(`notify ${message.kind}: skipped unknown recipients ${missing.join(', ')}`);
    }

    try {
      await this.pubsub.publishMany(
        stored.map((notification) => ({
          channel: notificationChannel(this.channelPrefix, notification.recipientId),
          payload: toNotificationEvent(notification),
        })),
      );
    } catch (error) {
      this.logger.error(`notify ${message.kind}: live push failed: ${(error as Error).message}`);
    }
    return stored;
  }

  /** The viewer's own notifications, newest first. */
  list(
    viewer: Viewer,
    args: ConnectionArgs & { unreadOnly?: boolean },
  ): Promise<Connection<Notification>> {
    const query = this.notifications
      .createQueryBuilder('notification')
      .where('notification.recipient_id = :userId', { userId: viewer.userId });
    if (args.unreadOnly) query.andWhere('notification.read_at IS NULL');
    return paginate(query, args, NEWEST_FIRST);
  }

  unreadCount(viewer: Viewer): Promise<number> {
    return this.notifications
      .createQueryBuilder('notification')
      .where('notification.recipient_id = :userId', { userId: viewer.userId })
      .andWhere('notification.read_at IS NULL')
      .getCount();
  }

  /**
   * Marks the viewer's own unread notifications read: those with the given ids, or all.
   * Ids of other users' notifications are ignored. Returns how many changed.
   */
  async markRead(viewer: Viewer, which: readonly string[] | 'all'): Promise<number> {
    if (which !== 'all' && !which.length) return 0;
    const update = this.notifications
      .createQueryBuilder()
      .update()
      .set({ readAt: () => 'now()' })
      .where('recipient_id = :userId', { userId: viewer.userId })
      .andWhere('read_at IS NULL');
    if (which !== 'all') update.andWhere('id IN (:...ids)', { ids: [...new Set(which)] });
    const result = await update.execute();
    return result.affected ?? 0;
  }

  /** The live stream of one user's notifications (subscribes to Redis on first `next()`). */
  events(userId: string): AsyncIterableIterator<NotificationEvent> {
    return this.pubsub.asyncIterableIterator<NotificationEvent>(
      notificationChannel(this.channelPrefix, userId),
    );
  }
}
