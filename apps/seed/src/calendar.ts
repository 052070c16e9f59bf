/** Quarters and seasons in China Standard Time (UTC+8), the platform's default period zone. */
const CST_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

export interface Quarter {
  key: string;
  year: number;
  quarter: number;
  /** First instant (00:00 CST on the first day). */
  start: Date;
  /** First instant of the next quarter. */
  end: Date;
}

function quarterOf(year: number, quarter: number): Quarter {
  const start = new Date(Date.UTC(year, (quarter - 1) * 3, 1) - CST_OFFSET_MS);
  const end = new Date(Date.UTC(year, quarter * 3, 1) - CST_OFFSET_MS);
  return { key: `${year}-Q${quarter}`, year, quarter, start, end };
}

/** The `count` quarters ending with the one that contains `now`, oldest first. */
export function quartersEndingAt(now: Date, count: number): Quarter[] {
  const local = new Date(now.getTime() + CST_OFFSET_MS);
  let year = local.getUTCFullYear();
  let quarter = Math.floor(local.getUTCMonth() / 3) + 1;
  const quarters: Quarter[] = [];
  for (let i = 0; i < count; i += 1) {
    quarters.unshift(quarterOf(year, quarter));
    quarter -= 1;
    if (quarter === 0) {
      quarter = 4;
      year -= 1;
    }
  }
  return quarters;
}

/** Spring Festival (lunar new year's day) by year; the Golden Week runs from its eve. */
const SPRING_FESTIVAL: Record<number, string> = {
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26',
  2029: '2029-02-13',
  2030: '2030-02-03',
};

/**
 * How busy a day is for cultural-creative retail, relative to an ordinary weekday: the Spring
 * Festival, May Day and National Day Golden Weeks, summer tourism (July–August), weekends.
 */
export function seasonalWeight(at: Date): number {
  const local = new Date(at.getTime() + CST_OFFSET_MS);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + 1;
  const day = local.getUTCDate();
  const festival = SPRING_FESTIVAL[year];
  if (festival) {
    const offset = Math.floor((local.getTime() - Date.parse(`${festival}T00:00:00Z`)) / DAY_MS);
    if (offset >= -1 && offset <= 7) return 3;
  }
  if (month === 10 && day <= 7) return 3.5;
  if (month === 5 && day <= 5) return 2.5;
  let weight = month === 7 || month === 8 ? 1.8 : 1;
  const weekday = local.getUTCDay();
  if (weekday === 0 || weekday === 6) weight *= 1.4;
  return weight;
}

/** The largest seasonal weight, for rejection sampling. */
export const MAX_SEASONAL_WEIGHT = 3.5;

export const addDays = (at: Date, days: number): Date => new Date(at.getTime() + days * DAY_MS);

export const minDate = (a: Date, b: Date): Date => (a.getTime() <= b.getTime() ? a : b);
