import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import {
  periodOf,
  periodsBetween,
  PlatformIndicatorProvider,
  PlatformIndicatorQuery,
  PlatformIndicatorSource,
  PlatformIndicatorValue,
} from '@cc/impact';
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
import { sellThroughRows, SoldRow } from './sell-through';

/** The local-time period key of a timestamptz column: $2 is the `to_char` pattern, $3 the UTC offset in minutes. */
const periodKey = (column: string) =>
  `to_char((${column} AT TIME ZONE 'UTC') + $3::int * interval '1 minute', $2::text)`;

/** Sales per placement, in the outlet's city. */
const PLACEMENT_SALES_SQL = `
SELECT s.city_id, ${periodKey('s.sold_at')} AS period, pr.project_id, s.placement_id,
       sum(s.quantity)::bigint AS units, sum(s.amount_fen)::bigint AS amount, count(*)::int AS sales
  FROM sale s
  JOIN product pr ON pr.id = s.product_id
 WHERE ($1::uuid[] IS NULL OR s.city_id = ANY($1::uuid[]))
 GROUP BY 1, 2, 3, 4`;

/** Units sold per project and period, by the product's own city (wherever sold). */
const SOLD_SQL = `
SELECT pr.city_id, pr.project_id, ${periodKey('s.sold_at')} AS period,
       sum(s.quantity)::bigint AS units, count(*)::int AS sales
  FROM sale s
  JOIN product pr ON pr.id = s.product_id
 WHERE ($1::uuid[] IS NULL OR pr.city_id = ANY($1::uuid[]))
 GROUP BY 1, 2, 3`;

/**
 * Units delivered per project with a product, by the product's city (marketplace's
 * \`production_order\`, read for reporting). A delivery without \`delivered_at\` (partial) counts
 * from the order's last update.
 */
const DELIVERED_SQL = `
SELECT pr.city_id, pr.project_id, max(po.quantity_delivered)::int AS delivered,
       min(coalesce(po.delivered_at, po.updated_at)) AS delivered_at
  FROM product pr
  JOIN production_order po ON po.project_id = pr.project_id
 WHERE po.quantity_delivered > 0
   AND ($1::uuid[] IS NULL OR pr.city_id = ANY($1::uuid[]))
 GROUP BY pr.city_id, pr.project_id`;

const BRAND_OUTLET_SQL = `
SELECT s.city_id, ${periodKey('s.sold_at')} AS period,
       array_agg(DISTINCT pr.project_id::text) AS project_ids, count(*)::int AS sales
  FROM sale s
  JOIN product pr ON pr.id = s.product_id
 WHERE ($1::uuid[] IS NULL OR s.city_id = ANY($1::uuid[]))
 GROUP BY s.city_id, 2, lower(pr.brand), s.outlet_id`;

/** Physical outlets (not ONLINE) selling local products: made from resources of the outlet's city. */
const SCENE_SQL = `
SELECT s.city_id, ${periodKey('s.sold_at')} AS period,
       array_agg(DISTINCT pr.project_id::text) AS project_ids, count(*)::int AS sales
  FROM sale s
  JOIN product pr ON pr.id = s.product_id
  JOIN outlet o ON o.id = s.outlet_id
 WHERE ($1::uuid[] IS NULL OR s.city_id = ANY($1::uuid[]))
   AND o.type <> 'ONLINE'
   AND pr.city_id = s.city_id
   AND cardinality(pr.cultural_resource_ids) > 0
 GROUP BY s.city_id, 2, s.outlet_id`;

/** Catalogued resources (by the resource's city) with a product that sold in the period. */
const RESOURCE_SQL = `
WITH sold AS (
  SELECT DISTINCT r.city_id, ${periodKey('s.sold_at')} AS period, r.id AS resource_id,
         pr.project_id
    FROM sale s
    JOIN product pr ON pr.id = s.product_id
    JOIN cultural_resource r ON r.id = ANY(pr.cultural_resource_ids)
   WHERE ($1::uuid[] IS NULL OR r.city_id = ANY($1::uuid[]))
)
SELECT sold.city_id, sold.period, array_agg(sold.project_id::text ORDER BY sold.project_id) AS project_ids,
       0 AS sales,
       (SELECT count(*) FROM cultural_resource c WHERE c.city_id = sold.city_id)::int AS catalogue
  FROM sold
 GROUP BY sold.city_id, sold.period, sold.resource_id`;

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

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async collect(query: PlatformIndicatorQuery): Promise<PlatformIndicatorValue[]> {
    const wanted = new Set(query.indicators);
    const params = [
      query.cityIds ? [...query.cityIds] : null,
      PERIOD_KEY_FORMAT[query.granularity],
      query.utcOffsetMinutes,
    ];
    const run = async <T>(needed: boolean, sql: string): Promise<T[]> =>
      needed ? ((await this.db.query(sql, params)) as T[]) : [];
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
    return retailIndicatorValues({
      granularity: query.granularity,
      indicators: query.indicators,
      placementSales,
      placementTerms,
      sellThrough: wanted.has(RetailIndicator.SELL_THROUGH)
        ? sellThroughRows({
            delivered: await this.db.query(DELIVERED_SQL, [params[0]]),
            sold: await run<SoldRow>(true, SOLD_SQL),
            granularity: query.granularity,
            utcOffsetMinutes: query.utcOffsetMinutes,
            now: new Date(),
          })
        : [],
      brandOutletPairs: await run<SharedRow>(
        wanted.has(RetailIndicator.BRAND_REACH),
        BRAND_OUTLET_SQL,
      ),
      sceneOutlets: await run<SharedRow>(wanted.has(RetailIndicator.SCENE_COVERAGE), SCENE_SQL),
      resources: await run<ResourceRow>(
        wanted.has(RetailIndicator.RESOURCE_ACTIVATION),
        RESOURCE_SQL,
      ),
      inMarket: wanted.has(RetailIndicator.PRODUCTS_IN_MARKET) ? await this.inMarket(query) : [],
    });
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
