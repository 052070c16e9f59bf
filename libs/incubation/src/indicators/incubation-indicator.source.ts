import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Period,
  periodEnd,
  periodOf,
  periodsBetween,
  periodStart,
  PlatformIndicatorPart,
  PlatformIndicatorProvider,
  PlatformIndicatorQuery,
  PlatformIndicatorSource,
  PlatformIndicatorValue,
} from '@cc/impact';
import { ACTIVE_INCUBATED_VENTURES } from '../incubation-events';

export const INCUBATION_INDICATORS: readonly string[] = [ACTIVE_INCUBATED_VENTURES];

/** Every admission, with the incubator's city and the venture's projects. */
const VENTURES_SQL = `
SELECT a.id, c.city_id, a.admitted_at, a.ended_at, a.state::text AS state, a.project_ids::text[] AS project_ids
  FROM incubation_application a
  JOIN incubation_cohort c ON c.id = a.cohort_id
 WHERE a.admitted_at IS NOT NULL
   AND a.state IN ('ADMITTED', 'GRADUATED', 'WITHDRAWN')
   AND ($1::uuid[] IS NULL OR c.city_id = ANY($1::uuid[]))
 ORDER BY a.id`;

interface VentureRow {
  id: string;
  city_id: string;
  admitted_at: Date;
  ended_at: Date | null;
  state: 'ADMITTED' | 'GRADUATED' | 'WITHDRAWN';
  project_ids: string[];
}

/**
 * Whether a venture is active in a period: admitted before the period ends, not withdrawn by
 * then, and not graduated before it starts (a team graduating in the period still counts there).
 */
export function activeIn(venture: VentureRow, period: Period, utcOffsetMinutes: number): boolean {
  const start = periodStart(period, utcOffsetMinutes).getTime();
  const end = periodEnd(period, utcOffsetMinutes).getTime();
  if (venture.admitted_at.getTime() >= end) return false;
  const ended = venture.ended_at?.getTime() ?? Infinity;
  if (venture.state === 'WITHDRAWN') return ended >= end;
  if (venture.state === 'GRADUATED') return ended >= start;
  return true;
}

/**
 * Incubation's platform indicator, per (city of the incubator, period):
 *
 * | indicator                   | kind | per project                                           |
 * | --------------------------- | ---- | ----------------------------------------------------- |
 * | `active_incubated_ventures` | SUM  | 1/k of each active venture, for each of its k projects |
 *
 * Incubation sends `notifyCouplingInputsChanged` on every admission, withdrawal and graduation.
 */
@PlatformIndicatorProvider()
@Injectable()
export class IncubationIndicatorSource implements PlatformIndicatorSource {
  readonly name = 'incubation';
  readonly indicators = INCUBATION_INDICATORS;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async collect(query: PlatformIndicatorQuery): Promise<PlatformIndicatorValue[]> {
    if (!query.indicators.includes(ACTIVE_INCUBATED_VENTURES)) return [];
    const rows: VentureRow[] = await this.db.query(VENTURES_SQL, [
      query.cityIds ? [...query.cityIds] : null,
    ]);
    const now = new Date();
    const cells = new Map<
      string,
      { cityId: string; period: string; count: number; parts: Map<string, number> }
    >();
    for (const venture of rows) {
      const until = venture.ended_at && venture.ended_at < now ? venture.ended_at : now;
      const periods = periodsBetween(
        periodOf(venture.admitted_at, query.granularity, query.utcOffsetMinutes),
        periodOf(until, query.granularity, query.utcOffsetMinutes),
      );
      for (const period of periods) {
        if (!activeIn(venture, period, query.utcOffsetMinutes)) continue;
        const key = `${venture.city_id}/${period.key}`;
        const cell = cells.get(key) ?? {
          cityId: venture.city_id,
          period: period.key,
          count: 0,
          parts: new Map<string, number>(),
        };
        cell.count += 1;
        const projects = [...new Set(venture.project_ids)].sort();
        for (const projectId of projects) {
          cell.parts.set(projectId, (cell.parts.get(projectId) ?? 0) + 1 / projects.length);
        }
        cells.set(key, cell);
      }
    }
    return [...cells.values()]
      .sort((a, b) => a.cityId.localeCompare(b.cityId) || a.period.localeCompare(b.period))
      .map((cell) => ({
        cityId: cell.cityId,
        period: cell.period,
        indicator: ACTIVE_INCUBATED_VENTURES,
        total: cell.count,
        recordCount: cell.count,
        parts: [...cell.parts.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([projectId, amount]): PlatformIndicatorPart => ({ projectId, amount })),
      }));
  }
}
