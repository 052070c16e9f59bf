import {
  DEFAULT_UTC_OFFSET_MINUTES,
  Period,
  periodEnd,
  periodOf,
  periodsBetween,
  periodStart,
  tryParsePeriod,
} from '@cc/impact';
import { CADENCE_GRANULARITY, KpiCadence } from '../program/kpi-cadence.enum';

/** A cohort day (YYYY-MM-DD) as the instant it starts, in China Standard Time. */
export function dayStart(day: string): Date {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() - DEFAULT_UTC_OFFSET_MINUTES * 60_000);
}

export interface ReportWindow {
  period: Period;
  from: Date;
  to: Date;
}

export function reportWindow(period: Period): ReportWindow {
  return { period, from: periodStart(period), to: periodEnd(period) };
}

/**
 * The periods a team reports for: every period of the cadence from its admission (or the
 * cohort's start, if later) to the cohort's end, up to the one containing `now`.
 */
export function reportablePeriods(
  cadence: KpiCadence,
  cohort: { startsOn: string; endsOn: string },
  admittedAt: Date,
  now = new Date(),
): Period[] {
  const granularity = CADENCE_GRANULARITY[cadence];
  const start = new Date(Math.max(dayStart(cohort.startsOn).getTime(), admittedAt.getTime()));
  const lastDay = new Date(dayStart(cohort.endsOn).getTime() + 86_400_000 - 1);
  const end = new Date(Math.min(lastDay.getTime(), now.getTime()));
  if (end < start) return [];
  return periodsBetween(periodOf(start, granularity), periodOf(end, granularity));
}

/** Periods that ended before `now` (their report is due). */
export function duePeriods(periods: readonly Period[], now = new Date()): Period[] {
  return periods.filter((period) => periodEnd(period).getTime() <= now.getTime());
}

/** The period, when it is a key of the cadence's granularity. */
export function parseCadencePeriod(cadence: KpiCadence, key: string): Period | null {
  const period = tryParsePeriod(key);
  return period && period.granularity === CADENCE_GRANULARITY[cadence] ? period : null;
}
