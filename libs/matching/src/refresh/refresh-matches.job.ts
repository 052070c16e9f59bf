import { randomUUID } from 'node:crypto';
import { Job } from 'bullmq';
import { JobHandler, JobProcessor, OutboxEntry, QueueName } from '@cc/queue';
import { MatchRefresher } from './match-refresher.service';
import { MatchSubject } from './match-subject';

/** Changes to one subject within this window are refreshed once. */
export const MATCHING_REFRESH_DEBOUNCE_MS = 300;

export interface RefreshMatchesJobData {
  subject: MatchSubject;
  id: string;
  /** What happened, for logs: `project published`, `review added`, ... */
  reason: string;
  requestId: string;
}

/**
 * Recomputes one subject's matches in the worker. Bursts of events about one subject collapse
 * into one run through BullMQ deduplication (`matching.<subject>.<id>`); an event during a run
 * leaves one follow-up run (`keepLastIfActive`), so the last change is never lost.
 */
@JobProcessor(QueueName.MATCHING)
export class RefreshMatchesJob implements JobHandler<RefreshMatchesJobData, number> {
  static jobId(data: RefreshMatchesJobData): string {
    return `matching.${data.subject}.${data.id}.${data.requestId}`;
  }

  static deduplicationId(subject: MatchSubject, id: string): string {
    return `matching.${subject}.${id}`;
  }

  constructor(private readonly refresher: MatchRefresher) {}

  handle(job: Job<RefreshMatchesJobData, number>): Promise<number> {
    return this.refresher.refresh(job.data.subject, job.data.id);
  }
}

/**
 * The event "something matching scores changed" for the outbox (a project published or updated,
 * a capability profile, an outlet, a review, a sale), written in the transaction of the change:
 * `await this.outbox.addAll(manager, [matchingChanged(MatchSubject.PRODUCT, id, 'sale recorded')])`.
 */
export function matchingChanged(
  subject: MatchSubject,
  id: string,
  reason: string,
): OutboxEntry<RefreshMatchesJobData> {
  return {
    job: RefreshMatchesJob,
    data: { subject, id, reason, requestId: randomUUID() },
    options: {
      delay: MATCHING_REFRESH_DEBOUNCE_MS,
      deduplication: {
        id: RefreshMatchesJob.deduplicationId(subject, id),
        keepLastIfActive: true,
      },
    },
  };
}
