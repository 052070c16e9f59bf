import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { LocalInfraError } from './local-infra.error';
import { isPortOpen, waitForPort } from './tcp-probe';

export const PRIVATE_REDIS_PORT = 63790;

export interface LocalRedis {
  url: string;
  source: 'REDIS_URL' | 'localhost:6379' | 'redis-server';
  stop(): Promise<void>;
}

export class RedisUnavailableError extends LocalInfraError {
  constructor() {
    super(
      'No Redis found',
      'set REDIS_URL, start one on localhost:6379 (`docker compose up -d redis`), ' +
        'or install the OS package (`apt-get install redis-server`, `brew install redis`)',
    );
  }
}

/** REDIS_URL; else localhost:6379; else a `redis-server` from PATH on a private port. */
export async function ensureRedis(
  dataRoot: string,
  log: (line: string) => void,
): Promise<LocalRedis> {
  if (process.env.REDIS_URL)
    return { url: process.env.REDIS_URL, source: 'REDIS_URL', stop: async () => undefined };
  if (await isPortOpen(6379))
    return { url: 'redis://127.0.0.1:6379', source: 'localhost:6379', stop: async () => undefined };
  if (spawnSync('redis-server', ['--version']).status !== 0) throw new RedisUnavailableError();

  mkdirSync(dataRoot, { recursive: true });
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port',
      String(PRIVATE_REDIS_PORT),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--maxmemory-policy',
      'noeviction',
      '--dir',
      dataRoot,
    ],
    { stdio: 'ignore' },
  );
  await waitForPort(PRIVATE_REDIS_PORT);
  log(`redis-server on 127.0.0.1:${PRIVATE_REDIS_PORT}`);
  return {
    url: `redis://127.0.0.1:${PRIVATE_REDIS_PORT}`,
    source: 'redis-server',
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
