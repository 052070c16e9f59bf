import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Job } from 'bullmq';
import { JobHandler, JobProcessor, QueueName, QueueService } from '@cc/queue';
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

const logger = new Logger('MatchingEvents');

/**
 * The event "something matching scores changed": a project published or updated, a capability
 * profile, an outlet, a review, a sale. Needs only the global `QueueService`. The change is
 * already committed; if Redis is unreachable the event is logged and the nightly rebuild catches up.
 */
export async function notifyMatchingChanged(
  queue: QueueService,
  subject: MatchSubject,
  id: string,
  reason: string,
): Promise<void> {
  try {
    await queue.add(
      RefreshMatchesJob,
      { subject, id, reason, requestId: randomUUID() },
      {
        delay: MATCHING_REFRESH_DEBOUNCE_MS,
        deduplication: {
          id: RefreshMatchesJob.deduplicationId(subject, id),
          keepLastIfActive: true,
        },
      },
    );
  } catch (error) {
    logger.warn({ err: error, subject, id, reason }, 'could not enqueue the matching event');
  }
}
