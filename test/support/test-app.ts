import { randomBytes } from 'node:crypto';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { withEnv } from './env-override';
import { GraphqlClient } from './graphql-client';

export interface TestApp {
  api: INestApplication;
  worker?: INestApplicationContext;
  baseUrl: string;
  gql: GraphqlClient;
  db: DataSource;
  close(): Promise<void>;
}

/**
 * Each test file gets its own queue key space (Jest evaluates this module once per file), so a
 * job one file left delayed in Redis is never processed by the next file's worker. All apps of
 * one file share it, as replicas share Redis.
 */
process.env.CC_TEST_BASE_QUEUE_PREFIX ??= process.env.QUEUE_PREFIX;
process.env.QUEUE_PREFIX = `${process.env.CC_TEST_BASE_QUEUE_PREFIX}-${randomBytes(3).toString('hex')}`;

/** When this file started (Jest evaluates this module once per file, files run one by one). */
const FILE_STARTED_AT = new Date();
/** Only the file's first worker drops them: later ones must relay this file's own events. */
let staleEventsDropped = false;

/** Apps of this file not closed yet, even half-started ones (see the afterAll below). */
const openApps = new Set<{ api?: INestApplication; worker?: INestApplicationContext }>();

/**
 * A `beforeAll` that times out leaves its app booting with no `close()` to call; its timers
 * (e.g. the outbox listener's reconnect) then fire after Jest tore the file's environment down,
 * and the crash ends the whole run, not just this file. So every file closes what it left open.
 */
if (typeof afterAll === 'function') {
  afterAll(async () => {
    const left = [...openApps];
    openApps.clear();
    for (const app of left) {
      await app.worker?.close().catch(() => undefined);
      await app.api?.close().catch(() => undefined);
    }
  });
}

/**
 * Boots the real API (on a free port) and, when asked, the real worker, in this test process;
 * `env` overrides the environment they start with (e.g. a private Redis for fault drills).
 */
export async function startTestApp(
  options: { worker?: boolean; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const override = withEnv(options.env ?? {});
  const opened: { api?: INestApplication; worker?: INestApplicationContext } = {};
  openApps.add(opened);
  let api: INestApplication;
  let worker: INestApplicationContext | undefined;
  try {
    api = opened.api = await createApiApp();
    worker = opened.worker = options.worker
      ? await NestFactory.createApplicationContext(WorkerModule, {
          logger: false,
          abortOnError: false,
        })
      : undefined;
  } finally {
    override.restore();
  }
  await api.listen(0, '127.0.0.1');
  const baseUrl = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  // Files without a worker leave their events in the shared outbox table; this file's relay
  // would move them all into this file's queues, and their recomputes and refreshes would delay
  // this file's own events past its waits. Nobody is left to observe them: drop them.
  if (worker && !staleEventsDropped) {
    staleEventsDropped = true;
    await api
      .get<DataSource>(getDataSourceToken())
      .query('DELETE FROM outbox_event WHERE created_at < $1', [FILE_STARTED_AT]);
  }
  await worker?.init();
  return {
    api,
    worker,
    baseUrl,
    gql: new GraphqlClient(baseUrl),
    db: api.get<DataSource>(getDataSourceToken()),
    async close() {
      openApps.delete(opened);
      await worker?.close();
      await api.close();
    },
  };
}

/** Polls until `check` returns a value, for results produced asynchronously by the worker. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false>,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Boots one more worker (a replica) with extra environment, e.g. a private Redis, a database
 * reached through a proxy, or short lock and stall settings for fault drills.
 */
export async function startWorker(
  env: Record<string, string> = {},
): Promise<INestApplicationContext> {
  const override = withEnv(env);
  try {
    const worker = await NestFactory.createApplicationContext(WorkerModule, {
      logger: false,
      abortOnError: false,
    });
    await worker.init();
    return worker;
  } finally {
    override.restore();
  }
}
