import { Logger } from '@nestjs/common';
import { PubSubEngine } from 'graphql-subscriptions';
import Redis from 'ioredis';

/** The part of an ioredis client the pub/sub needs (a fake in unit specs). */
export type PubSubConnection = Pick<
  Redis,
  'publish' | 'pipeline' | 'subscribe' | 'unsubscribe' | 'on' | 'quit' | 'disconnect' | 'status'
>;

type MessageHandler = (payload: unknown) => void;

export function encodeMessage(payload: unknown): string {
  return JSON.stringify(payload);
}

/** `undefined` for a message that is not JSON (logged and dropped by the caller). */
export function decodeMessage(message: string): unknown {
  try {
    return JSON.parse(message) as unknown;
  } catch {
    return undefined;
  }
}

async function close(connection: PubSubConnection): Promise<void> {
  if (connection.status === 'end') return;
  // QUIT only on a ready connection: a lazy one that never connected, or one that is
  // reconnecting, would otherwise hold shutdown until Redis answers.
  if (connection.status !== 'ready') return connection.disconnect();
  await connection.quit().catch(() => connection.disconnect());
}

/**
 * A graphql-subscriptions `PubSubEngine` over Redis pub/sub, so an event published by any
 * process reaches the subscribers connected to every api replica. Payloads are JSON.
 *
 * Two connections, because a Redis connection in subscriber mode can run no other commands.
 * Local subscribers of one channel share a single Redis SUBSCRIBE (reference-counted), and
 * the channel is unsubscribed when its last local subscriber leaves. ioredis resubscribes by
 * itself after a reconnect. Delivery is at most once: whatever is published while a client is
 * not connected is not replayed (callers keep their own record, e.g. notification rows).
 */
export class RedisPubSub extends PubSubEngine {
  private readonly logger = new Logger(RedisPubSub.name);
  private readonly handlers = new Map<number, { channel: string; onMessage: MessageHandler }>();
  private readonly channels = new Map<string, Set<number>>();
  /** The SUBSCRIBE in flight or done per channel, so every local subscriber awaits it. */
  private readonly subscribed = new Map<string, Promise<unknown>>();
  private nextId = 0;
  private closed = false;

  constructor(
    private readonly publisher: PubSubConnection,
    private readonly subscriber: PubSubConnection,
  ) {
    super();
    this.subscriber.on('message', (channel: string, message: string) =>
      this.dispatch(channel, message),
    );
    for (const [role, connection] of [
      ['publisher', publisher],
      ['subscriber', subscriber],
    ] as const) {
      connection.on('error', (error: Error) =>
        this.logger.warn(`Redis pub/sub ${role} connection: ${error.message}`),
      );
    }
  }

  /** Two dedicated connections to `url`, opened on first use. */
  static connect(url: string, name = 'pubsub'): RedisPubSub {
    const options = { lazyConnect: true, maxRetriesPerRequest: 3 };
    return new RedisPubSub(
      new Redis(url, { ...options, connectionName: `${name}-pub` }),
      new Redis(url, { ...options, connectionName: `${name}-sub` }),
    );
  }

  async publish(channel: string, payload: unknown): Promise<void> {
    await this.publisher.publish(channel, encodeMessage(payload));
  }

  /** Publishes several messages in one round trip. */
  async publishMany(messages: readonly { channel: string; payload: unknown }[]): Promise<void> {
    if (!messages.length) return;
    const pipeline = this.publisher.pipeline();
    for (const { channel, payload } of messages) pipeline.publish(channel, encodeMessage(payload));
    const results = (await pipeline.exec()) ?? [];
    const failed = results.find(([error]) => error);
    if (failed) throw failed[0];
  }

  /** Resolves once Redis confirmed the subscription, so nothing published after it is missed. */
  async subscribe(channel: string, onMessage: MessageHandler, _options: object = {}) {
    if (this.closed) throw new Error('RedisPubSub is closed');
    const id = ++this.nextId;
    this.handlers.set(id, { channel, onMessage });
    let ids = this.channels.get(channel);
    if (!ids) {
      ids = new Set();
      this.channels.set(channel, ids);
      this.subscribed.set(channel, this.subscriber.subscribe(channel));
    }
    ids.add(id);
    try {
      await this.subscribed.get(channel);
    } catch (error) {
      this.unsubscribe(id);
      throw error;
    }
    return id;
  }

  unsubscribe(id: number): void {
    const handler = this.handlers.get(id);
    if (!handler) return;
    this.handlers.delete(id);
    const ids = this.channels.get(handler.channel);
    ids?.delete(id);
    if (ids?.size) return;
    this.channels.delete(handler.channel);
    this.subscribed.delete(handler.channel);
    // Commands on one connection run in order, so a later SUBSCRIBE of the same channel
    // still wins over this UNSUBSCRIBE.
    if (!this.closed) {
      this.subscriber.unsubscribe(handler.channel).catch((error: Error) => {
        this.logger.warn(`UNSUBSCRIBE ${handler.channel} failed: ${error.message}`);
      });
    }
  }

  /** Channels with at least one local subscriber. */
  activeChannels(): string[] {
    return [...this.channels.keys()];
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.handlers.clear();
    this.channels.clear();
    this.subscribed.clear();
    await Promise.all([close(this.publisher), close(this.subscriber)]);
  }

  private dispatch(channel: string, message: string): void {
    const ids = this.channels.get(channel);
    if (!ids?.size) return;
    const payload = decodeMessage(message);
    if (payload === undefined) {
      this.logger.warn(`dropped a message on ${channel} that is not JSON`);
      return;
    }
    for (const id of [...ids]) {
      try {
        this.handlers.get(id)?.onMessage(payload);
      } catch (error) {
        this.logger.error(`a subscriber of ${channel} failed: ${(error as Error).message}`);
      }
    }
  }
}
