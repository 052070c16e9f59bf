import { SetMetadata } from '@nestjs/common';
import type { IndicatorAmount } from '@cc/coupling';
import type { PeriodGranularity } from '../period';

/**
 * The contract a domain implements to feed platform indicators into the coupling panel.
 *
 * A source is a Nest provider decorated with `@PlatformIndicatorProvider()` in the domain's own
 * module (e.g. `SalesIndicatorSource` in retail). The impact module finds every such provider at
 * start-up; nothing else needs wiring. When the domain's data changes, it sends the event
 * `notifyCouplingInputsChanged(queue, { cityId, period, indicators, reason })` (a de-duplicated
 * job: it does not call the impact module); the worker then recomputes the versions concerned.
 *
 * Rules a source must follow:
 * - Aggregate in SQL per (city, period) over the period's instants [periodStart, periodEnd)
 *   (see `period.ts`; boundaries in UTC+8 unless the query says otherwise).
 * - Return one value per (city, period, indicator) that has any activity; absent rows mean 0.
 * - `total` is a number for a SUM indicator and `{ numerator, denominator }` for a RATIO one.
 * - `parts` are each project's additive share: for SUM the parts add up to `total`; for RATIO
 *   the numerator parts add up to the numerator and the denominator parts to the denominator.
 *   Distinct counts shared by k projects (a resource, an outlet, a brand × outlet pair) are split
 *   1/k to each, so that the parts still add up. Amounts not attributable to any project are left
 *   out of `parts` (they stay in `total`).
 * - A distinct count also gives each part its `alone`: the items only that project has, which is
 *   what truly leaves the total without it (the leave-one-out ΔD uses it; the 1/k shares are
 *   reported as `shares`). A sum omits `alone`.
 * - Be deterministic: the same database state gives the same rows (the recompute job relies on
 *   this to write nothing when nothing changed).
 */
export interface PlatformIndicatorSource {
  /** Stable name shown in traces and logs, e.g. `retail.sales`. */
  readonly name: string;
  /** The catalogue keys (`PLATFORM_INDICATORS`) this source computes. */
  readonly indicators: readonly string[];
  collect(query: PlatformIndicatorQuery): Promise<PlatformIndicatorValue[]>;
  /**
   * Recomputes the per-period facts the source keeps (written with each change, in the same
   * transaction) from the domain's own rows: the nightly rebuild's safety net. Omitted by a
   * source that aggregates its rows directly.
   */
  rebuildFacts?(): Promise<void>;
}

export interface PlatformIndicatorQuery {
  granularity: PeriodGranularity;
  /** Only these cities; null means every city. */
  cityIds: readonly string[] | null;
  /** The keys wanted, a subset of the source's `indicators`. */
  indicators: readonly string[];
  /**
   * Only these period keys (of `granularity`); omitted or null means every period. A source
   * that keeps per-period facts reads only those periods' facts; the registry drops any other
   * period a source returns.
   */
  periods?: readonly string[] | null;
  /** Offset of local time used for period boundaries (minutes east of UTC). */
  utcOffsetMinutes: number;
}

export interface PlatformIndicatorPart {
  projectId: string;
  /** The project's additive share (the parts add up to the total). */
  amount: IndicatorAmount;
  /**
   * What leaves the total when the project is removed: for a distinct count, the items only this
   * project has (an outlet where no other project sold). Omitted: equal to `amount` (a sum).
   */
  alone?: IndicatorAmount;
}

export interface PlatformIndicatorValue {
  cityId: string;
  /** Canonical period key of the asked granularity: `2026-Q3`, `2026-09` or `2026`. */
  period: string;
  indicator: string;
  total: IndicatorAmount;
  /** How many records (sales, bids, projects, ...) lie behind the value: shown to officials. */
  recordCount: number;
  parts: readonly PlatformIndicatorPart[];
}

export const PLATFORM_INDICATOR_SOURCE = Symbol('PLATFORM_INDICATOR_SOURCE');

/** Marks a provider as a `PlatformIndicatorSource`; the impact module discovers it. */
export const PlatformIndicatorProvider = (): ClassDecorator =>
  SetMetadata(PLATFORM_INDICATOR_SOURCE, true);
