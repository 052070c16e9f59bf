import {
  parsePeriod,
  PeriodGranularity,
  periodEnd,
  periodOf,
  periodsBetween,
  periodStart,
  tryParsePeriod,
} from '../period';

/**
 * The periods of a version's granularity that a change in `changed` (a period key of any
 * granularity, e.g. a sale's quarter) falls in: the months of a quarter for a MONTH version, the
 * year of a month for a YEAR one. Null when the key is not a period (the caller recomputes all).
 */
export function periodsCovering(changed: string, granularity: PeriodGranularity): string[] | null {
  const period = tryParsePeriod(changed);
  if (!period) return null;
  const first = periodOf(periodStart(period), granularity);
  const last = periodOf(new Date(periodEnd(period).getTime() - 1), granularity);
  return periodsBetween(first, last).map((p) => p.key);
}

/** Sorted, distinct, canonical period keys. */
export function canonicalPeriods(keys: readonly string[]): string[] {
  return [...new Set(keys.map((key) => parsePeriod(key).key))].sort();
}
