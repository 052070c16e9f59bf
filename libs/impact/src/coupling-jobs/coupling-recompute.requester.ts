import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { QueueName, QueueService } from '@cc/queue';
import { IndicatorSystemService } from '../indicator-system/indicator-system.service';
import { RebuildCouplingJob } from './rebuild-coupling.job';
import { RecomputeCouplingJob } from './recompute-coupling.job';

/**
 * The adaptive debounce of recomputes, per version and changed period (a change that names no
 * period debounces the version's whole-panel run):
 * - leading edge: the first request for a version idle for COUPLING_RECOMPUTE_WINDOW_MS runs at
 *   once (no delay), so a lone sale is reflected as fast as a recompute runs;
 * - trailing edge: later requests in the window wait COUPLING_RECOMPUTE_DEBOUNCE_MS, and every
 *   request while one waits joins it (it has not read its inputs yet);
 * - maximum wait: the waiting run's start is fixed by the first request that created it and
 *   never pushed back, so no request waits more than the delay plus the run in progress;
 * - a request while a run is in progress leaves exactly one follow-up run (`keepLastIfActive`):
 *   the running one may have read its inputs before the change, the follow-up reads after it.
 * So a burst costs at most one run per (run time + delay), however many events it holds.
 */
export const COUPLING_RECOMPUTE_DEBOUNCE_MS = 250;
export const COUPLING_RECOMPUTE_WINDOW_MS = 1_000;

/** Quiet time after the last manual rebuild request before the rebuild starts. */
export const COUPLING_REBUILD_DEBOUNCE_MS = 3_000;

/**
 * The entry point for "coupling inputs changed". Domains call `requestForChange` after a change
 * that moves an indicator: an import of official statistics today; later a published project,
 * an accepted bid, a delivery, a placement, a sale (naming the platform indicators it moves).
 */
@Injectable()
export class CouplingRecomputeRequester {
  private readonly queued = new Map<string, Promise<void>>();
  private readonly inFlight = new Map<string, Promise<void>>();
  /** When this process last asked about each version's window. */
  private readonly recentlySeen = new Map<string, number>();

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
    /** Where the change fell (a period key): the recompute covers only that period. */
    period?: string;
  }): Promise<string[]> {
    const versionIds = await this.systems.affectedVersionIds(
      change.cityIds,
      change.indicators ?? null,
    );
    for (const versionId of versionIds) {
      await this.requestForVersion(versionId, change.reason, change.period);
    }
    return versionIds;
  }

  /**
   * Debounced (see COUPLING_RECOMPUTE_DEBOUNCE_MS) via BullMQ deduplication: one id per version,
   * no delay on a leading edge, and `keepLastIfActive` so a request during a run is not lost but
   * leaves one follow-up run (at most one waiting and one active job per version). The job id
   * is unique per request: a fixed id would collide with the retained previous run and swallow
   * that follow-up.
   */
  requestForVersion(versionId: string, reason: string, period?: string): Promise<void> {
    // In this process, at most one add per version is in flight and one queued behind it:
    // requests while one is queued join it. The queued add is sent after the one in flight
    // completed, so after every joiner's change committed: it covers them all.
    const key = RecomputeCouplingJob.deduplicationId(versionId, period);
    const queued = this.queued.get(key);
    if (queued) return queued;
    const previous = this.inFlight.get(key) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(() => {
        this.queued.delete(key);
        const sending = this.send(versionId, reason, period);
        this.inFlight.set(key, sending);
        return sending.finally(() => {
          if (this.inFlight.get(key) === sending) this.inFlight.delete(key);
        });
      });
    this.queued.set(key, next);
    return next;
  }

  private async send(versionId: string, reason: string, period?: string): Promise<void> {
    const key = RecomputeCouplingJob.deduplicationId(versionId, period);
    const leading = await this.isLeadingEdge(key);
    await this.queue.add(
      RecomputeCouplingJob,
      { versionId, reason, requestId: randomUUID(), ...(period ? { period } : {}) },
      {
        delay: leading ? 0 : COUPLING_RECOMPUTE_DEBOUNCE_MS,
        deduplication: {
          id: key,
          keepLastIfActive: true,
        },
      },
    );
  }

  /**
   * Whether no request for the version came in the window (in any process). A request this
   * process saw within the window is a burst already: no need to ask Redis again.
   */
  private async isLeadingEdge(key: string): Promise<boolean> {
    const now = Date.now();
    const seen = this.recentlySeen.get(key);
    if (seen !== undefined && now - seen < COUPLING_RECOMPUTE_WINDOW_MS) return false;
    this.recentlySeen.set(key, now);
    if (this.recentlySeen.size > 10_000) this.recentlySeen.clear();
    return this.queue.openWindow(key, COUPLING_RECOMPUTE_WINDOW_MS);
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
