import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@cc/config';
import { CommonException } from '@cc/graphql';
import { REDIS_CLIENT } from '@cc/redis';
import { LocalWindowCounter } from './local-window-counter';
import { RedisCircuit } from './redis-circuit';

/** Counts one hit atomically and starts the window on the first one. Returns [count, ttl]. */
const HIT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

/** Gives a hit back, but never creates a key (and so never outlives the window). */
const REFUND = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.call('DECR', KEYS[1])
end
return 0`;

export interface RateLimitHit {
  key: string;
  limit: number;
  windowSeconds: number;
  /**
   * A budget against credential guessing (login, signUp, changePassword, refreshSession): while
   * Redis is unreachable it is counted in this process instead of not at all.
   */
  guardsCredentials?: boolean;
}

/**
 * Fixed-window counters in Redis, shared by every API replica. Each hit is counted before the
 * work it guards, so concurrent, aliased and batched calls count one by one. A fixed window
 * (one INCR per hit) is chosen over a sliding log because it costs O(1) memory per key and one
 * round trip, and a burst at a window edge (at most twice the limit) is acceptable for these
 * budgets.
 *
 * While Redis is unreachable the general budgets are not enforced (fail open, with a warning at
 * most every 10 s): the API keeps answering everything that does not need Redis, as an outage of
 * a rebuildable cache should allow, rather than refusing every request. The budgets that guard
 * credentials fall back to counters in this process (LocalWindowCounter), so an outage is not a
 * free-for-all for password guessing; each replica then counts alone. After a Redis command
 * fails (a hung Redis makes each wait the command timeout), the limiter skips Redis for a few
 * seconds (RedisCircuit), so one slow failure does not become one per request.
 */
@Injectable()
export class RateLimiter {
  private readonly logger = new Logger(RateLimiter.name);
  private readonly prefix: string;
  private lastWarnedAt = 0;
  private readonly local = new LocalWindowCounter();
  private readonly circuit = new RedisCircuit();

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.prefix = config.queue.prefix;
  }

  /** Counts a hit on every key; throws RATE_LIMITED when any of them is over its limit. */
  async hit(hits: RateLimitHit[]): Promise<void> {
    const results = await this.whileAvailable(() =>
      Promise.all(
        hits.map(
          ({ key, windowSeconds }) =>
            this.redis.eval(HIT, 1, this.keyOf(key), windowSeconds) as Promise<[number, number]>,
        ),
      ),
    );
    if (results) return this.enforce(hits, results, (keys) => this.refund(keys));
    const credentials = hits.filter((hit) => hit.guardsCredentials);
    const counted = credentials.map((hit) => this.local.hit(hit.key, hit.windowSeconds));
    return this.enforce(credentials, counted, async (keys) => this.refundLocally(keys));
  }

  async refund(keys: string[]): Promise<void> {
    this.refundLocally(keys);
    await this.whileAvailable(() =>
      Promise.all(keys.map((key) => this.redis.eval(REFUND, 1, this.keyOf(key)))),
    );
  }

  /** Throws RATE_LIMITED when any count is over its hit's limit, after giving every hit back. */
  private async enforce(
    hits: RateLimitHit[],
    counts: [count: number, ttl: number][],
    giveBack: (keys: string[]) => Promise<void>,
  ): Promise<void> {
    const over = counts.filter(([count], index) => count > hits[index].limit);
    if (!over.length) return;
    // A refused hit costs nothing: otherwise one client spending its own budget would also
    // drain every shared budget it touches (e.g. an account's login ceiling).
    await giveBack(hits.map((hit) => hit.key));
    throw CommonException.rateLimited(Math.max(...over.map(([, ttl]) => ttl)));
  }

  /** Hits counted in process while Redis was down are given back there. */
  private refundLocally(keys: string[]): void {
    for (const key of keys) this.local.refund(key);
  }

  /** Runs the Redis work, or answers null (and warns) when Redis is down, fails or failed lately. */
  private async whileAvailable<T>(work: () => Promise<T>): Promise<T | null> {
    if (!this.circuit.allows()) return null;
    try {
      if (this.redis.status !== 'ready') throw new Error(`Redis is ${this.redis.status}`);
      const result = await work();
      this.circuit.succeeded();
      return result;
    } catch (error) {
      this.circuit.failed();
      if (Date.now() - this.lastWarnedAt > 10_000) {
        this.lastWarnedAt = Date.now();
        this.logger.warn({ err: error }, 'rate limits not enforced: Redis is unavailable');
      }
      return null;
    }
  }

  private keyOf(key: string): string {
    return `${this.prefix}:${key}`;
  }
}
