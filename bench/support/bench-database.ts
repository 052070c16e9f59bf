import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrations } from '../../libs/database/src/run-migrations';
import {
  createDatabaseIfMissing,
  databaseUrl,
  dropDatabase,
  ensurePostgres,
} from '../../libs/local-infra/src/local-postgres';
import { ensureRedis } from '../../libs/local-infra/src/local-redis';
import { join } from 'node:path';

export interface BenchServices {
  /** A fresh database with the migrations applied, dropped by `close()` unless kept. */
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  close(): Promise<void>;
}

/** Finds PostgreSQL and Redis as the tests do, and makes one fresh database for this run. */
export async function benchServices(
  log: (line: string) => void,
  keep = false,
): Promise<BenchServices> {
  const dataRoot = join(__dirname, '..', '..', '.data', 'bench');
  const postgres = await ensurePostgres(dataRoot, log);
  const redis = await ensureRedis(dataRoot, log);
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const database = `cc_bench_${runId}`;
  await createDatabaseIfMissing(postgres.serverUrl, database);
  const url = databaseUrl(postgres.serverUrl, database);
  await runMigrations(url);
  return {
    databaseUrl: url,
    redisUrl: redis.url,
    queuePrefix: `ccbench-${runId}`,
    async close() {
      if (keep) log(`kept database ${database}`);
      else await dropDatabase(postgres.serverUrl, database);
      await redis.stop();
      await postgres.stop();
    },
  };
}

/** One short-lived connection, for fixtures and baselines' setup. */
export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
