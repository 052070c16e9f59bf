import { Job } from 'bullmq';
import { JobHandler, JobProcessor, QueueName } from '@cc/queue';
import { CouplingRecomputeService, RecomputeSummary } from './coupling-recompute.service';

export interface RecomputeCouplingJobData {
  /** The indicator-system version whose panel is recomputed. */
  versionId: string;
  /** What asked for it, for logs (e.g. `statistics import <id>`). */
  reason: string;
  /** Unique per request: BullMQ's deduplication (not the job id) collapses bursts. */
  requestId: string;
}

/**
 * Recomputes one version's panel and writes the live snapshots that changed (see
 * `CouplingRecomputeService`). Enqueue it through `CouplingRecomputeRequester`, which debounces:
 * the job id is unique per request, and the deterministic `deduplicationId` makes BullMQ keep at
 * most one waiting and one running recompute per version.
 */
@JobProcessor(QueueName.COUPLING)
export class RecomputeCouplingJob implements JobHandler<
  RecomputeCouplingJobData,
  RecomputeSummary
> {
  static jobId(data: RecomputeCouplingJobData): string {
    return `coupling-recompute.${data.versionId}.${data.requestId}`;
  }

  static deduplicationId(versionId: string): string {
    return `coupling-recompute.${versionId}`;
  }

  constructor(private readonly recompute: CouplingRecomputeService) {}

  handle(job: Job<RecomputeCouplingJobData, RecomputeSummary>): Promise<RecomputeSummary> {
    return this.recompute.recompute(
      job.data.versionId,
      (percent) => job.updateProgress(percent),
      job.data.reason,
    );
  }
}
