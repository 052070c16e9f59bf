import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { CatalogService } from '@cc/catalog';
import {
  DEFAULT_UTC_OFFSET_MINUTES,
  parsePeriod,
  PeriodGranularity,
  periodOf,
  periodsBetween,
  PlatformIndicatorProvider,
  PlatformIndicatorQuery,
  PlatformIndicatorSource,
  PlatformIndicatorValue,
} from '@cc/impact';
import { DeliveredUnitsReader } from '@cc/marketplace';
import { Placement } from '../placement/placement.entity';
import { SplitTerms } from '../settlement/settlement-split';
import {
  InMarketRow,
  PERIOD_KEY_FORMAT,
  PlacementSalesRow,
  RETAIL_INDICATORS,
  ResourceRow,
  retailIndicatorValues,
  RetailIndicator,
  SharedRow,
} from './retail-indicator.rows';
import { RetailFactsService } from './retail-facts.service';
import { DeliveredRow, sellThroughRows, SoldRow } from './sell-through';

/** The period key of a fact's month ($2 is the `to_char` pattern); $3 the months asked (null: all). */
const PERIOD = 'to_char(f.month, $2::text)';
const IN_PERIODS = '($3::date[] IS NULL OR f.month = ANY($3::date[]))';

/** Sales per placement, in the outlet's city (from the facts kept with each sale). */
const PLACEMENT_SALES_SQL = `
SELECT f.city_id, ${PERIOD} AS period, f.project_id, f.placement_id,
       sum(f.units)::bigint AS units, sum(f.amount_fen)::bigint AS amount, sum(f.sales)::int AS sales
  FROM retail_sale_fact f
 WHERE ($1::uuid[] IS NULL OR f.city_id = ANY($1::uuid[])) AND ${IN_PERIODS}
 GROUP BY 1, 2, 3, 4`;

/** Units sold per project and period, by the product's own city (wherever sold), every period. */
const SOLD_SQL = `
SELECT f.product_city_id AS city_id, f.project_id, ${PERIOD} AS period,
       sum(f.units)::bigint AS units, sum(f.sales)::int AS sales
  FROM retail_sale_fact f
 WHERE ($1::uuid[] IS NULL OR f.product_city_id = ANY($1::uuid[]))
 GROUP BY 1, 2, 3`;

/** The projects with a product, by the product's city (their deliveries come from marketplace). */
const PRODUCT_PROJECTS_SQL = `
SELECT DISTINCT pr.city_id, pr.project_id
  FROM product pr
 WHERE ($1::uuid[] IS NULL OR pr.city_id = ANY($1::uuid[]))`;

/** The distinct items of one indicator ($4) per (city, period), with the projects sharing each. */
const ITEMS_SQL = `
SELECT f.city_id, ${PERIOD} AS period,
       array_agg(DISTINCT f.project_id::text ORDER BY f.project_id::text) AS project_ids
  FROM retail_indicator_item f
 WHERE f.indicator = $4 AND ($1::uuid[] IS NULL OR f.city_id = ANY($1::uuid[])) AND ${IN_PERIODS}
 GROUP BY f.city_id, 2, f.item_key`;

/** Accepted placements, with the outlet's city and the product's project. */
const PLACED_SQL = `
SELECT o.city_id, pl.project_id, pl.activated_at, pl.closed_at
  FROM placement pl
  JOIN outlet o ON o.id = pl.outlet_id
 WHERE pl.activated_at IS NOT NULL
   AND ($1::uuid[] IS NULL OR o.city_id = ANY($1::uuid[]))`;

/**
 * Retail's platform indicators, per (city, period), with each project's additive part:
 *
 * | indicator                | kind  | per project                                                    |
 * | ------------------------ | ----- | -------------------------------------------------------------- |
 * | `creative_sales_revenue` | SUM   | its product's sales at the city's outlets, yuan                 |
 * | `talent_earnings`        | SUM   | the talents' royalties from those sales (settlement split), yuan |
 * | `sell_through`           | RATIO | { units sold in the period, units in market during it }         |
 * | `brand_reach`            | SUM   | 1/k of each brand × outlet pair with sales                      |
 * | `scene_coverage`         | SUM   | 1/k of each physical outlet selling local products              |
 * | `resource_activation`    | RATIO | 1/k of each resource of the city whose product sold / catalogue |
 * | `products_in_market`     | SUM   | 1 when its product was placed at an outlet of the city         |
 *
 * Sales count in the outlet's city; sell-through and activation follow the product's (the
 * project's) city. Retail sends `notifyCouplingInputsChanged` after sales are recorded or
 * imported and when placements start or end.
 */
@PlatformIndicatorProvider()
@Injectable()
export class RetailIndicatorSource implements PlatformIndicatorSource {
  readonly name = 'retail';
  readonly indicators = RETAIL_INDICATORS;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly facts: RetailFactsService,
    private readonly catalog: CatalogService,
    private readonly deliveries: DeliveredUnitsReader,
  ) {}

  /** The nightly safety net: retail's facts recomputed from the sale rows. */
  rebuildFacts(): Promise<void> {
    return this.facts.rebuild();
  }

  async collect(query: PlatformIndicatorQuery): Promise<PlatformIndicatorValue[]> {
    if (query.utcOffsetMinutes !== DEFAULT_UTC_OFFSET_MINUTES) {
      throw new Error(
        `retail indicators: facts are kept in local months at UTC+8 (${DEFAULT_UTC_OFFSET_MINUTES} minutes), not ${query.utcOffsetMinutes}`,
      );
    }
    const wanted = new Set(query.indicators);
    const params = [
      query.cityIds ? [...query.cityIds] : null,
      PERIOD_KEY_FORMAT[query.granularity],
      query.periods ? monthsOf(query.periods) : null,
    ];
    const run = async <T>(needed: boolean, sql: string, indicator?: string): Promise<T[]> =>
      needed
        ? ((await this.db.query(sql, indicator ? [...params, indicator] : params)) as T[])
        : [];
    const items = (indicator: string) =>
      run<SharedRow>(wanted.has(indicator), ITEMS_SQL, indicator);
    const placementSales = await run<PlacementSalesRow>(
      wanted.has(RetailIndicator.CREATIVE_SALES_REVENUE) ||
        wanted.has(RetailIndicator.TALENT_EARNINGS),
      PLACEMENT_SALES_SQL,
    );
    const placementTerms = new Map<string, SplitTerms>();
    if (wanted.has(RetailIndicator.TALENT_EARNINGS) && placementSales.length) {
      const ids = [...new Set(placementSales.map((row) => row.placement_id))];
      for (const placement of await this.db.getRepository(Placement).findBy({ id: In(ids) })) {
        if (!placement.royaltySplit?.length) continue;
        placementTerms.set(placement.id, {
          termsType: placement.termsType,
          wholesaleUnitPriceFen: placement.wholesaleUnitPriceFen,
          consignmentCommissionBp: placement.consignmentCommissionBp,
          heritageRoyaltyBp: placement.heritageRoyaltyBp,
          royaltySplit: placement.royaltySplit,
        });
      }
    }
    const values = retailIndicatorValues({
      granularity: query.granularity,
      indicators: query.indicators,
      placementSales,
      placementTerms,
      sellThrough: wanted.has(RetailIndicator.SELL_THROUGH)
        ? sellThroughRows({
            delivered: await this.delivered(params[0] as string[] | null),
            sold: (await this.db.query(SOLD_SQL, params.slice(0, 2))) as SoldRow[],
            granularity: query.granularity,
            utcOffsetMinutes: query.utcOffsetMinutes,
            now: new Date(),
          })
        : [],
      brandOutletPairs: await items(RetailIndicator.BRAND_REACH),
      sceneOutlets: await items(RetailIndicator.SCENE_COVERAGE),
      resources: await this.resources(await items(RetailIndicator.RESOURCE_ACTIVATION)),
      inMarket: wanted.has(RetailIndicator.PRODUCTS_IN_MARKET) ? await this.inMarket(query) : [],
    });
    // Sell-through and products in market run over every period (a cumulative stock, the
    // placements' spans); the asked periods are kept.
    const inPeriods = query.periods ? new Set(query.periods) : null;
    return inPeriods ? values.filter((value) => inPeriods.has(value.period)) : values;
  }

  /**
   * Units delivered per project with a product, in the product's city: the deliveries are
   * marketplace's, read through its exported reader in one batch (a delivery fact kept from
   * queued events would lag the delivery the sell-through recompute is triggered by).
   */
  private async delivered(cityIds: string[] | null): Promise<DeliveredRow[]> {
    const products: { city_id: string; project_id: string }[] = await this.db.query(
      PRODUCT_PROJECTS_SQL,
      [cityIds],
    );
    const byProject = await this.deliveries.deliveriesOf([
      ...new Set(products.map((row) => row.project_id)),
    ]);
    return products.flatMap((row) => {
      const delivery = byProject.get(row.project_id);
      return delivery
        ? [{ ...row, delivered: delivery.delivered, delivered_at: delivery.deliveredAt }]
        : [];
    });
  }

  /** Each activated resource with its city's catalogue size (catalog's count). */
  private async resources(rows: SharedRow[]): Promise<ResourceRow[]> {
    const catalogue = await this.catalog.culturalResourceCountsByCity([
      ...new Set(rows.map((row) => row.city_id)),
    ]);
    return rows.map((row) => ({ ...row, catalogue: catalogue.get(row.city_id) ?? 0 }));
  }

  /** Every period each accepted placement overlapped (up to now when still active). */
  private async inMarket(query: PlatformIndicatorQuery): Promise<InMarketRow[]> {
    const placed: {
      city_id: string;
      project_id: string;
      activated_at: Date;
      closed_at: Date | null;
    }[] = await this.db.query(PLACED_SQL, [query.cityIds ? [...query.cityIds] : null]);
    const seen = new Set<string>();
    const rows: InMarketRow[] = [];
    for (const placement of placed) {
      const from = periodOf(placement.activated_at, query.granularity, query.utcOffsetMinutes);
      const to = periodOf(
        placement.closed_at ?? new Date(),
        query.granularity,
        query.utcOffsetMinutes,
      );
      for (const period of periodsBetween(from, to)) {
        const key = `${placement.city_id}|${period.key}|${placement.project_id}`;
        if (seen.has(key)) continue;
        seen.add(key);
        rows.push({
          city_id: placement.city_id,
          period: period.key,
          project_id: placement.project_id,
        });
      }
    }
    return rows;
  }
}

/** The first days (`YYYY-MM-01`) of the months that make up these period keys. */
export function monthsOf(periodKeys: readonly string[]): string[] {
  const months = new Set<string>();
  for (const key of periodKeys) {
    const period = parsePeriod(key);
    const [first, count] =
      period.granularity === PeriodGranularity.MONTH
        ? [period.index, 1]
        : period.granularity === PeriodGranularity.QUARTER
          ? [3 * period.index - 2, 3]
          : [1, 12];
    for (let month = first; month < first + count; month++) {
      months.add(`${period.year}-${String(month).padStart(2, '0')}-01`);
    }
  }
  return [...months].sort();
}
