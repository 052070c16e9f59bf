import type { IndicatorAmount, RatioAmount } from '@cc/coupling';
import { ImpactException } from '../impact.exception';
import type { IndicatorDefinition } from '../indicator-system/indicator-system.definition';
import {
  IndicatorAggregation,
  IndicatorSource,
} from '../platform-indicators/platform-indicator.catalog';
import type { IndicatorTrace } from './coupling-snapshot.entity';

/** One indicator part of a hypothetical project: `amount` for SUM, numerator and denominator for RATIO. */
export interface HypotheticalPart {
  indicator: string;
  amount?: number | null;
  numerator?: number | null;
  denominator?: number | null;
}

export interface ProjectChanges {
  /** The version's indicators. */
  indicators: readonly IndicatorDefinition[];
  /** The base snapshot's raw values and trace (a RATIO's numerator and denominator). */
  rawValues: Readonly<Record<string, number>>;
  trace: Readonly<Record<string, IndicatorTrace>>;
  /** Stored parts of the projects taken out. */
  removed: readonly { projectId: string; parts: Readonly<Record<string, IndicatorAmount>> }[];
  /** Parts of the hypothetical projects put in. */
  added: readonly (readonly HypotheticalPart[])[];
}

/** Sums this close to 0 (relative to the base) are 0: float noise of removing parts. */
const RELATIVE_ZERO = 1e-9;

function isRatio(amount: IndicatorAmount): amount is RatioAmount {
  return typeof amount === 'object' && amount !== null;
}

function finite(value: number | null | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function clean(value: number, scale: number): number {
  return Math.abs(value) <= RELATIVE_ZERO * Math.max(1, Math.abs(scale)) ? 0 : value;
}

/**
 * The raw values of a snapshot with whole projects removed or added: a removed project's stored
 * parts are subtracted from each platform indicator's total (a RATIO's numerator and
 * denominator separately), a hypothetical project's given parts are added, and the indicator
 * values are recomputed from the new totals (a RATIO with denominator 0 is 0, as in the panel).
 * Pure; throws `ImpactException.simulationInvalid` / `unknownIndicator` on bad parts.
 */
export function applyProjectChanges(changes: ProjectChanges): {
  values: Record<string, number>;
  changed: string[];
} {
  const byKey = new Map(changes.indicators.map((indicator) => [indicator.key, indicator]));
  const known = changes.indicators.map((indicator) => indicator.key);
  const totals = new Map<string, IndicatorAmount>();
  const base = new Map<string, IndicatorAmount>();
  const totalOf = (key: string): IndicatorAmount => {
    let total = totals.get(key);
    if (total === undefined) {
      const indicator = byKey.get(key)!;
      if (indicator.aggregation === IndicatorAggregation.RATIO) {
        const trace = changes.trace[key];
        total = { numerator: trace?.numerator ?? 0, denominator: trace?.denominator ?? 0 };
      } else {
        total = changes.rawValues[key] ?? 0;
      }
      base.set(key, total);
    }
    return total;
  };
  const platformIndicator = (key: string, who: string): IndicatorDefinition => {
    const indicator = byKey.get(key);
    if (!indicator) throw ImpactException.unknownIndicator(key, known);
    if (indicator.source !== IndicatorSource.PLATFORM) {
      throw ImpactException.simulationInvalid(
        `${who}: ${key} is an official statistic; it has no project parts`,
      );
    }
    return indicator;
  };
  const add = (key: string, part: IndicatorAmount, sign: 1 | -1) => {
    const total = totalOf(key);
    totals.set(
      key,
      isRatio(total)
        ? {
            numerator: total.numerator + sign * (part as RatioAmount).numerator,
            denominator: total.denominator + sign * (part as RatioAmount).denominator,
          }
        : total + sign * (part as number),
    );
  };

  for (const { projectId, parts } of changes.removed) {
    for (const [key, part] of Object.entries(parts)) {
      // A part of an indicator this version does not use moves nothing here.
      if (!byKey.has(key)) continue;
      const indicator = platformIndicator(key, `project ${projectId}`);
      if (isRatio(part) !== (indicator.aggregation === IndicatorAggregation.RATIO)) {
        throw ImpactException.simulationInvalid(
          `project ${projectId}: its stored part of ${key} does not match the indicator's aggregation`,
        );
      }
      add(key, part, -1);
    }
  }
  changes.added.forEach((parts, i) => {
    const who = `added project ${i + 1}`;
    const seen = new Set<string>();
    for (const part of parts) {
      const indicator = platformIndicator(part.indicator, who);
      if (seen.has(part.indicator)) {
        throw ImpactException.simulationInvalid(`${who}: ${part.indicator} is given twice`);
      }
      seen.add(part.indicator);
      if (indicator.aggregation === IndicatorAggregation.RATIO) {
        if (!finite(part.numerator) || !finite(part.denominator) || finite(part.amount)) {
          throw ImpactException.simulationInvalid(
            `${who}: ${part.indicator} is a ratio; give its numerator and denominator, not an amount`,
          );
        }
        if (part.denominator < 0 || part.numerator < 0) {
          throw ImpactException.simulationInvalid(
            `${who}: the parts of ${part.indicator} cannot be negative`,
          );
        }
        add(part.indicator, { numerator: part.numerator, denominator: part.denominator }, 1);
      } else {
        if (!finite(part.amount) || finite(part.numerator) || finite(part.denominator)) {
          throw ImpactException.simulationInvalid(
            `${who}: ${part.indicator} is a sum; give its amount, not a numerator and denominator`,
          );
        }
        if (part.amount < 0) {
          throw ImpactException.simulationInvalid(
            `${who}: the part of ${part.indicator} cannot be negative`,
          );
        }
        add(part.indicator, part.amount, 1);
      }
    }
  });

  const values = { ...changes.rawValues };
  for (const [key, total] of totals) {
    const before = base.get(key)!;
    if (isRatio(total)) {
      const scale = (before as RatioAmount).denominator;
      const numerator = clean(total.numerator, scale);
      const denominator = clean(total.denominator, scale);
      if (denominator < 0 || numerator < 0) {
        throw ImpactException.simulationInvalid(
          `${key}: removing these projects takes more than the period's total`,
        );
      }
      values[key] = denominator > 0 ? numerator / denominator : 0;
    } else {
      values[key] = clean(total, before as number);
    }
  }
  return { values, changed: [...totals.keys()] };
}
