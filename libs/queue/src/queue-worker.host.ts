import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { Job, Worker } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '@cc/config';
import { createBullConnection } from './bullmq-connection';
import { JOB_PROCESSOR_QUEUE, JobHandler } from './job-processor.decorator';
import { QueueName, WORKER_SHUTDOWN_GRACE_MS } from './queue.constants';

/**
 * Consumes every queue that has at least one @JobProcessor. Lives only in the worker process.
 * On shutdown it stops taking new jobs and waits for active ones; past the grace period it
 * closes forcibly, and BullMQ's stalled-job check hands those jobs to another worker.
 */
@Injectable()
export class QueueWorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(QueueWorkerHost.name);
  private readonly workers: Worker[] = [];
  // BullMQ does not close connections it was handed, so the host closes them after the workers.
  private readonly connections: Redis[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly config: AppConfig,
  ) {}

  get isRunning(): boolean {
    return this.workers.length > 0 && this.workers.every((worker) => worker.isRunning());
  }

  get queueNames(): string[] {
    return this.workers.map((worker) => worker.name);
  }

  onApplicationBootstrap(): void {
    for (const [queue, handlers] of this.discoverHandlers()) {
      const connection = createBullConnection(this.config.redis.url);
      this.connections.push(connection);
      const worker = new Worker(queue, (job: Job) => this.dispatch(handlers, job), {
        connection,
        prefix: this.config.queue.prefix,
        concurrency: this.config.queue.concurrency,
      });
      worker.on('failed', (job, error) =>
        this.logger.warn(
          { queue, job: job?.name, jobId: job?.id, attempt: job?.attemptsMade, err: error },
          'job failed',
        ),
      );
      worker.on('error', (error) => this.logger.error({ queue, err: error }, 'worker error'));
      this.workers.push(worker);
      this.logger.log(`consuming ${queue}: ${[...handlers.keys()].join(', ')}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(
      this.workers.map(async (worker) => {
        const graceful = worker.close();
        const timeout = new Promise<'timeout'>((resolve) =>
          setTimeout(resolve, WORKER_SHUTDOWN_GRACE_MS, 'timeout').unref(),
        );
        if ((await Promise.race([graceful, timeout])) === 'timeout') await worker.close(true);
      }),
    );
    await Promise.all(
      this.connections.map((connection) => connection.quit().catch(() => connection.disconnect())),
    );
  }

  private async dispatch(handlers: Map<string, JobHandler<unknown>>, job: Job): Promise<unknown> {
    const handler = handlers.get(job.name);
    if (!handler) throw new Error(`No processor for job "${job.name}" on queue "${job.queueName}"`);
    return handler.handle(job);
  }

  private discoverHandlers(): Map<QueueName, Map<string, JobHandler<unknown>>> {
    const byQueue = new Map<QueueName, Map<string, JobHandler<unknown>>>();
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
