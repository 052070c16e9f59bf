import Redis, { RedisOptions } from 'ioredis';

/** Reconnect attempts back off to at most this, so work resumes promptly once Redis returns. */
const MAX_RECONNECT_DELAY_MS = 500;

/** BullMQ blocking connections must never give up on a command (maxRetriesPerRequest: null). */
export function createBullConnection(url: string, overrides: RedisOptions = {}): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 50, MAX_RECONNECT_DELAY_MS),
    ...overrides,
  });
}
