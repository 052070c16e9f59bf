import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { QueueName, QueueService } from '@cc/queue';
import { IndicatorSystemService } from '../indicator-system/indicator-system.service';
import { RebuildCouplingJob } from './rebuild-coupling.job';
import { RecomputeCouplingJob } from './recompute-coupling.job';

/**
 * How long a recompute waits after the first request of a burst. Requests that arrive while it
 * waits are dropped (the run reads the latest data anyway); requests that arrive while it runs
 * leave exactly one follow-up run. So a burst of N events for a version costs about
 * 1 + (burst length / (delay + run time)) recomputes, never N.
 */
export const COUPLING_RECOMPUTE_DEBOUNCE_MS = 1_500;

/** Quiet time after the last manual rebuild request before the rebuild starts. */
export const COUPLING_REBUILD_DEBOUNCE_MS = 3_000;

/**
 * The entry point for "coupling inputs changed". Domains call `requestForChange` after a change
 * that moves an indicator: an import of official statistics today; later a published project,
 * an accepted bid, a delivery, a placement, a sale (naming the platform indicators it moves).
 */
@Injectable()
export class CouplingRecomputeRequester {
  constructor(
    private readonly queue: QueueService,
    private readonly systems: IndicatorSystemService,
  ) {}

  /**
   * Recompute every indicator-system version that a change of these indicators in these cities
   * affects (global versions and those of the cities, that use one of the indicators; any
   * indicator when none are named).
   */
  async requestForChange(change: {
    cityIds: readonly string[];
    indicators?: readonly string[];
    reason: string;
  }): Promise<string[]> {
    const versionIds = await this.systems.affectedVersionIds(
      change.cityIds,
      change.indicators ?? null,
    );
    for (const versionId of versionIds) await this.requestForVersion(versionId, change.reason);
    return versionIds;
  }

  /**
   * Debounced via BullMQ deduplication: one id per version, a delay, and `keepLastIfActive` so a
   * request during a run is not lost but leaves one follow-up run (at most one waiting and one
   * active job per version). The job id is unique per request: a fixed id would collide with
   * the retained previous run and swallow that follow-up.
   */
  async requestForVersion(versionId: string, reason: string): Promise<void> {
    await this.queue.add(
      RecomputeCouplingJob,
      { versionId, reason, requestId: randomUUID() },
      {
        delay: COUPLING_RECOMPUTE_DEBOUNCE_MS,
        deduplication: {
          id: RecomputeCouplingJob.deduplicationId(versionId),
          keepLastIfActive: true,
        },
      },
    );
  }

  /**
   * A trailing debounce: the rebuild starts once no request came for COUPLING_REBUILD_DEBOUNCE_MS
   * (each request while it waits pushes the start back), and a request while one runs leaves one
   * follow-up. So a burst of identical requests costs one or two rebuilds, and the last one
   * always starts after the last request. (Requests kept up without a pause would postpone it;
   * they are an ADMIN's, and the nightly run and the per-version recomputes do not wait on it.)
   * Returns the id of the job that will cover this request (this one, or the one it joined).
   */
  async requestRebuild(reason: string): Promise<string> {
    const job = await this.queue.add(
      RebuildCouplingJob,
      { reason, requestId: randomUUID() },
      {
        delay: COUPLING_REBUILD_DEBOUNCE_MS,
        deduplication: {
          id: RebuildCouplingJob.deduplicationId(),
          keepLastIfActive: true,
          reschedule: true,
        },
      },
    );
    const coupling = this.queue.queue(QueueName.COUPLING);
    if (await coupling.getJob(job.id!)) return job.id!;
    return (await coupling.getDeduplicationJobId(RebuildCouplingJob.deduplicationId())) ?? job.id!;
  }
}
