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
  /** The period the change falls in (for logs; the recompute covers the whole panel). */
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
 * twice: here per (city, indicator set), and again per version in `RecomputeCouplingJob`.
 */
@JobProcessor(QueueName.COUPLING)
export class CouplingInputsChangedJob implements JobHandler<
  CouplingInputsChangedJobData,
  string[]
> {
  static jobId(data: CouplingInputsChangedJobData): string {
    return `coupling-inputs.${data.cityId}.${data.requestId}`;
  }

  /** One id per city and set of indicators, so different kinds of events never swallow each other. */
  static deduplicationId(cityId: string, indicators?: readonly string[]): string {
    const set = indicators ? [...new Set(indicators)].sort().join(',') : '*';
    return `coupling-inputs.${cityId}.${createHash('sha256').update(set).digest('hex').slice(0, 16)}`;
  }

  constructor(private readonly requester: CouplingRecomputeRequester) {}

  handle(job: Job<CouplingInputsChangedJobData, string[]>): Promise<string[]> {
    const { cityId, indicators, reason, period } = job.data;
    return this.requester.requestForChange({
      cityIds: [cityId],
      indicators,
      reason: period ? `${reason} (${period})` : reason,
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
        id: CouplingInputsChangedJob.deduplicationId(change.cityId, change.indicators),
        keepLastIfActive: true,
      },
    },
  };
}
