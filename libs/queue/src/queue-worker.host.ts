import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '@cc/config';
import { createBullConnection } from './bullmq-connection';
import { FinalFailureRelay } from './final-failure.relay';
import { JOB_PROCESSOR_QUEUE, JobHandler } from './job-processor.decorator';
import { QueueName } from './queue.constants';
import { QueueService } from './queue.service';

/** How long a job handed back on shutdown waits before another worker may take it. */
const RELEASE_DELAY_MS = 1_000;

type Handlers = Map<string, JobHandler<unknown>>;

/**
 * Consumes every queue that has at least one @JobProcessor. Lives only in the worker process.
 * On shutdown it stops taking new jobs and waits up to WORKER_SHUTDOWN_GRACE_MS for active ones;
 * those still running then are moved back to wait (at once, without spending an attempt) for
 * another worker, and their handlers' abort signals fire.
 */
@Injectable()
export class QueueWorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueWorkerHost.name);
  private readonly workers: Worker[] = [];
  private readonly relays: FinalFailureRelay[] = [];
  /** Active jobs by worker, with the lock token needed to hand them back. */
  private readonly active = new Map<Worker, Map<string, { job: Job; token: string }>>();
  // BullMQ does not close connections it was handed, so the host closes them after the workers.
  private readonly connections: Redis[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
    private readonly queues: QueueService,
  ) {}

  get isRunning(): boolean {
    return this.workers.length > 0 && this.workers.every((worker) => worker.isRunning());
  }

  get queueNames(): string[] {
    return this.workers.map((worker) => worker.name);
  }

  onApplicationBootstrap(): void {
    const { prefix, concurrency, lockDurationMs, stalledIntervalMs, maxStalledCount } =
      this.config.queue;
    for (const [queue, handlers] of this.discoverHandlers()) {
      const connection = createBullConnection(this.config.redis.url);
      this.connections.push(connection);
      const active = new Map<string, { job: Job; token: string }>();
      const worker = new Worker(
        queue,
        async (job: Job, token?: string, signal?: AbortSignal) => {
          active.set(job.id!, { job, token: token! });
          try {
            return await this.dispatch(handlers, job, signal);
          } finally {
            active.delete(job.id!);
          }
        },
        {
          connection,
          prefix,
          concurrency,
          lockDuration: lockDurationMs,
          stalledInterval: stalledIntervalMs,
          maxStalledCount,
        },
      );
      this.active.set(worker, active);
      worker.on('failed', (job, error) =>
        this.logger.warn(
          { queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: error },
          'job failed',
        ),
      );
      worker.on('stalled', (jobId) =>
        this.logger.warn({ queue, jobId }, 'job stalled: its worker stopped renewing the lock'),
      );
      worker.on('error', (error) => this.logger.error({ queue, err: error }, 'worker error'));
      this.workers.push(worker);
      const relay = new FinalFailureRelay(this.queues.queue(queue), handlers, {
        redisUrl: this.config.redis.url,
        prefix,
      });
      this.relays.push(relay);
      relay
        .sweep()
        .catch((error: unknown) =>
          this.logger.warn({ queue, err: error }, 'could not sweep failed jobs'),
        );
      this.logger.log(`consuming ${queue}: ${[...handlers.keys()].join(', ')}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const deadline = Date.now() + this.config.worker.shutdownGraceMs;
    await Promise.all(
      this.workers.map(async (worker) => {
        // Stop taking jobs, let active ones finish within the grace. (Not close(): a forced close
        // after a graceful one only waits for the graceful one, i.e. for the job.)
        await worker.pause(true);
        const active = this.active.get(worker)!;
        while (active.size > 0 && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 50));
        if (active.size > 0) await this.release(worker);
        else await worker.close();
      }),
    );
    await Promise.all(this.relays.map((relay) => relay.close()));
    await Promise.all(
      this.connections.map((connection) => connection.quit().catch(() => connection.disconnect())),
    );
  }

  /**
   * Past the grace: hand every active job back to the queue, then close without waiting. A job
   * goes back delayed by a moment, not straight to wait: a paused worker's blocking fetch, woken
   * by the job's return, takes a job that is ready at once (BullMQ does not check pause there),
   * so this very worker would take its own job back. Any other worker runs it a moment later.
   */
  private async release(worker: Worker): Promise<void> {
    const active = [...(this.active.get(worker)?.values() ?? [])];
    for (const { job, token } of active) {
      try {
        await job.moveToDelayed(Date.now() + RELEASE_DELAY_MS, token);
        this.logger.warn({ queue: worker.name, jobId: job.id }, 'job released on shutdown');
      } catch (error) {
        // The lock is gone already: the stalled check hands the job to another worker.
        this.logger.warn({ queue: worker.name, jobId: job.id, err: error }, 'could not release');
      }
    }
    worker.cancelAllJobs('worker shutting down');
    await worker.close(true);
  }

  private async dispatch(handlers: Handlers, job: Job, signal?: AbortSignal): Promise<unknown> {
    const handler = handlers.get(job.name);
    if (!handler) throw new Error(`No processor for job "${job.name}" on queue "${job.queueName}"`);
    return handler.handle(job, signal);
  }

  private discoverHandlers(): Map<QueueName, Handlers> {
    const byQueue = new Map<QueueName, Handlers>();
    for (const wrapper of this.discovery.getProviders()) {
      const { instance, metatype } = wrapper;
      if (!instance || !metatype) continue;
      const queue = Reflect.getMetadata(JOB_PROCESSOR_QUEUE, metatype) as QueueName | undefined;
      if (!queue) continue;
      const handlers = byQueue.get(queue) ?? new Map<string, JobHandler<unknown>>();
      handlers.set(metatype.name, instance as JobHandler<unknown>);
      byQueue.set(queue, handlers);
    }
    return byQueue;
  }
}
