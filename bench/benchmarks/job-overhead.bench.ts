import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { Queue, Worker } from 'bullmq';
import Redis from 'ioredis';
import { Benchmark } from '../support/benchmark';
import { interleaved, Sample } from '../support/interleaved';
import { freePort, ROOT } from '../support/processes';

/** The built code: Nest's injection needs the decorator metadata tsc emits (see coupling-facts). */
const load = createRequire(__filename);
const fromDist = <T>(path: string): T => load(join(ROOT, 'dist', path)) as T;
const { WorkerModule } = fromDist<typeof import('../../apps/worker/src/worker.module')>(
  'apps/worker/src/worker.module.js',
);
const { QueueService, QueueName, DEFAULT_JOB_OPTIONS } =
  fromDist<typeof import('../../libs/queue/src')>('libs/queue/src/index.js');
const { RecomputeCouplingJob } = fromDist<typeof import('../../libs/impact/src')>(
  'libs/impact/src/index.js',
);

/** BullMQ's default and the worker's (WORKER_CONCURRENCY): the same on both sides. */
const CONCURRENCY = 4;
const NOOP_QUEUE = 'bench-noop';
/** Adds in flight at once, as a busy API would send them. */
const PRODUCERS = 20;

/**
 * Waits until the queue has nothing waiting or running (delayed jobs are the schedules, such as
 * the nightly rebuild); fails if any job failed meanwhile.
 */
async function drained(queue: Queue, failedBefore: number): Promise<void> {
  for (;;) {
    const counts = await queue.getJobCounts('wait', 'active', 'prioritized', 'failed');
    if (counts.failed > failedBefore)
      throw new Error(`${queue.name}: ${counts.failed} failed jobs`);
    if (counts.wait + counts.active + counts.prioritized === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Jobs/s from the first add to the queue drained. */
async function throughput(
  queue: Queue,
  jobs: number,
  add: () => Promise<unknown>,
): Promise<Sample> {
  const failedBefore = await queue.getFailedCount();
  const started = performance.now();
  let added = 0;
  await Promise.all(
    Array.from({ length: PRODUCERS }, async () => {
      while (added < jobs) {
        added += 1;
        await add();
      }
    }),
  );
  await drained(queue, failedBefore);
  return { value: jobs / ((performance.now() - started) / 1000), details: { jobs } };
}

/**
 * Job overhead: recompute jobs with a trivial payload (a version that does not exist, so the
 * handler takes its advisory lock, looks the version up once and returns "skipped") enqueued
 * through the queue registry (`QueueService.add`: deterministic id, default retries) and consumed
 * by the worker's QueueWorkerHost, against BullMQ no-op jobs on a bare Queue and Worker at the
 * same concurrency on the same Redis, in the same process.
 */
export const jobOverhead: Benchmark = {
  name: 'job-overhead',
  async run({ services, appEnv, scale, pairs, log }) {
    const jobs = 2000 * scale;
    // Its own health port: another worker on the machine may hold the default one.
    Object.assign(process.env, appEnv, {
      WORKER_CONCURRENCY: String(CONCURRENCY),
      WORKER_HEALTH_PORT: String(await freePort()),
    });
    const context = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
    await context.init();
    const connection = new Redis(services.redisUrl, { maxRetriesPerRequest: null });
    const prefix = appEnv.QUEUE_PREFIX;
    const bareQueue = new Queue(NOOP_QUEUE, { connection, prefix });
    const bareWorker = new Worker(NOOP_QUEUE, async () => undefined, {
      connection: new Redis(services.redisUrl, { maxRetriesPerRequest: null }),
      prefix,
      concurrency: CONCURRENCY,
    });
    try {
      const queues = context.get(QueueService);
      const coupling = queues.queue(QueueName.COUPLING);
      log(`${jobs} jobs per side per pair`);
      const pipeline = () =>
        throughput(coupling, jobs, () =>
          queues.add(RecomputeCouplingJob, {
            versionId: randomUUID(),
            reason: 'bench',
            requestId: randomUUID(),
          }),
        );
      const noop = () =>
        throughput(bareQueue, jobs, () =>
          bareQueue.add('noop', {}, { ...DEFAULT_JOB_OPTIONS, jobId: randomUUID() }),
        );
      await pipeline();
      await noop(); // warm both before measuring
      const result = await interleaved(pairs, pipeline, noop);
      return {
        name: 'job-overhead',
        project: `recompute jobs with a trivial payload through QueueService.add and QueueWorkerHost, concurrency ${CONCURRENCY}`,
        baseline: `BullMQ no-op jobs, bare Queue and Worker, concurrency ${CONCURRENCY}`,
        unit: 'jobs/s',
        target: { min: 0.5 },
        scale: `${jobs} jobs per side per pair`,
        result,
      };
    } finally {
      await bareWorker.close();
      await bareQueue.close();
      await connection.quit();
      await context.close();
    }
  },
};
