import { Client, createClient } from 'graphql-ws';
import Redis from 'ioredis';
import WebSocket from 'ws';
import { notificationChannel } from '@cc/notification';
import { eventually, TestApp } from '../support/test-app';

export interface ClosedSocket {
  code: number;
  reason: string;
}

/** A graphql-ws client for the app under test; `authorization` goes in the connection params. */
export function wsClient(app: TestApp, authorization?: string): Client {
  return createClient({
    url: `${app.baseUrl.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: authorization === undefined ? undefined : { authorization },
    retryAttempts: 0,
    lazy: true,
  });
}

/** The results of one subscription, as they arrive. */
export class Subscription<T> {
  readonly results: {
    data?: T | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  }[] = [];
  error?: unknown;
  completed = false;
  private readonly dispose: () => void;

  constructor(client: Client, query: string, variables: Record<string, unknown> = {}) {
    this.dispose = client.subscribe<T>(
      { query, variables },
      {
        next: (result) => this.results.push(result as (typeof this.results)[number]),
        error: (error) => (this.error = error),
        complete: () => (this.completed = true),
      },
    );
  }

  /** The n-th result (0-based), once it has arrived. */
  nth(n: number, timeoutMs = 5_000) {
    return eventually(async () => this.results[n], timeoutMs);
  }

  /** Resolves when the subscription ended with an error or completed. */
  ended(timeoutMs = 5_000) {
    return eventually(async () => (this.error !== undefined || this.completed) && this, timeoutMs);
  }

  close(): void {
    this.dispose();
  }
}

/** Redis answers how many connections listen on the user's channel (one per api replica). */
export async function subscribersOf(redis: Redis, userId: string): Promise<number> {
  const channel = notificationChannel(process.env.QUEUE_PREFIX!, userId);
  const [, count] = (await redis.pubsub('NUMSUB', channel)) as [string, number];
  return Number(count);
}

/** Waits until `count` api replicas hold a Redis subscription for the user. */
export function whenSubscribed(redis: Redis, userId: string, count = 1): Promise<true> {
  return eventually(async () => (await subscribersOf(redis, userId)) >= count || undefined);
}
