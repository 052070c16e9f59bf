import { Logger } from '@nestjs/common';
import { Job, Queue, QueueEvents } from 'bullmq';
import Redis from 'ioredis';
import { createBullConnection } from './bullmq-connection';
import { JobHandler } from './job-processor.decorator';

/** How long a domain's failure hook is retried (e.g. while the database is still down). */
const HOOK_RETRY_MS = 1_000;
const HOOK_GIVE_UP_MS = 10 * 60_000;
/** Failed jobs looked at when a worker starts (they are kept for 7 days, at most 5,000). */
const SWEEP_LIMIT = 1_000;

/**
 * Tells a job's handler that the job failed for good (`JobHandler.onFinalFailure`). Listens to
 * the queue's event stream, not the worker: a job failed by the stalled check (its worker died or
 * hung) raises no worker event, only a `failed` event in the stream. Every worker relays it;
 * the hooks are idempotent.
 */
export class FinalFailureRelay {
  private readonly logger = new Logger(FinalFailureRelay.name);
  private readonly events: QueueEvents;
  private readonly connection: Redis;
  private closed = false;

  constructor(
    private readonly queue: Queue,
    private readonly handlers: Map<string, JobHandler<unknown>>,
    options: { redisUrl: string; prefix: string },
  ) {
    this.connection = createBullConnection(options.redisUrl);
    this.events = new QueueEvents(queue.name, {
      connection: this.connection,
      prefix: options.prefix,
    });
    this.events.on('failed', ({ jobId, failedReason }) => void this.relay(jobId, failedReason));
    this.events.on('error', (error) =>
      this.logger.warn({ queue: queue.name, err: error }, 'queue events error'),
    );
  }

  /**
   * Relays the failed jobs still kept in the queue: a failure no worker heard (none was running,
   * or the hook gave up while the database was down) is recorded when a worker next starts.
   */
  async sweep(): Promise<void> {
    const failed = await this.queue.getFailed(0, SWEEP_LIMIT - 1);
    for (const job of failed)
      if (this.handlers.get(job.name)?.onFinalFailure)
        await this.relay(job.id!, job.failedReason ?? 'unknown reason');
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.events.close().catch(() => undefined);
    await this.connection.quit().catch(() => this.connection.disconnect());
  }

  private async relay(jobId: string, failedReason: string): Promise<void> {
    const deadline = Date.now() + HOOK_GIVE_UP_MS;
    while (!this.closed) {
      try {
        const job = await Job.fromId(this.queue, jobId);
        const hook = job && this.handlers.get(job.name)?.onFinalFailure;
        if (!job || !hook || (await job.getState()) !== 'failed') return;
        await hook.call(this.handlers.get(job.name), job, failedReason);
        return;
      } catch (error) {
        if (Date.now() > deadline) {
          this.logger.error({ queue: this.queue.name, jobId, err: error }, 'failure hook gave up');
          return;
        }
        this.logger.warn({ queue: this.queue.name, jobId, err: error }, 'failure hook will retry');
        await new Promise((resolve) => setTimeout(resolve, HOOK_RETRY_MS));
      }
    }
  }
}
