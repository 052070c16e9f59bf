import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Job, JobsOptions, Queue } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '@cc/config';
import { createBullConnection } from './bullmq-connection';
import { JobClass, queueOf } from './job-processor.decorator';
import { DEFAULT_JOB_OPTIONS, QueueName } from './queue.constants';

/** The producer side: any process may enqueue; only the worker consumes. */
@Injectable()
export class QueueService implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();
  private connection?: Redis;

  constructor(private readonly config: AppConfig) {}

  async add<TData>(
    jobClass: JobClass<TData>,
    data: TData,
    options: JobsOptions = {},
  ): Promise<Job<TData>> {
    const queue = this.queue(queueOf(jobClass));
    return queue.add(jobClass.name, data, {
      ...DEFAULT_JOB_OPTIONS,
      jobId: jobClass.jobId(data),
      ...options,
    }) as Promise<Job<TData>>;
  }

  queue(name: QueueName): Queue {
    let queue = this.queues.get(name);
    if (!queue) {
      this.connection ??= createBullConnection(this.config.redis.url);
      queue = new Queue(name, {
        connection: this.connection,
        prefix: this.config.queue.prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      this.queues.set(name, queue);
    }
    return queue;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((queue) => queue.close()));
    await this.connection?.quit().catch(() => undefined);
  }
}
