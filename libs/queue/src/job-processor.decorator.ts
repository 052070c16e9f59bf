import { SetMetadata, Type } from '@nestjs/common';
import { Job } from 'bullmq';
import { QueueName } from './queue.constants';

export const JOB_PROCESSOR_QUEUE = Symbol('JOB_PROCESSOR_QUEUE');

/** A job processor handles one job name: the name of its class. */
export interface JobHandler<TData, TResult = unknown> {
  /** `signal` aborts when the worker shuts down past its grace and releases the job. */
  handle(job: Job<TData, TResult>, signal?: AbortSignal): Promise<TResult>;
  /**
   * Called once the job has failed for good: its last attempt threw, or it stalled more often
   * than allowed (its worker died or hung), which no code inside `handle` ever sees. Lets the
   * domain record the failure (e.g. an import row says FAILED). Retried until it succeeds.
   */
  onFinalFailure?(job: Job<TData, TResult>, reason: string): Promise<void>;
}

/**
 * A job class is its own registry entry: the class name is the job name, the decorator names
 * the queue, and the static `jobId` makes enqueueing deterministic, so the same logical job is
 * stored once however often it is requested. BullMQ forbids ':' in ids; join parts with '.'.
 */
export type JobClass<TData, TResult = unknown> = Type<JobHandler<TData, TResult>> & {
  jobId(data: TData): string;
};

export function JobProcessor(queue: QueueName): ClassDecorator {
  return SetMetadata(JOB_PROCESSOR_QUEUE, queue);
}

export function queueOf(jobClass: Type<unknown>): QueueName {
  const queue = Reflect.getMetadata(JOB_PROCESSOR_QUEUE, jobClass) as QueueName | undefined;
  if (!queue) throw new Error(`${jobClass.name} is not decorated with @JobProcessor(queue)`);
  return queue;
}
