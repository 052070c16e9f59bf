import Redis from 'ioredis';
import { dropDatabase } from '../../libs/local-infra/src/local-postgres';
import { TEST_STATE_KEYS } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env[TEST_STATE_KEYS.serverUrl];
  const database = process.env[TEST_STATE_KEYS.database];
  if (serverUrl && database && !process.env.KEEP_TEST_DATABASE)
    await dropDatabase(serverUrl, database);

  const redis = new Redis(process.env.REDIS_URL!);
  const stream = redis.scanStream({ match: `${process.env.QUEUE_PREFIX}*`, count: 500 });
  for await (const keys of stream as AsyncIterable<string[]>)
    if (keys.length) await redis.unlink(...keys);
  await redis.quit();

  await globalThis.__CC_TEST_STOP__?.();
}
