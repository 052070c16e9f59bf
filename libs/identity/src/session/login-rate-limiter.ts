import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RateLimitHit, RateLimiter } from '@cc/auth';
import { AppConfig } from '@cc/config';

export interface LoginAttempt {
  keys: string[];
}

/**
 * Login limits, counted in Redis (RateLimiter) so every API replica shares them (in each
 * process while Redis is unreachable):
 * - per client IP: one address guessing many accounts;
 * - per (email, IP): one address guessing one account;
 * - per email from all addresses, with a much higher ceiling: a distributed guess.
 * A stranger who exhausts their own (email, IP) budget does not lock the owner out: the owner
 * signs in from another address until the per-email ceiling, which takes many addresses.
 * Each attempt is counted before the password is checked (so aliased or concurrent logins in
 * one request count one by one); a successful login gives its attempt back, so the limits bite
 * on failures, not on people signing in on many devices.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly limit: number;
  private readonly emailLimit: number;
  private readonly windowSeconds: number;

  constructor(
    private readonly limiter: RateLimiter,
    config: AppConfig,
  ) {
    this.limit = config.auth.loginRateLimit;
    this.emailLimit = config.auth.loginEmailRateLimit;
    this.windowSeconds = config.auth.loginRateWindowSeconds;
  }

  /** Counts the attempt; throws RATE_LIMITED when any of its budgets is spent. */
  async attempt(ip: string, email: string): Promise<LoginAttempt> {
    const emailDigest = createHash('sha256').update(email).digest('hex');
    const window = this.windowSeconds;
    const hits: RateLimitHit[] = [
      { key: `login-limit:ip:${ip}`, limit: this.limit, windowSeconds: window },
      {
        key: `login-limit:email-ip:${emailDigest}:${ip}`,
        limit: this.limit,
        windowSeconds: window,
      },
      { key: `login-limit:email:${emailDigest}`, limit: this.emailLimit, windowSeconds: window },
    ].map((hit) => ({ ...hit, guardsCredentials: true }));
    await this.limiter.hit(hits);
    return { keys: hits.map((hit) => hit.key) };
  }

  async succeeded(attempt: LoginAttempt): Promise<void> {
    await this.limiter.refund(attempt.keys);
  }
}
