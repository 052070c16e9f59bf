import Redis, { RedisOptions } from 'ioredis';

/** BullMQ blocking connections must never give up on a command (maxRetriesPerRequest: null). */
export function createBullConnection(url: string, overrides: RedisOptions = {}): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, ...overrides });
}
