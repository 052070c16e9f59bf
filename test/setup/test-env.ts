import { join } from 'node:path';

/** Values shared between global setup/teardown and the test workers, passed through process.env. */
export const TEST_STATE_KEYS = {
  serverUrl: 'CC_TEST_PG_SERVER_URL',
  database: 'CC_TEST_DATABASE',
} as const;

export const TEST_DATA_ROOT = join(__dirname, '..', '..', '.data', 'test');
