import { JobsOptions } from 'bullmq';

/**
 * Every queue the platform uses. Queue names are short and stable: they are part of the Redis
 * key space (`<QUEUE_PREFIX>:<queue>:...`). For Redis Cluster, set QUEUE_PREFIX to a hash tag
 * such as `{cc}` so that a queue's keys share one slot.
 */
export enum QueueName {
  SYSTEM = 'system',
  DOMAIN_EVENTS = 'domain-events',
  COUPLING = 'coupling',
  IMPORTS = 'imports',
  MATCHING = 'matching',
}

/** Retry, backoff and retention for every job, in one place. Jobs may override per call. */
export const DEFAULT_JOB_OPTIONS: JobsOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1_000 },
  removeOnComplete: { age: 24 * 3600, count: 1_000 },
  removeOnFail: { age: 7 * 24 * 3600, count: 5_000 },
};

/** How long a worker waits for active jobs on shutdown before releasing them (they are retried). */
export const WORKER_SHUTDOWN_GRACE_MS = 25_000;
