import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Job, JobsOptions, Queue, RepeatOptions } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '@cc/config';
import { createBullConnection } from './bullmq-connection';
import { JobClass, queueOf } from './job-processor.decorator';
import { DEFAULT_JOB_OPTIONS, QueueName } from './queue.constants';

type JobTemplate = Parameters<Queue['upsertJobScheduler']>[2];

/** The producer side: any process may enqueue; only the worker consumes. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly logger = new Logger(QueueService.name);
  private readonly queues = new Map<QueueName, Queue>();
  private readonly schedules = new Map<
    string,
    { queue: QueueName; id: string; repeat: RepeatOptions; template: JobTemplate }
  >();
  private connection?: Redis;

  constructor(private readonly config: AppConfig) {}

  /**
   * Enqueues, or fails promptly when Redis is unreachable: at once while the connection is down
   * (ioredis would otherwise hold the command until it reconnects), and after
   * REDIS_COMMAND_TIMEOUT_MS when Redis stops answering on an open connection.
   */
  async add<TData>(
    jobClass: JobClass<TData>,
    data: TData,
    options: JobsOptions = {},
  ): Promise<Job<TData>> {
    const queue = this.queue(queueOf(jobClass));
    await this.connected(`enqueueing ${jobClass.name}`);
    return queue.add(jobClass.name, data, {
      ...DEFAULT_JOB_OPTIONS,
      jobId: jobClass.jobId(data),
      ...options,
    }) as Promise<Job<TData>>;
  }

  /**
   * Enqueues jobs by queue and name, as the outbox relay does for stored events (same prompt
   * failure while Redis is unreachable as `add`; the adds are sent without waiting in turn).
   */
  async addAllByName(
    jobs: readonly { queue: QueueName; name: string; data: unknown; options: JobsOptions }[],
  ): Promise<void> {
    await this.connected(`enqueueing ${jobs.length} job(s)`);
    await Promise.all(
      jobs.map((job) =>
        this.queue(job.queue).add(job.name, job.data, { ...DEFAULT_JOB_OPTIONS, ...job.options }),
      ),
    );
  }

  /**
   * True for the first call with this key in any `windowMs` (across processes: a Redis key with
   * a TTL), false for the others. Adaptive debounces use it to tell a leading edge from a burst.
   */
  async openWindow(key: string, windowMs: number): Promise<boolean> {
    await this.connected(`opening window ${key}`);
    const set = await this.connectionFor().set(
      `${this.config.queue.prefix}:window:${key}`,
      '1',
      'PX',
      windowMs,
      'NX',
    );
    return set === 'OK';
  }

  /** Calls `listener` whenever the producer connection (re)connects to Redis. */
  onReady(listener: () => void): void {
    this.connectionFor().on('ready', listener);
  }

  /** Waits for the first connection (at most the command timeout); fails at once when lost. */
  private async connected(what: string): Promise<void> {
    const connection = this.connectionFor();
    if (connection.status === 'ready') return;
    const fail = () => new Error(`Redis is not reachable (${connection.status}); ${what} failed`);
    if (!['wait', 'connecting', 'connect'].includes(connection.status)) throw fail();
    const ms = this.config.redis.commandTimeoutMs;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        connection.off('ready', ready);
        reject(fail());
      }, ms).unref();
      const ready = () => {
        clearTimeout(timer);
        resolve();
      };
      connection.once('ready', ready);
    });
  }

  /**
   * Registers a repeatable job with BullMQ's job scheduler (idempotent: every worker does it at
   * start) and again whenever the connection is ready after a reconnect, since a Redis restart
   * without persistence erases schedulers. `missingSchedules` lets health report one gone.
   */
  async upsertSchedule(
    queue: QueueName,
    id: string,
    repeat: RepeatOptions,
    template: JobTemplate,
  ): Promise<void> {
    if (this.schedules.size === 0) this.connectionFor().on('ready', () => void this.reupsert());
    this.schedules.set(`${queue}/${id}`, { queue, id, repeat, template });
    await this.queue(queue).upsertJobScheduler(id, repeat, template);
  }

  async missingSchedules(): Promise<string[]> {
    const missing: string[] = [];
    for (const { queue, id } of this.schedules.values())
      if (!(await this.queue(queue).getJobScheduler(id))) missing.push(`${queue}/${id}`);
    return missing;
  }

  private async reupsert(): Promise<void> {
    for (const { queue, id, repeat, template } of this.schedules.values()) {
      try {
        await this.queue(queue).upsertJobScheduler(id, repeat, template);
      } catch (error) {
        this.logger.warn({ queue, scheduler: id, err: error }, 'could not re-register schedule');
      }
    }
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      queue = new Queue(name, {
        connection: this.connectionFor(),
        prefix: this.config.queue.prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      // Without a listener BullMQ prints every connection error; one warning per error is enough.
      queue.on('error', (error) =>
        this.logger.warn({ queue: name, err: error }, 'queue connection error'),
      );
      this.queues.set(name, queue);
    }
    return queue;
  }

  private connectionFor(): Redis {
    // Not BullMQ's blocking connection: commands here may time out and fail fast offline.
    this.connection ??= createBullConnection(this.config.redis.url, {
      commandTimeout: this.config.redis.commandTimeoutMs,
      maxRetriesPerRequest: 1,
    });
    return this.connection;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    await this.connection?.quit().catch(() => undefined);
  }
}
