import { createHash, randomUUID } from 'node:crypto';
import { Job } from 'bullmq';
import { JobHandler, JobProcessor, OutboxEntry, QueueName } from '@cc/queue';
import { CouplingRecomputeRequester } from './coupling-recompute.requester';

/**
 * No wait: the event handler only finds the versions concerned and asks the requester, which
 * debounces per version (leading edge, trailing edge, maximum wait).
 */
export const COUPLING_INPUTS_DEBOUNCE_MS = 0;

export interface CouplingInputsChangedJobData {
  cityId: string;
  /** The period the change falls in: the recompute covers only it (when its basis allows). */
  period?: string;
  /** The indicators that may have moved; omit for "any". */
  indicators?: string[];
  /** What happened, e.g. `sale recorded`. */
  reason: string;
  requestId: string;
}

/**
 * The domain event "coupling inputs changed", for domains that must not call the impact module
 * (DESIGN.md: a recorded sale enqueues, it does not call). The handler, in the worker, finds the
 * indicator-system versions concerned and requests their (debounced) recomputes. Bursts collapse
 * twice: here per (city, indicator set, period), and again per (version, period) in
 * `RecomputeCouplingJob`.
 */
@JobProcessor(QueueName.COUPLING)
export class CouplingInputsChangedJob implements JobHandler<
  CouplingInputsChangedJobData,
  string[]
> {
  static jobId(data: CouplingInputsChangedJobData): string {
    return `coupling-inputs.${data.cityId}.${data.requestId}`;
  }

  /**
   * One id per city, set of indicators and period, so different kinds of events, or changes in
   * different periods, never swallow each other.
   */
  static deduplicationId(cityId: string, indicators?: readonly string[], period?: string): string {
    const set = indicators ? [...new Set(indicators)].sort().join(',') : '*';
    const hash = createHash('sha256').update(set).digest('hex').slice(0, 16);
    return `coupling-inputs.${cityId}.${hash}${period ? `.${period}` : ''}`;
  }

  constructor(private readonly requester: CouplingRecomputeRequester) {}

  handle(job: Job<CouplingInputsChangedJobData, string[]>): Promise<string[]> {
    const { cityId, indicators, reason, period } = job.data;
    return this.requester.requestForChange({
      cityIds: [cityId],
      indicators,
      reason: period ? `${reason} (${period})` : reason,
      period,
    });
  }
}

/**
 * The event "coupling inputs changed" for the outbox, written in the transaction of the change:
 * `await this.outbox.addAll(manager, [couplingInputsChanged({ cityId, period: '2026-Q3',
 * indicators: ['creative_sales_revenue'], reason: 'sale recorded' })])`. Needs no impact module.
 * De-duplicated per (city, indicator set) without delay: the first event of a burst runs at
 * once (the recompute requester debounces), later ones while it waits are covered by it, and one
 * arriving while it runs leaves one follow-up (`keepLastIfActive`).
 */
export function couplingInputsChanged(
  change: Omit<CouplingInputsChangedJobData, 'requestId'>,
): OutboxEntry<CouplingInputsChangedJobData> {
  return {
    job: CouplingInputsChangedJob,
    data: { ...change, requestId: randomUUID() },
    options: {
      delay: COUPLING_INPUTS_DEBOUNCE_MS,
      deduplication: {
        id: CouplingInputsChangedJob.deduplicationId(
          change.cityId,
          change.indicators,
          change.period,
        ),
        keepLastIfActive: true,
      },
    },
  };
}
