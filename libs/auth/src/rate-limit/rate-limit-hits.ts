import { RateLimitName, RateLimitPolicy } from '@cc/config';
import { RateLimitHit } from './rate-limiter.service';

/** Budgets against credential guessing: counted in process while Redis is unreachable. */
export const CREDENTIAL_RATE_LIMITS: ReadonlySet<RateLimitName> = new Set([
  'signUp',
  'changePassword',
  'refreshSession',
]);

/** Whom a call is counted against: its client address, and its account when signed in. */
export interface RateLimitSubjects {
  ip: string;
  accountId?: string;
}

/**
 * What one call spends: the general budgets (per client address, and per account when signed
 * in) and, for an operation that has one, its own budget on top. GraphQL root fields (the
 * RateLimitGuard) and the REST routes with guards of their own count the same way.
 */
export function rateLimitHits(
  policy: RateLimitPolicy,
  subjects: RateLimitSubjects,
  named?: RateLimitName,
): RateLimitHit[] {
  const keyOf = {
    ip: `ip:${subjects.ip}`,
    account: subjects.accountId ? `account:${subjects.accountId}` : undefined,
  };
  const hits: RateLimitHit[] = [];
  const spend = (name: RateLimitName) => {
    const rule = policy[name];
    const subject = keyOf[rule.per];
    if (subject) {
      const guardsCredentials = CREDENTIAL_RATE_LIMITS.has(name);
      hits.push({ key: `rate:${name}:${subject}`, ...rule, guardsCredentials });
    }
  };
  spend('ip');
  spend('account');
  if (named) spend(named);
  return hits;
}
