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
  /** Where the change fell (a period key): only those periods' snapshots are recomputed. */
  period?: string;
}

/**
 * Recomputes one version's panel and writes the live snapshots that changed (see
 * `CouplingRecomputeService`). Enqueue it through `CouplingRecomputeRequester`, which debounces:
 * the job id is unique per request, and the deterministic `deduplicationId` makes BullMQ keep at
 * most one waiting and one running recompute per version and changed period (one version's runs
 * still take turns: they hold its lock).
 */
@JobProcessor(QueueName.COUPLING)
export class RecomputeCouplingJob implements JobHandler<
  RecomputeCouplingJobData,
  RecomputeSummary
> {
  static jobId(data: RecomputeCouplingJobData): string {
    return `coupling-recompute.${data.versionId}.${data.requestId}`;
  }

  /** Per version and changed period: a burst in one period never delays another's. */
  static deduplicationId(versionId: string, period?: string): string {
    return period ? `coupling-recompute.${versionId}.${period}` : `coupling-recompute.${versionId}`;
  }

  constructor(private readonly recompute: CouplingRecomputeService) {}

  handle(job: Job<RecomputeCouplingJobData, RecomputeSummary>): Promise<RecomputeSummary> {
    return this.recompute.recompute(
      job.data.versionId,
      (percent) => job.updateProgress(percent),
      job.data.reason,
      job.data.period ? [job.data.period] : undefined,
    );
  }
}
