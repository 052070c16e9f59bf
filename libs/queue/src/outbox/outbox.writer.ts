import { Injectable } from '@nestjs/common';
import { JobsOptions } from 'bullmq';
import { EntityManager } from 'typeorm';
import { JobClass, queueOf } from '../job-processor.decorator';
import { QueueName } from '../queue.constants';

/**
 * A job addressed by name, for producers that must not import the consumer's class (the
 * consumer lives in a domain downstream of them). `jobId` must be deterministic.
 */
export interface OutboxJob<TData> {
  queue: QueueName;
  name: string;
  jobId(data: TData): string;
}

/** What an event may ask of BullMQ besides its job id (which the job class decides). */
export type OutboxJobOptions = Pick<
  JobsOptions,
  'delay' | 'attempts' | 'backoff' | 'deduplication' | 'priority'
>;

export interface OutboxEntry<TData = unknown> {
  job: JobClass<TData> | OutboxJob<TData>;
  data: TData;
  options?: OutboxJobOptions;
}

function addressOf<TData>(job: JobClass<TData> | OutboxJob<TData>): OutboxJob<TData> {
  if ('queue' in job && typeof job.queue === 'string') return job as OutboxJob<TData>;
  const jobClass = job as JobClass<TData>;
  return { queue: queueOf(jobClass), name: jobClass.name, jobId: (data) => jobClass.jobId(data) };
}

/**
 * Writes events into the transactional outbox (`outbox_event`) with the caller's EntityManager,
 * so an event exists exactly when the change that causes it committed. The worker's
 * `OutboxRelay` moves the rows to BullMQ under the job id fixed here. Refuses a manager outside
 * a transaction: the event and the change must commit together or not at all.
 */
@Injectable()
export class OutboxWriter {
  add<TData>(
    manager: EntityManager,
    job: JobClass<TData> | OutboxJob<TData>,
    data: TData,
    options: OutboxJobOptions = {},
  ): Promise<void> {
    return this.addAll(manager, [{ job, data, options }]);
  }

  /** Several events in one INSERT (one round trip). */
  async addAll(manager: EntityManager, entries: readonly OutboxEntry<unknown>[]): Promise<void> {
    if (entries.length === 0) return;
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error(
        'OutboxWriter needs the EntityManager of an open transaction (inside dataSource.transaction), so the event commits with its change',
      );
    }
    const params: unknown[] = [];
    const rows = entries.map(({ job, data, options }) => {
      const address = addressOf(job);
      params.push(
        address.queue,
        address.name,
        address.jobId(data),
        JSON.stringify(data),
        JSON.stringify(options ?? {}),
      );
      const at = params.length - 5;
      return `($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}::jsonb, $${at + 5}::jsonb)`;
    });
    await manager.query(
      `INSERT INTO outbox_event (queue, job_name, job_id, payload, options) VALUES ${rows.join(', ')}`,
      params,
    );
  }
}
