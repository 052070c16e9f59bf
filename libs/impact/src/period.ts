/**
 * Reporting periods of the coupling panel: a month (`2026-09`), a quarter (`2026-Q3`, the
 * default) or a year (`2026`). Pure functions, no framework.
 *
 * A period is a half-open interval of instants [start, end). Boundaries are taken in China
 * Standard Time (UTC+8, no daylight saving), where every city of the platform lies: a sale at
 * 2026-09-30T23:30+08:00 belongs to 2026-Q3. Pass another offset for cities elsewhere.
 */
export enum PeriodGranularity {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  YEAR = 'YEAR',
}

export const DEFAULT_PERIOD_GRANULARITY = PeriodGranularity.QUARTER;

/** UTC+8: China Standard Time. */
export const DEFAULT_UTC_OFFSET_MINUTES = 8 * 60;

const MIN_YEAR = 1900;
const MAX_YEAR = 2999;

export interface Period {
  granularity: PeriodGranularity;
  year: number;
  /** Month 1–12, quarter 1–4, or 1 for a year. */
  index: number;
  /** Canonical text: `2026-09`, `2026-Q3` or `2026`. */
  key: string;
}

export class PeriodError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PeriodError';
  }
}

const PATTERNS: [RegExp, PeriodGranularity][] = [
  [/^(\d{4})-[Qq]([1-4])$/, PeriodGranularity.QUARTER],
  [/^(\d{4})-(0?[1-9]|1[0-2])$/, PeriodGranularity.MONTH],
  [/^(\d{4})$/, PeriodGranularity.YEAR],
];

function build(granularity: PeriodGranularity, year: number, index: number): Period {
  let key: string;
  switch (granularity) {
    case PeriodGranularity.MONTH:
      key = `${year}-${String(index).padStart(2, '0')}`;
      break;
    case PeriodGranularity.QUARTER:
      key = `${year}-Q${index}`;
      break;
    case PeriodGranularity.YEAR:
      key = String(year);
      break;
  }
  return { granularity, year, index, key };
}

/** Parses `2026-Q3`, `2026-09` (or `2026-9`) or `2026`; null for anything else. */
export function tryParsePeriod(text: string): Period | null {
  const trimmed = text.trim();
  for (const [pattern, granularity] of PATTERNS) {
    const match = pattern.exec(trimmed);
    if (!match) continue;
    const year = Number(match[1]);
    if (year < MIN_YEAR || year > MAX_YEAR) return null;
    const index = granularity === PeriodGranularity.YEAR ? 1 : Number(match[2]);
    return build(granularity, year, index);
  }
  return null;
}

/** Like `tryParsePeriod`, but throws a `PeriodError` naming the accepted forms. */
export function parsePeriod(text: string): Period {
  const period = tryParsePeriod(text);
  if (!period) {
    throw new PeriodError(
      `"${text}" is not a period: use a quarter (2026-Q3), a month (2026-09) or a year (2026), years ${MIN_YEAR}–${MAX_YEAR}`,
    );
  }
  return period;
}

function periodsPerYear(granularity: PeriodGranularity): number {
  return granularity === PeriodGranularity.MONTH
    ? 12
    : granularity === PeriodGranularity.QUARTER
      ? 4
      : 1;
}

/** First month (1–12) of the period. */
function firstMonth(period: Period): number {
  return period.granularity === PeriodGranularity.MONTH
    ? period.index
    : period.granularity === PeriodGranularity.QUARTER
      ? (period.index - 1) * 3 + 1
      : 1;
}

/** A monotonic number per granularity: consecutive periods differ by 1. */
export function periodOrdinal(period: Period): number {
  return period.year * periodsPerYear(period.granularity) + (period.index - 1);
}

function fromOrdinal(granularity: PeriodGranularity, ordinal: number): Period {
  const per = periodsPerYear(granularity);
  return build(granularity, Math.floor(ordinal / per), (ordinal % per) + 1);
}

/** The instant the period starts (inclusive). */
export function periodStart(period: Period, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): Date {
  return new Date(Date.UTC(period.year, firstMonth(period) - 1, 1) - utcOffsetMinutes * 60_000);
}

/** The instant the next period starts (exclusive end of this one). */
export function periodEnd(period: Period, utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES): Date {
  return periodStart(nextPeriod(period), utcOffsetMinutes);
}

export function nextPeriod(period: Period): Period {
  return fromOrdinal(period.granularity, periodOrdinal(period) + 1);
}

export function previousPeriod(period: Period): Period {
  return fromOrdinal(period.granularity, periodOrdinal(period) - 1);
}

/** The period of the given granularity that contains the instant. */
export function periodOf(
  at: Date,
  granularity: PeriodGranularity = DEFAULT_PERIOD_GRANULARITY,
  utcOffsetMinutes = DEFAULT_UTC_OFFSET_MINUTES,
): Period {
  if (Number.isNaN(at.getTime())) throw new PeriodError('invalid date');
  const local = new Date(at.getTime() + utcOffsetMinutes * 60_000);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const index =
    granularity === PeriodGranularity.MONTH
      ? month
      : granularity === PeriodGranularity.QUARTER
        ? Math.ceil(month / 3)
        : 1;
  return build(granularity, year, index);
}

/** Negative when a is earlier; both must have the same granularity. */
export function comparePeriods(a: Period, b: Period): number {
  assertSameGranularity(a, b);
  return periodOrdinal(a) - periodOrdinal(b);
}

/** Every period from `from` to `to`, both included (empty when to < from). */
export function periodsBetween(from: Period, to: Period, limit = 1200): Period[] {
  assertSameGranularity(from, to);
  const first = periodOrdinal(from);
  const last = periodOrdinal(to);
  if (last - first + 1 > limit) {
    throw new PeriodError(`${from.key} to ${to.key} spans more than ${limit} periods`);
  }
  const out: Period[] = [];
  for (let ordinal = first; ordinal <= last; ordinal += 1) {
    out.push(fromOrdinal(from.granularity, ordinal));
  }
  return out;
}

/** True when `inner` lies within `outer` (e.g. 2026-09 within 2026-Q3 and within 2026). */
export function periodContains(outer: Period, inner: Period): boolean {
  return (
    periodStart(inner, 0).getTime() >= periodStart(outer, 0).getTime() &&
    periodEnd(inner, 0).getTime() <= periodEnd(outer, 0).getTime()
  );
}

function assertSameGranularity(a: Period, b: Period): void {
  if (a.granularity !== b.granularity) {
    throw new PeriodError(
      `cannot compare ${a.key} (${a.granularity}) with ${b.key} (${b.granularity})`,
    );
  }
}
