import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS_CLIENT } from '@cc/redis';
import { evictionPolicyProblem } from './redis-eviction-policy';

export type CheckStatus = 'up' | 'down';

export interface ReadinessReport {
  status: 'ok' | 'error';
  checks: Record<string, { status: CheckStatus; error?: string }>;
  /** Problems that do not stop this process serving, but put data at risk (e.g. eviction). */
  warnings?: string[];
}

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout<T>(work: Promise<T>): Promise<T> {
  return Promise.race([
    work,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref(),
    ),
  ]);
}

@Injectable()
export class HealthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(HealthService.name);
  /** Set once the process is shutting down: readiness fails first, so traffic moves away. */
  private drainingReason: string | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  /** Warns loudly at start when Redis may evict queue keys (health keeps reporting it). */
  async onApplicationBootstrap(): Promise<void> {
    try {
      const problem = await withTimeout(evictionPolicyProblem(this.redis));
      if (problem) this.logger.error(`WARNING: ${problem}`);
    } catch (error) {
      this.logger.warn({ err: error }, 'could not read the Redis eviction policy at start');
    }
  }

  /** From now on readiness answers 503 naming `reason`, whatever the dependencies say. */
  markDraining(reason: string): void {
    this.drainingReason = reason;
  }

  /** Readiness: can this process reach what it needs? Extra checks can be added by the caller. */
  async readiness(extra: Record<string, () => Promise<void>> = {}): Promise<ReadinessReport> {
    const draining = this.drainingReport();
    if (draining) return draining;
    const checks: Record<string, () => Promise<void>> = {
      postgres: async () => {
        await this.dataSource.query('SELECT 1');
      },
      redis: async () => {
        if ((await this.redis.ping()) !== 'PONG') throw new Error('unexpected PING reply');
      },
      ...extra,
    };
    const entries = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          await withTimeout(check());
          return [name, { status: 'up' as const }] as const;
        } catch (error) {
          return [name, { status: 'down' as const, error: (error as Error).message }] as const;
        }
      }),
    );
    const report = Object.fromEntries(entries);
    const eviction = await withTimeout(evictionPolicyProblem(this.redis)).catch(() => null);
    // A shutdown that began while the checks ran (they can take up to their timeout) is the
    // answer a load balancer needs, not the dependencies' state from before it.
    const drainedMeanwhile = this.drainingReport();
    if (drainedMeanwhile) return drainedMeanwhile;
    return {
      status: entries.every(([, check]) => check.status === 'up') ? 'ok' : 'error',
      checks: report,
      ...(eviction ? { warnings: [eviction] } : {}),
    };
  }

  private drainingReport(): ReadinessReport | null {
    if (!this.drainingReason) return null;
    return {
      status: 'error',
      checks: { shutdown: { status: 'down', error: this.drainingReason } },
    };
  }
}
