import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Env } from './env.schema';
import { RateLimitPolicy, rateLimitPolicy } from './rate-limits';

const UNIT_BYTES: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

/** `1mb` → 1048576 (the format HTTP_BODY_LIMIT is validated to, as body-parser reads it). */
function byteSize(size: string): number {
  const [, amount, unit] = /^(\d+)(b|kb|mb)$/i.exec(size) ?? ['', '0', 'b'];
  return Number(amount) * UNIT_BYTES[unit.toLowerCase()];
}

/** Typed access to the validated environment, grouped by concern. */
export const ENV_KEY = 'env';

@Injectable()
export class AppConfig {
  private readonly env: Env;

  constructor(config: ConfigService) {
    this.env = config.getOrThrow<Env>(ENV_KEY);
  }

  private get<K extends keyof Env>(key: K): Env[K] {
    return this.env[key];
  }

  get isProduction(): boolean {
    return this.get('NODE_ENV') === 'production';
  }

  get nodeEnv(): Env['NODE_ENV'] {
    return this.get('NODE_ENV');
  }

  get http() {
    return {
      port: this.get('PORT'),
      bodyLimit: this.get('HTTP_BODY_LIMIT'),
      /** The same cap in bytes, for WebSocket frames. */
      bodyLimitBytes: byteSize(this.get('HTTP_BODY_LIMIT')),
      webSocketSessionCheckSeconds: this.get('WS_SESSION_CHECK_SECONDS'),
    };
  }

  get database() {
    return { url: this.get('DATABASE_URL'), poolSize: this.get('DATABASE_POOL_SIZE') };
  }

  get redis() {
    return { url: this.get('REDIS_URL'), commandTimeoutMs: this.get('REDIS_COMMAND_TIMEOUT_MS') };
  }

  get queue() {
    return {
      prefix: this.get('QUEUE_PREFIX'),
      concurrency: this.get('WORKER_CONCURRENCY'),
      lockDurationMs: this.get('QUEUE_LOCK_DURATION_MS'),
      stalledIntervalMs: this.get('QUEUE_STALLED_INTERVAL_MS'),
      maxStalledCount: this.get('QUEUE_MAX_STALLED_COUNT'),
    };
  }

  get apiShutdown() {
    return {
      delayMs: this.get('API_SHUTDOWN_DELAY_MS'),
      graceMs: this.get('API_SHUTDOWN_GRACE_MS'),
    };
  }

  get worker() {
    return {
      healthPort: this.get('WORKER_HEALTH_PORT'),
      shutdownGraceMs: this.get('WORKER_SHUTDOWN_GRACE_MS'),
    };
  }

  get logLevel(): Env['LOG_LEVEL'] {
    return this.get('LOG_LEVEL');
  }

  get auth() {
    return {
      jwtSecret: this.get('JWT_SECRET'),
      accessTtlSeconds: this.get('JWT_ACCESS_TTL_SECONDS'),
      refreshTtlDays: this.get('REFRESH_TTL_DAYS'),
      loginRateLimit: this.get('LOGIN_RATE_LIMIT'),
      loginRateWindowSeconds: this.get('LOGIN_RATE_WINDOW_SECONDS'),
      /** Failed logins for one email from all addresses together (the lockout ceiling). */
      loginEmailRateLimit: this.get('LOGIN_EMAIL_RATE_LIMIT'),
      /** Which peers may name the client address in X-Forwarded-For (login rate limits per IP). */
      trustProxy: this.get('TRUST_PROXY'),
      /** An operator-provisioned ADMIN account, ensured at API start; null when not configured. */
      bootstrapAdmin: this.bootstrapAdmin(),
    };
  }

  private bootstrapAdmin(): { email: string; password: string } | null {
    const email = this.get('BOOTSTRAP_ADMIN_EMAIL');
    const password = this.get('BOOTSTRAP_ADMIN_PASSWORD');
    return email && password ? { email, password } : null;
  }

  get retail() {
    return {
      /** quantity × unit price of one sale, in fen: a plausibility ceiling on what feeds metrics. */
      saleMaxAmountFen: this.get('SALE_MAX_AMOUNT_FEN'),
      /** Over this a sale is refused; between the two it is held for review. */
      saleHardMaxAmountFen: this.get('SALE_HARD_MAX_AMOUNT_FEN'),
      anomalyPriceFactor: this.get('SALE_ANOMALY_PRICE_FACTOR'),
      anomalyDiscountFactor: this.get('SALE_ANOMALY_DISCOUNT_FACTOR'),
      anomalyQuantityFactor: this.get('SALE_ANOMALY_QUANTITY_FACTOR'),
      anomalyMinHistory: this.get('SALE_ANOMALY_MIN_HISTORY'),
    };
  }

  /** Request budgets (see rate-limits.ts and README "Security"). */
  get rateLimits(): RateLimitPolicy {
    return rateLimitPolicy(this.get('RATE_LIMITS'));
  }

  get graphql() {
    return {
      maxDepth: this.get('GRAPHQL_MAX_DEPTH'),
      maxComplexity: this.get('GRAPHQL_MAX_COMPLEXITY'),
      maxAliases: this.get('GRAPHQL_MAX_ALIASES'),
      maxBatch: this.get('GRAPHQL_MAX_BATCH'),
      maxQueryLength: this.get('GRAPHQL_MAX_QUERY_LENGTH'),
      maxTokens: this.get('GRAPHQL_MAX_TOKENS'),
      maxFields: this.get('GRAPHQL_MAX_FIELDS'),
      maxDirectives: this.get('GRAPHQL_MAX_DIRECTIVES'),
    };
  }
}
