import {
  parsePeriod,
  PeriodGranularity,
  PlatformIndicatorPart,
  PlatformIndicatorValue,
} from '@cc/impact';
import { Discipline } from '@cc/identity';

/** The platform indicators the marketplace computes (catalogue keys of `PLATFORM_INDICATORS`). */
export const MarketplaceIndicator = {
  PROJECTS_PUBLISHED: 'projects_published',
  BIDS_AWARDED: 'bids_awarded',
  LOCAL_CULTURE_SHARE: 'local_culture_share',
  CROSS_DISCIPLINARY_SHARE: 'cross_disciplinary_share',
} as const;

export const MARKETPLACE_INDICATORS: readonly string[] = Object.values(MarketplaceIndicator);

/** Indicators computed over the projects published in the period (one query). */
export const PUBLISHED_COHORT_INDICATORS: readonly string[] = [
  MarketplaceIndicator.PROJECTS_PUBLISHED,
  MarketplaceIndicator.LOCAL_CULTURE_SHARE,
  MarketplaceIndicator.CROSS_DISCIPLINARY_SHARE,
];

/**
 * `to_char` patterns that print an instant's local time as the canonical period key of
 * `period.ts`: `2026-09`, `2026-Q3`, `2026`.
 */
export const PERIOD_KEY_FORMAT: Readonly<Record<PeriodGranularity, string>> = {
  [PeriodGranularity.MONTH]: 'YYYY-MM',
  [PeriodGranularity.QUARTER]: 'YYYY-"Q"Q',
  [PeriodGranularity.YEAR]: 'YYYY',
};

/** One published project of a (city, period) and how it counts in the shares. */
export interface PublishedProjectFlags {
  projectId: string;
  local: boolean;
  cross: boolean;
}

/** A row of the published-cohort query: one (city, period) with its projects. */
export interface PublishedCohortRow {
  city_id: string;
  period: string;
  projects: PublishedProjectFlags[];
}

/** A row of the awards query: one (city, period) with the projects awarded in it. */
export interface AwardedRow {
  city_id: string;
  period: string;
  project_ids: string[];
}

/**
 * Cross-disciplinary (DESIGN.md: "members of ≥ 2 disciplines or digital technology"): the
 * project is a DIGITAL_EXPERIENCE, or its people (creator and, for a team project, the team's
 * current members) span at least two disciplines, or one of them works in DIGITAL_TECHNOLOGY.
 */
export function crossDisciplinary(
  digitalExperience: boolean,
  peopleDisciplines: readonly string[],
): boolean {
  const distinct = new Set(peopleDisciplines);
  return digitalExperience || distinct.size >= 2 || distinct.has(Discipline.DIGITAL_TECHNOLOGY);
}

function canonicalPeriod(text: string, granularity: PeriodGranularity): string {
  const period = parsePeriod(text);
  if (period.granularity !== granularity) {
    throw new Error(`marketplace indicators: period ${text} is not a ${granularity}`);
  }
  return period.key;
}

function byProjectId<T extends { projectId: string }>(a: T, b: T): number {
  return a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0;
}

/**
 * Turns the SQL aggregates into contract rows (`PlatformIndicatorValue`). Every project has
 * an additive part: 1 of a count, and { numerator 0 or 1, denominator 1 } of a share, so the
 * parts add up to the totals exactly. Rows come out sorted by city, period and indicator, parts
 * by project id: the same database state always gives the same rows.
 */
export function marketplaceIndicatorValues(input: {
  granularity: PeriodGranularity;
  indicators: readonly string[];
  published: readonly PublishedCohortRow[];
  awarded: readonly AwardedRow[];
}): PlatformIndicatorValue[] {
  const wanted = new Set(input.indicators);
  const out: PlatformIndicatorValue[] = [];
  const push = (
    cityId: string,
    period: string,
    indicator: string,
    parts: PlatformIndicatorPart[],
  ) => {
    if (!wanted.has(indicator) || parts.length === 0) return;
    parts.sort(byProjectId);
    const ratio = typeof parts[0].amount === 'object';
    let total: PlatformIndicatorValue['total'];
    if (ratio) {
      let numerator = 0;
      let denominator = 0;
      for (const part of parts) {
        const amount = part.amount as { numerator: number; denominator: number };
        numerator += amount.numerator;
        denominator += amount.denominator;
      }
      total = { numerator, denominator };
    } else {
      total = parts.reduce((sum, part) => sum + (part.amount as number), 0);
    }
    out.push({
      cityId,
      period: canonicalPeriod(period, input.granularity),
      indicator,
      total,
      recordCount: parts.length,
      parts,
    });
  };

  for (const row of input.published) {
    const { city_id: cityId, period, projects } = row;
    push(
      cityId,
      period,
      MarketplaceIndicator.PROJECTS_PUBLISHED,
      projects.map((p) => ({ projectId: p.projectId, amount: 1 })),
    );
    push(
      cityId,
      period,
      MarketplaceIndicator.LOCAL_CULTURE_SHARE,
      projects.map((p) => ({
        projectId: p.projectId,
        amount: { numerator: p.local ? 1 : 0, denominator: 1 },
      })),
    );
    push(
      cityId,
      period,
      MarketplaceIndicator.CROSS_DISCIPLINARY_SHARE,
      projects.map((p) => ({
        projectId: p.projectId,
        amount: { numerator: p.cross ? 1 : 0, denominator: 1 },
      })),
    );
  }
  for (const row of input.awarded) {
    push(
      row.city_id,
      row.period,
      MarketplaceIndicator.BIDS_AWARDED,
      row.project_ids.map((projectId) => ({ projectId, amount: 1 })),
    );
  }
  return out.sort(
    (a, b) =>
      (a.cityId < b.cityId ? -1 : a.cityId > b.cityId ? 1 : 0) ||
      (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
      (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : 0),
  );
}
