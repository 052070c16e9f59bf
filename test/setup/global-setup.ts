// Jest loads this file outside its module map, so it uses relative imports, not @cc/* aliases.
import { randomBytes } from 'node:crypto';
import { runMigrations } from '../../libs/database/src/run-migrations';
import {
  createDatabaseIfMissing,
  databaseUrl,
  ensurePostgres,
} from '../../libs/local-infra/src/local-postgres';
import { ensureRedis } from '../../libs/local-infra/src/local-redis';
import { TEST_DATA_ROOT, TEST_STATE_KEYS } from './test-env';

declare global {
  var __CC_TEST_STOP__: (() => Promise<void>) | undefined;
}

/**
 * One fresh database (migrations applied, never synchronize) and one Redis key prefix per run,
 * so runs never see each other's data.
 */
export default async function globalSetup(): Promise<void> {
  const log = (line: string) => process.stderr.write(`[test setup] ${line}\n`);
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
  const postgres = await ensurePostgres(TEST_DATA_ROOT, log);
  const redis = await ensureRedis(TEST_DATA_ROOT, log);

  const database = `cc_test_${runId}`;
  await createDatabaseIfMissing(postgres.serverUrl, database);
  const url = databaseUrl(postgres.serverUrl, database);
  await runMigrations(url);

  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: url,
    REDIS_URL: redis.url,
    QUEUE_PREFIX: `cctest-${runId}`,
    JWT_SECRET: randomBytes(32).toString('hex'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WORKER_HEALTH_PORT: '0',
    // Tests name their client address in X-Forwarded-For (each login from its own address);
    // production trusts no forwarded header by default. test/security exercises the defaults.
    TRUST_PROXY: 'loopback',
    // Every test file drives hundreds of operations from 127.0.0.1 and signs many users up;
    // test/security/rate-limits.e2e-spec.ts runs with the production budgets.
    RATE_LIMITS: 'ip=1000000/60,account=1000000/60,signUp=1000000/3600,upload=1000000/3600',
    [TEST_STATE_KEYS.serverUrl]: postgres.serverUrl,
    [TEST_STATE_KEYS.database]: database,
  });
  globalThis.__CC_TEST_STOP__ = async () => {
    await redis.stop();
    await postgres.stop();
  };
}
