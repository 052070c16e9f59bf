import type { ContributorParts, IndicatorAmount } from '@cc/coupling';
import type { IndicatorDefinition } from '../indicator-system/indicator-system.definition';
import { Period, parsePeriod, periodOrdinal } from '../period';
import {
  IndicatorAggregation,
  IndicatorSource,
} from '../platform-indicators/platform-indicator.catalog';
import type { PlatformIndicatorValue } from '../platform-indicators/platform-indicator-source';
import type { IndicatorTrace } from '../snapshot/coupling-snapshot.entity';

export const OFFICIAL_STATISTIC_SOURCE = 'official-statistic';

export interface StatisticValue {
  cityId: string;
  period: string;
  indicator: string;
  value: number;
  importId: string;
}

export interface PanelInputs {
  indicators: readonly IndicatorDefinition[];
  statistics: readonly StatisticValue[];
  platformValues: readonly PlatformIndicatorValue[];
  /** Source name of each platform indicator that has one; others are not computed yet. */
  platformSourceOf: Readonly<Record<string, string>>;
}

/** One city in one period, ready for the engine. */
export interface PanelSample {
  cityId: string;
  period: Period;
  /** Raw x per indicator (RATIO: numerator / denominator, 0 when the denominator is 0). */
  values: Record<string, number>;
  /** The amounts `computeContributions` needs: RATIO indicators as numerator and denominator. */
  totals: Record<string, IndicatorAmount>;
  /** Each project's parts as removing it takes them (a distinct count: only its own items). */
  contributors: ContributorParts[];
  /** Each project's additive shares (a distinct count shared by k: 1/k each). */
  shareContributors: ContributorParts[];
  trace: Record<string, IndicatorTrace>;
}

export interface Panel {
  samples: PanelSample[];
  /** `cityId/period: missing a, b` for samples left out for want of an official statistic. */
  excluded: string[];
}

const NOT_COMPUTED_YET =
  'no platform source computes this indicator yet (it arrives with the marketplace and retail domains): counted as 0';

function ratioValue(amount: { numerator: number; denominator: number }): number {
  return amount.denominator > 0 ? amount.numerator / amount.denominator : 0;
}

/**
 * Builds the sample panel of one indicator system from stored official statistics and
 * platform aggregates. Pure and deterministic (samples sorted by period, then city).
 *
 * - A (city, period) is a sample when it has any value of the system's indicators.
 * - Platform indicators with no row count as 0 (no activity; or no source registered yet).
 * - An official statistic has no such default: a sample missing one is left out of the panel
 *   (listed in `excluded`) rather than given an invented 0.
 */
export function buildPanel(inputs: PanelInputs): Panel {
  const byKey = new Map(inputs.indicators.map((indicator) => [indicator.key, indicator]));
  type Cell = { stat?: StatisticValue; platform?: PlatformIndicatorValue };
  const cells = new Map<
    string,
    { cityId: string; period: string; byIndicator: Map<string, Cell> }
  >();
  const cellOf = (cityId: string, period: string, indicator: string): Cell => {
    const id = `${cityId}/${period}`;
    let sample = cells.get(id);
    if (!sample) {
      sample = { cityId, period, byIndicator: new Map() };
      cells.set(id, sample);
    }
    let cell = sample.byIndicator.get(indicator);
    if (!cell) {
      cell = {};
      sample.byIndicator.set(indicator, cell);
    }
    return cell;
  };
  for (const stat of inputs.statistics) {
    if (byKey.get(stat.indicator)?.source !== IndicatorSource.OFFICIAL_STATISTIC) continue;
    cellOf(stat.cityId, stat.period, stat.indicator).stat = stat;
  }
  for (const row of inputs.platformValues) {
    if (byKey.get(row.indicator)?.source !== IndicatorSource.PLATFORM) continue;
    cellOf(row.cityId, row.period, row.indicator).platform = row;
  }

  const samples: PanelSample[] = [];
  const excluded: string[] = [];
  for (const { cityId, period, byIndicator } of cells.values()) {
    const missing = inputs.indicators
      .filter(
        (i) => i.source === IndicatorSource.OFFICIAL_STATISTIC && !byIndicator.get(i.key)?.stat,
      )
      .map((i) => i.key);
    if (missing.length > 0) {
      excluded.push(`${cityId}/${period}: missing ${missing.join(', ')}`);
      continue;
    }
    const values: Record<string, number> = {};
    const totals: Record<string, IndicatorAmount> = {};
    const trace: Record<string, IndicatorTrace> = {};
    const parts = new Map<string, Record<string, IndicatorAmount>>();
    const shares = new Map<string, Record<string, IndicatorAmount>>();
    for (const indicator of inputs.indicators) {
      const cell = byIndicator.get(indicator.key);
      if (indicator.source === IndicatorSource.OFFICIAL_STATISTIC) {
        const stat = cell!.stat!;
        values[indicator.key] = stat.value;
        totals[indicator.key] = stat.value;
        trace[indicator.key] = {
          source: OFFICIAL_STATISTIC_SOURCE,
          recordCount: 1,
          importId: stat.importId,
        };
        continue;
      }
      const ratio = indicator.aggregation === IndicatorAggregation.RATIO;
      const row = cell?.platform;
      const source = inputs.platformSourceOf[indicator.key] ?? null;
      const total: IndicatorAmount = row?.total ?? (ratio ? { numerator: 0, denominator: 0 } : 0);
      totals[indicator.key] = total;
      values[indicator.key] = typeof total === 'number' ? total : ratioValue(total);
      trace[indicator.key] = {
        source,
        recordCount: row?.recordCount ?? 0,
        ...(typeof total === 'number' ? {} : total),
        contributorCount: row?.parts.length ?? 0,
        ...(source ? {} : { note: NOT_COMPUTED_YET }),
      };
      for (const part of row?.parts ?? []) {
        const own = parts.get(part.projectId) ?? {};
        own[indicator.key] = part.alone ?? part.amount;
        parts.set(part.projectId, own);
        const share = shares.get(part.projectId) ?? {};
        share[indicator.key] = part.amount;
        shares.set(part.projectId, share);
      }
    }
    const byId = (map: Map<string, Record<string, IndicatorAmount>>) =>
      [...map.entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([id, own]) => ({ id, parts: own }));
    samples.push({
      cityId,
      period: parsePeriod(period),
      values,
      totals,
      contributors: byId(parts),
      shareContributors: byId(shares),
      trace,
    });
  }
  samples.sort(
    (a, b) =>
      periodOrdinal(a.period) - periodOrdinal(b.period) ||
      (a.cityId < b.cityId ? -1 : a.cityId > b.cityId ? 1 : 0),
  );
  excluded.sort();
  return { samples, excluded };
}
