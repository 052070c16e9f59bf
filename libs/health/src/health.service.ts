import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS_CLIENT } from '@cc/redis';

export type CheckStatus = 'up' | 'down';

export interface ReadinessReport {
  status: 'ok' | 'error';
  checks: Record<string, { status: CheckStatus; error?: string }>;
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
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  /** Readiness: can this process reach what it needs? Extra checks can be added by the caller. */
  async readiness(extra: Record<string, () => Promise<void>> = {}): Promise<ReadinessReport> {
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
    return {
      status: entries.every(([, check]) => check.status === 'up') ? 'ok' : 'error',
      checks: report,
    };
  }
}
