import { randomUUID } from 'node:crypto';
import { Job } from 'bullmq';
import { JobHandler, JobProcessor, QueueName, QueueService } from '@cc/queue';
import { MatchRefresher, RebuildSummary } from './match-refresher.service';

export interface RebuildMatchesJobData {
  reason: string;
  requestId: string;
}

/** The full rebuild: every side reloaded from the sources and every pair rescored. */
@JobProcessor(QueueName.MATCHING)
export class RebuildMatchesJob implements JobHandler<RebuildMatchesJobData, RebuildSummary> {
  static jobId(data: RebuildMatchesJobData): string {
    return `matching-rebuild.${data.requestId}`;
  }

  constructor(private readonly refresher: MatchRefresher) {}

  handle(job: Job<RebuildMatchesJobData, RebuildSummary>): Promise<RebuildSummary> {
    void job;
    return this.refresher.rebuild();
  }
}

/** Enqueues a full rebuild (de-duplicated while one waits); returns the job id. */
export async function requestMatchingRebuild(queue: QueueService, reason: string): Promise<string> {
  const job = await queue.add(
    RebuildMatchesJob,
    { reason, requestId: randomUUID() },
    { deduplication: { id: 'matching-rebuild', keepLastIfActive: true } },
  );
  return job.id!;
}
