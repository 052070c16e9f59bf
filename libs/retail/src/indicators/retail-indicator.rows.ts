import {
  parsePeriod,
  PeriodGranularity,
  PlatformIndicatorPart,
  PlatformIndicatorValue,
} from '@cc/impact';
import { splitSettlement, SplitTerms } from '../settlement/settlement-split';

/** The platform indicators retail computes (catalogue keys of `PLATFORM_INDICATORS`). */
export const RetailIndicator = {
  CREATIVE_SALES_REVENUE: 'creative_sales_revenue',
  BRAND_REACH: 'brand_reach',
  SCENE_COVERAGE: 'scene_coverage',
  RESOURCE_ACTIVATION: 'resource_activation',
  SELL_THROUGH: 'sell_through',
  TALENT_EARNINGS: 'talent_earnings',
  PRODUCTS_IN_MARKET: 'products_in_market',
} as const;

export const RETAIL_INDICATORS: readonly string[] = Object.values(RetailIndicator);

/** `to_char` patterns printing an instant's local time as the canonical period key. */
export const PERIOD_KEY_FORMAT: Readonly<Record<PeriodGranularity, string>> = {
  [PeriodGranularity.MONTH]: 'YYYY-MM',
  [PeriodGranularity.QUARTER]: 'YYYY-"Q"Q',
  [PeriodGranularity.YEAR]: 'YYYY',
};

/** Sales of one placement in a (city of the outlet, period). */
export interface PlacementSalesRow {
  city_id: string;
  period: string;
  project_id: string;
  placement_id: string;
  units: string | number;
  amount: string | number;
  sales: number;
}

/** Units of a project's product sold in a period, by the product's own city. */
export interface SellThroughRow {
  city_id: string;
  period: string;
  project_id: string;
  units: string | number;
  delivered: number;
  sales: number;
}

/** A distinct thing (brand × outlet pair, outlet, resource) of a (city, period), with the projects sharing it. */
export interface SharedRow {
  city_id: string;
  period: string;
  project_ids: string[];
}

export interface ResourceRow extends SharedRow {
  /** The city's catalogued resources: the share's denominator. */
  catalogue: number;
}

/** A (city, period, project) with a product placed at an outlet of the city during the period. */
export interface InMarketRow {
  city_id: string;
  period: string;
  project_id: string;
}

export interface RetailIndicatorInput {
  granularity: PeriodGranularity;
  indicators: readonly string[];
  placementSales: readonly PlacementSalesRow[];
  placementTerms: ReadonlyMap<string, SplitTerms>;
  sellThrough: readonly SellThroughRow[];
  brandOutletPairs: readonly SharedRow[];
  sceneOutlets: readonly SharedRow[];
  resources: readonly ResourceRow[];
  inMarket: readonly InMarketRow[];
}

type Amount = number | { numerator: number; denominator: number };

/**
 * Turns the SQL aggregates into contract rows. Every amount is split among projects so that the
 * parts add up to the total (a distinct pair, outlet or resource shared by k projects counts 1/k
 * to each), and a distinct count's part also says what the project has `alone` (the items no
 * other project shares: what truly leaves the total without it); the catalogue size behind `resource_activation` belongs to no project and stays out
 * of the parts. Money is in yuan (fen / 100). Rows are sorted by city, period and indicator,
 * parts by project id: the same database state always gives the same rows.
 */
export function retailIndicatorValues(input: RetailIndicatorInput): PlatformIndicatorValue[] {
  const wanted = new Set(input.indicators);
  const cells = new Map<
    string,
    {
      cityId: string;
      period: string;
      indicator: string;
      parts: Map<string, Amount>;
      /** Distinct counts: the items only this project has (what removing it takes away). */
      alone: Map<string, Amount>;
      records: number;
      extraDenominator: number;
    }
  >();
  const add = (
    cityId: string,
    period: string,
    indicator: string,
    projectId: string,
    amount: Amount,
    records: number,
    alone?: Amount,
  ) => {
    if (!wanted.has(indicator)) return;
    const key = `${cityId}|${period}|${indicator}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = {
        cityId,
        period: canonicalPeriod(period, input.granularity),
        indicator,
        parts: new Map(),
        alone: new Map(),
        records: 0,
        extraDenominator: 0,
      };
      cells.set(key, cell);
    }
    cell.records += records;
    const previous = cell.parts.get(projectId);
    cell.parts.set(projectId, previous === undefined ? amount : plus(previous, amount));
    if (alone !== undefined) {
      const before = cell.alone.get(projectId);
      cell.alone.set(projectId, before === undefined ? alone : plus(before, alone));
    }
  };

  for (const row of input.placementSales) {
    const amountFen = Number(row.amount);
    add(
      row.city_id,
      row.period,
      RetailIndicator.CREATIVE_SALES_REVENUE,
      row.project_id,
      amountFen / 100,
      row.sales,
    );
    const terms = input.placementTerms.get(row.placement_id);
    if (terms && wanted.has(RetailIndicator.TALENT_EARNINGS)) {
      const split = splitSettlement(terms, {
        unitsSold: Number(row.units),
        salesTotalFen: amountFen,
      });
      const talents = split.talentShares.reduce((sum, share) => sum + share.amountFen, 0);
      add(
        row.city_id,
        row.period,
        RetailIndicator.TALENT_EARNINGS,
        row.project_id,
        talents / 100,
        row.sales,
      );
    }
  }
  for (const row of input.sellThrough) {
    add(
      row.city_id,
      row.period,
      RetailIndicator.SELL_THROUGH,
      row.project_id,
      { numerator: Number(row.units), denominator: Number(row.delivered) },
      row.sales,
    );
  }
  const shared = (rows: readonly SharedRow[], indicator: string) => {
    for (const row of rows) {
      const only = row.project_ids.length === 1 ? 1 : 0;
      for (const projectId of row.project_ids) {
        add(row.city_id, row.period, indicator, projectId, 1 / row.project_ids.length, 0, only);
      }
      const cell = cells.get(`${row.city_id}|${row.period}|${indicator}`);
      if (cell) cell.records += 1;
    }
  };
  shared(input.brandOutletPairs, RetailIndicator.BRAND_REACH);
  shared(input.sceneOutlets, RetailIndicator.SCENE_COVERAGE);
  for (const row of input.resources) {
    for (const projectId of row.project_ids) {
      add(
        row.city_id,
        row.period,
        RetailIndicator.RESOURCE_ACTIVATION,
        projectId,
        {
          numerator: 1 / row.project_ids.length,
          denominator: 0,
        },
        0,
        { numerator: row.project_ids.length === 1 ? 1 : 0, denominator: 0 },
      );
    }
    const cell = cells.get(`${row.city_id}|${row.period}|${RetailIndicator.RESOURCE_ACTIVATION}`);
    if (cell) {
      cell.records += 1;
      cell.extraDenominator = row.catalogue;
    }
  }
  for (const row of input.inMarket) {
    add(row.city_id, row.period, RetailIndicator.PRODUCTS_IN_MARKET, row.project_id, 1, 1);
  }

  const out: PlatformIndicatorValue[] = [];
  for (const cell of cells.values()) {
    const parts: PlatformIndicatorPart[] = [...cell.parts.entries()]
      .map(([projectId, amount]) => {
        const alone = cell.alone.get(projectId);
        return alone === undefined ? { projectId, amount } : { projectId, amount, alone };
      })
      .sort((a, b) => (a.projectId < b.projectId ? -1 : a.projectId > b.projectId ? 1 : 0));
    let total: Amount = parts.reduce<Amount>(
      (sum, part) => plus(sum, part.amount as Amount),
      isRatio(parts) ? { numerator: 0, denominator: 0 } : 0,
    );
    if (typeof total === 'object' && cell.indicator === RetailIndicator.RESOURCE_ACTIVATION) {
      // The resources activated are whole: the 1/k parts add up to a count.
      total = { numerator: Math.round(total.numerator), denominator: cell.extraDenominator };
    }
    out.push({
      cityId: cell.cityId,
      period: cell.period,
      indicator: cell.indicator,
      total,
      recordCount: cell.records,
      parts,
    });
  }
  return out.sort(
    (a, b) =>
      compare(a.cityId, b.cityId) ||
      compare(a.period, b.period) ||
      compare(a.indicator, b.indicator),
  );
}

function isRatio(parts: PlatformIndicatorPart[]): boolean {
  return parts.length > 0 && typeof parts[0].amount === 'object';
}

function plus(a: Amount, b: Amount): Amount {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  const x = a as { numerator: number; denominator: number };
  const y = b as { numerator: number; denominator: number };
  return { numerator: x.numerator + y.numerator, denominator: x.denominator + y.denominator };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function canonicalPeriod(text: string, granularity: PeriodGranularity): string {
  const period = parsePeriod(text);
  if (period.granularity !== granularity) {
    throw new Error(`retail indicators: period ${text} is not a ${granularity}`);
  }
  return period.key;
}
