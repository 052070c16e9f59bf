import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '@cc/config';
import { CommonException } from '@cc/graphql';
import { REDIS_CLIENT } from '@cc/redis';

/** Counts one attempt atomically and starts the window on the first one. Returns [count, ttl]. */
export const FIXED_WINDOW_HIT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('TTL', KEYS[1])
if ttl < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

/** Gives an attempt back, but never creates a key (and so never outlives the window). */
const REFUND = `
if redis.call('EXISTS', KEYS[1]) == 1 then
  return redis.call('DECR', KEYS[1])
end
return 0`;

export interface LoginAttempt {
  keys: string[];
}

/**
 * Fixed-window login limits per client IP and per email, in Redis so every API replica shares
 * them. Each attempt is counted before the password is checked (so aliased or concurrent logins
 * in one request count one by one); a successful login gives its attempt back, so the limit bites
 * on failures, not on people signing in on many devices.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly limit: number;
  private readonly windowSeconds: number;
  private readonly prefix: string;

  constructor(
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.limit = config.auth.loginRateLimit;
    this.windowSeconds = config.auth.loginRateWindowSeconds;
    this.prefix = `${config.queue.prefix}:login-limit`;
  }

  /** Counts the attempt; throws RATE_LIMITED when the IP or the email is over the limit. */
  async attempt(ip: string, email: string): Promise<LoginAttempt> {
    const emailDigest = createHash('sha256').update(email).digest('hex');
    const keys = [`${this.prefix}:ip:${ip}`, `${this.prefix}:email:${emailDigest}`];
    const results = await Promise.all(
      keys.map(
        (key) =>
          this.redis.eval(FIXED_WINDOW_HIT, 1, key, this.windowSeconds) as Promise<
            [number, number]
          >,
      ),
    );
    const over = results.filter(([count]) => count > this.limit);
    if (over.length) {
      throw CommonException.rateLimited(Math.max(...over.map(([, ttl]) => ttl)));
    }
    return { keys };
  }

  async succeeded(attempt: LoginAttempt): Promise<void> {
    await Promise.all(attempt.keys.map((key) => this.redis.eval(REFUND, 1, key)));
  }
}
