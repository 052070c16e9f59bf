import { z } from 'zod';
import { parseRateLimits, RateLimitOverrides } from './rate-limits';
import { parseTrustProxy, TrustProxySetting } from './trust-proxy';

const port = z.coerce.number().int().min(1).max(65535);
const positiveInt = z.coerce.number().int().positive();

export const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: port.default(3000),
  DATABASE_URL: z
    .string({ error: 'is required (e.g. postgres://postgres@127.0.0.1:5432/creative_chain)' })
    .regex(/^postgres(ql)?:\/\/.+/, 'must be a postgres:// URL'),
  DATABASE_POOL_SIZE: positiveInt.default(10),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\/.+/, 'must be a redis:// or rediss:// URL')
    .default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:{}_-]+$/, 'may contain only letters, digits, : { } _ -')
    .default('cc'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  JWT_SECRET: z
    .string({ error: 'is required: at least 32 random characters' })
    .min(32, 'must be at least 32 characters'),
  JWT_ACCESS_TTL_SECONDS: positiveInt.max(900, 'must be at most 900 (15 minutes)').default(900),
  REFRESH_TTL_DAYS: positiveInt.default(30),
  LOGIN_RATE_LIMIT: positiveInt.default(10),
  LOGIN_RATE_WINDOW_SECONDS: positiveInt.default(900),
  LOGIN_EMAIL_RATE_LIMIT: positiveInt.default(100),
  RATE_LIMITS: z
    .string()
    .default('')
    .transform((raw, ctx): RateLimitOverrides => {
      const parsed = parseRateLimits(raw);
      if ('error' in parsed && typeof parsed.error === 'string') {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed as RateLimitOverrides;
    }),
  TRUST_PROXY: z
    .string()
    .default('false')
    .transform((raw, ctx): TrustProxySetting => {
      const parsed = parseTrustProxy(raw);
      if (typeof parsed === 'object' && !Array.isArray(parsed) && parsed) {
        ctx.addIssue({ code: 'custom', message: parsed.error });
        return z.NEVER;
      }
      return parsed;
    }),
  BOOTSTRAP_ADMIN_EMAIL: z.email('must be an email address').optional(),
  BOOTSTRAP_ADMIN_PASSWORD: z
    .string()
    .min(12, 'must be at least 12 characters')
    .max(128)
    .optional(),
  GRAPHQL_MAX_DEPTH: positiveInt.default(10),
  GRAPHQL_MAX_COMPLEXITY: positiveInt.default(2000),
  GRAPHQL_MAX_ALIASES: positiveInt.default(30),
  GRAPHQL_MAX_BATCH: positiveInt.default(5),
  GRAPHQL_MAX_QUERY_LENGTH: positiveInt.default(15000),
  GRAPHQL_MAX_TOKENS: positiveInt.default(3000),
  GRAPHQL_MAX_FIELDS: positiveInt.default(1000),
  GRAPHQL_MAX_DIRECTIVES: positiveInt.default(20),
  HTTP_BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/i, 'must look like 100kb or 1mb')
    .default('1mb'),
  WS_SESSION_CHECK_SECONDS: positiveInt.default(15),
  /** Over this, quantity × unit price is held for an official's review (not refused). */
  SALE_MAX_AMOUNT_FEN: positiveInt.default(10_000_000),
  /** Over this, quantity × unit price is refused outright: no till rings up ¥10,000,000. */
  SALE_HARD_MAX_AMOUNT_FEN: positiveInt.default(1_000_000_000),
  /** A unit price more than this many times the product's list price is held. */
  SALE_ANOMALY_PRICE_FACTOR: z.coerce.number().min(1).default(5),
  /** A unit price below 1/this of the list price is held; 0 (the default) holds no discount. */
  SALE_ANOMALY_DISCOUNT_FACTOR: z.coerce
    .number()
    .refine((factor) => factor === 0 || factor >= 1, 'must be 0 (off) or at least 1')
    .default(0),
  /** A quantity this many times the outlet's usual for the product is held. */
  SALE_ANOMALY_QUANTITY_FACTOR: z.coerce.number().min(1).default(10),
  /** Counted sales of the product at the outlet before "usual quantity" applies. */
  SALE_ANOMALY_MIN_HISTORY: positiveInt.default(5),
  WORKER_CONCURRENCY: positiveInt.default(4),
  WORKER_HEALTH_PORT: z.coerce.number().int().min(0).max(65535).default(3001),
  /** How long SIGTERM waits for active jobs before releasing them to another worker. */
  WORKER_SHUTDOWN_GRACE_MS: positiveInt.default(25_000),
  /** On SIGTERM the api answers readiness 503 this long (still serving) before it stops accepting. */
  API_SHUTDOWN_DELAY_MS: z.coerce.number().int().min(0).default(2_000),
  /** Then requests in flight get this long to complete before the api closes anyway. */
  API_SHUTDOWN_GRACE_MS: positiveInt.default(20_000),
  /** A job's lock; renewed every half of it while it runs. Past it, the job counts as stalled. */
  QUEUE_LOCK_DURATION_MS: positiveInt.default(30_000),
  QUEUE_STALLED_INTERVAL_MS: positiveInt.default(30_000),
  /** Stalls a job may survive (it is then moved back to wait); one more and it fails. */
  QUEUE_MAX_STALLED_COUNT: z.coerce.number().int().min(0).default(1),
  /** Longest a Redis command on the request path may take before the request goes on without it. */
  REDIS_COMMAND_TIMEOUT_MS: positiveInt.default(1_500),
});

export type Env = z.infer<typeof envSchema>;

function requireBothOrNeither(env: Env): Env {
  if (Boolean(env.BOOTSTRAP_ADMIN_EMAIL) !== Boolean(env.BOOTSTRAP_ADMIN_PASSWORD)) {
    throw new ConfigValidationError(
      'Invalid configuration: BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together',
    );
  }
  return env;
}

export class ConfigValidationError extends Error {
  override readonly name = 'ConfigValidationError';
}

/** Parses the environment; the error message is one line naming every bad variable. */
export function parseEnv(raw: Record<string, unknown>): Env {
  const result = envSchema.safeParse(raw);
  if (result.success) return requireBothOrNeither(result.data);
  const problems = result.error.issues.map(
    (issue) => `${issue.path.join('.')} ${issue.message.replace(/^Invalid input: /, '')}`,
  );
  throw new ConfigValidationError(`Invalid configuration: ${problems.join('; ')}`);
}
