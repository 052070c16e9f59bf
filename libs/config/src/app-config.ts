import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { Env } from './env.schema';

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
    return { port: this.get('PORT'), bodyLimit: this.get('HTTP_BODY_LIMIT') };
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

  get graphql() {
    return {
      maxDepth: this.get('GRAPHQL_MAX_DEPTH'),
      maxComplexity: this.get('GRAPHQL_MAX_COMPLEXITY'),
      maxAliases: this.get('GRAPHQL_MAX_ALIASES'),
      maxBatch: this.get('GRAPHQL_MAX_BATCH'),
    };
  }
}
