/** Who a budget is counted against. */
export type RateLimitSubject = 'ip' | 'account';

export interface RateLimitRule {
  limit: number;
  windowSeconds: number;
  per: RateLimitSubject;
}

/**
 * Every budget, by name. `ip` and `account` are the general budgets every root field of every
 * operation spends from (aliases and batched operations count one by one); the others are
 * spent by the operation decorated with `@RateLimit(name)` on top of the general ones. Login
 * keeps its own counters (LoginRateLimiter): it needs per (email, IP) keys and refunds.
 * Budgets live in Redis (RateLimiter in @cc/auth), so every API replica shares them.
 */
export const DEFAULT_RATE_LIMITS = {
  ip: { limit: 600, windowSeconds: 60, per: 'ip' },
  account: { limit: 600, windowSeconds: 60, per: 'account' },
  signUp: { limit: 5, windowSeconds: 3600, per: 'ip' },
  refreshSession: { limit: 30, windowSeconds: 60, per: 'ip' },
  changePassword: { limit: 5, windowSeconds: 900, per: 'account' },
  recordSale: { limit: 120, windowSeconds: 60, per: 'account' },
  simulateCoupling: { limit: 20, windowSeconds: 60, per: 'account' },
  upload: { limit: 10, windowSeconds: 3600, per: 'account' },
  // Enough to browse for a teammate, too few to harvest the directory.
  talentDirectory: { limit: 30, windowSeconds: 60, per: 'account' },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitName = keyof typeof DEFAULT_RATE_LIMITS;
export type RateLimitPolicy = Record<RateLimitName, RateLimitRule>;

export const RATE_LIMIT_NAMES = Object.keys(DEFAULT_RATE_LIMITS) as RateLimitName[];

export type RateLimitOverrides = Partial<
  Record<RateLimitName, { limit: number; windowSeconds: number }>
>;

/**
 * `RATE_LIMITS=signUp=3/3600,ip=1200/60` overrides some budgets (limit per window in seconds).
 * Returns an error message instead of throwing, for the env schema.
 */
export function parseRateLimits(raw: string): RateLimitOverrides | { error: string } {
  const overrides: RateLimitOverrides = {};
  for (const entry of raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    const match = /^([A-Za-z]+)=(\d+)\/(\d+)$/.exec(entry);
    const name = match?.[1] as RateLimitName | undefined;
    if (!match || !name || !RATE_LIMIT_NAMES.includes(name) || Number(match[3]) < 1) {
      return {
        error: `must be name=limit/seconds entries separated by commas, names among ${RATE_LIMIT_NAMES.join(', ')} (bad: ${entry})`,
      };
    }
    overrides[name] = { limit: Number(match[2]), windowSeconds: Number(match[3]) };
  }
  return overrides;
}

/** The defaults with `RATE_LIMITS` applied. */
export function rateLimitPolicy(overrides: RateLimitOverrides): RateLimitPolicy {
  const policy = { ...DEFAULT_RATE_LIMITS } as RateLimitPolicy;
  for (const name of RATE_LIMIT_NAMES) {
    const override = overrides[name];
    if (override) policy[name] = { ...policy[name], ...override };
  }
  return policy;
}
