import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CatalogService } from '@cc/catalog';
import { runOn } from '@cc/database';
import { DEFAULT_UTC_OFFSET_MINUTES } from '@cc/impact';
import { RetailIndicator } from './retail-indicator.rows';

/** Anything that runs SQL in the caller's transaction: an EntityManager or a pg client. */
export interface SqlExecutor {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/** The first day of an instant's local month (UTC+8): the facts' period column. */
export const factMonth = (column: string) =>
  `date_trunc('month', (${column} AT TIME ZONE 'UTC') + interval '${DEFAULT_UTC_OFFSET_MINUTES} minutes')::date`;

/** Which `sale s` rows a fact update adds: a SQL condition and its parameters. */
interface NewSales {
  where: string;
  params: unknown[];
}

const saleFactSql = ({ where }: NewSales) => `
INSERT INTO retail_sale_fact AS f
       (placement_id, month, city_id, product_city_id, project_id, units, amount_fen, sales)
SELECT s.placement_id, ${factMonth('s.sold_at')}, s.city_id, pr.city_id, pr.project_id,
       sum(s.quantity), sum(s.amount_fen), count(*)
  FROM sale s
  JOIN product pr ON pr.id = s.product_id
 WHERE ${where}
 GROUP BY 1, 2, 3, 4, 5
 ORDER BY 1, 2
    ON CONFLICT (placement_id, month) DO UPDATE
   SET units = f.units + EXCLUDED.units, amount_fen = f.amount_fen + EXCLUDED.amount_fen,
       sales = f.sales + EXCLUDED.sales`;

/**
 * An item row records only that the item exists (the readers count distinct items), so a sale
 * whose items are already there writes nothing: `DO NOTHING` takes no lock on an existing row,
 * where adding to a counter made every concurrent sale of a project and month wait on one row.
 */
const NEW_ITEMS_ONLY = `
 ORDER BY 1, 2, 3, 4, 5
    ON CONFLICT (indicator, month, city_id, item_key, project_id) DO NOTHING`;

/** Brand × outlet pairs (any outlet) and scene outlets (physical, selling local products). */
const itemsSql = ({ where }: NewSales) => `
INSERT INTO retail_indicator_item (indicator, month, city_id, item_key, project_id)
SELECT DISTINCT * FROM (
  SELECT '${RetailIndicator.BRAND_REACH}', ${factMonth('s.sold_at')}, s.city_id,
         lower(pr.brand) || '|' || s.outlet_id::text, pr.project_id
    FROM sale s
    JOIN product pr ON pr.id = s.product_id
   WHERE ${where}
  UNION ALL
  SELECT '${RetailIndicator.SCENE_COVERAGE}', ${factMonth('s.sold_at')}, s.city_id,
         s.outlet_id::text, pr.project_id
    FROM sale s
    JOIN product pr ON pr.id = s.product_id
    JOIN outlet o ON o.id = s.outlet_id
   WHERE ${where}
     AND o.type <> 'ONLINE' AND pr.city_id = s.city_id AND cardinality(pr.cultural_resource_ids) > 0
) added${NEW_ITEMS_ONLY}`;

/**
 * The cultural resources of the products sold, per month and project (cities come from catalog),
 * that have no item yet: a sale of a product whose resources already count this month needs no
 * catalog lookup and no insert. (A resource has one city, so the item's city is not compared.)
 */
const resourcesSoldSql = ({ where }: NewSales) => `
SELECT DISTINCT to_char(sold.month, 'YYYY-MM-DD') AS month, sold.project_id, sold.resource_id
  FROM (SELECT ${factMonth('s.sold_at')} AS month, pr.project_id,
               unnest(pr.cultural_resource_ids) AS resource_id
          FROM sale s
          JOIN product pr ON pr.id = s.product_id
         WHERE ${where}) sold
 WHERE NOT EXISTS (SELECT 1 FROM retail_indicator_item i
                    WHERE i.indicator = '${RetailIndicator.RESOURCE_ACTIVATION}'
                      AND i.month = sold.month AND i.item_key = sold.resource_id::text
                      AND i.project_id = sold.project_id)`;

const RESOURCE_ITEMS_SQL = `
INSERT INTO retail_indicator_item (indicator, month, city_id, item_key, project_id)
SELECT '${RetailIndicator.RESOURCE_ACTIVATION}', month, city_id, resource_id::text, project_id
  FROM unnest($1::date[], $2::uuid[], $3::uuid[], $4::uuid[])
       AS added(month, city_id, resource_id, project_id)${NEW_ITEMS_ONLY}`;

/** The rebuild's one pass over `sale`: grouped first, then joined to the placement's product. */
const REBUILD_SALE_FACTS_SQL = `
INSERT INTO retail_sale_fact
       (placement_id, month, city_id, product_city_id, project_id, units, amount_fen, sales)
SELECT g.placement_id, g.month, g.city_id, pr.city_id, pr.project_id, g.units, g.amount_fen, g.sales
  FROM (SELECT s.placement_id, ${factMonth('s.sold_at')} AS month, s.city_id,
               sum(s.quantity) AS units, sum(s.amount_fen) AS amount_fen, count(*) AS sales
          FROM sale s
         WHERE s.counted
         GROUP BY 1, 2, 3) g
  JOIN placement pl ON pl.id = g.placement_id
  JOIN product pr ON pr.id = pl.product_id`;

/**
 * The rebuild's items, from the sale facts just rebuilt (a placement fixes the product and the
 * outlet): the same rows the write path adds sale by sale, by another route.
 */
const REBUILD_ITEMS_SQL = `
INSERT INTO retail_indicator_item (indicator, month, city_id, item_key, project_id)
SELECT '${RetailIndicator.BRAND_REACH}', f.month, f.city_id,
       lower(pr.brand) || '|' || pl.outlet_id::text, f.project_id
  FROM retail_sale_fact f
  JOIN placement pl ON pl.id = f.placement_id
  JOIN product pr ON pr.id = pl.product_id
UNION
SELECT '${RetailIndicator.SCENE_COVERAGE}', f.month, f.city_id, pl.outlet_id::text, f.project_id
  FROM retail_sale_fact f
  JOIN placement pl ON pl.id = f.placement_id
  JOIN product pr ON pr.id = pl.product_id
  JOIN outlet o ON o.id = pl.outlet_id
 WHERE o.type <> 'ONLINE' AND pr.city_id = f.city_id AND cardinality(pr.cultural_resource_ids) > 0`;

const REBUILD_RESOURCES_SOLD_SQL = `
SELECT DISTINCT to_char(sold.month, 'YYYY-MM-DD') AS month, sold.project_id, sold.resource_id
  FROM (SELECT f.month, f.project_id, unnest(pr.cultural_resource_ids) AS resource_id
          FROM retail_sale_fact f
          JOIN placement pl ON pl.id = f.placement_id
          JOIN product pr ON pr.id = pl.product_id) sold`;

interface ResourceSold {
  month: string;
  project_id: string;
  resource_id: string;
}

function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/**
 * Keeps retail's indicator facts (`retail_sale_fact`, `retail_indicator_item`; see the
 * migration) in step with `sale`: each write site calls one method in its own transaction, so
 * a sale and its facts commit together. `rebuild` recomputes them from the sale rows (the
 * nightly safety net; the facts e2e test asserts both agree). Resource cities come from
 * catalog's service at write time: retail's SQL names only retail's tables.
 */
@Injectable()
export class RetailFactsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: CatalogService,
  ) {}

  /** The facts of one sale just inserted, or accepted after review, in the caller's transaction. */
  recordSale(sql: SqlExecutor, sale: { id: string }): Promise<void> {
    return this.add(sql, { where: 's.id = $1 AND s.counted', params: [sale.id] });
  }

  /**
   * The facts of an import batch: the sales of the outlet with an external id in
   * `sales_import_staging` that this very transaction inserted (not the duplicates it skipped),
   * except those held for review.
   */
  recordImportedBatch(sql: SqlExecutor, outletId: string): Promise<void> {
    return this.add(sql, {
      // One unique-index lookup per staged external id (OFFSET 0 keeps the lateral a nested
      // loop), not a scan of every sale of the outlet per batch, which grows with its history.
      where: `s.counted AND s.id IN (
        SELECT found.id
          FROM (SELECT DISTINCT external_id FROM sales_import_staging) st
         CROSS JOIN LATERAL (SELECT sale.id, sale.xmin FROM sale
                              WHERE sale.outlet_id = $1 AND sale.external_id = st.external_id
                             OFFSET 0) found
         WHERE found.xmin = pg_current_xact_id()::xid)`,
      params: [outletId],
    });
  }

  /**
   * Recomputes every fact from the counted sale rows (held and rejected ones excluded), in one transaction: one grouped pass over `sale`,
   * then the items from those facts and the placements. Writers wait for it (an
   * EXCLUSIVE lock on the fact tables), so no sale's facts are counted twice or lost.
   */
  async rebuild(): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.query('LOCK TABLE retail_sale_fact, retail_indicator_item IN EXCLUSIVE MODE');
      await manager.query('DELETE FROM retail_sale_fact');
      await manager.query('DELETE FROM retail_indicator_item');
      await manager.query(REBUILD_SALE_FACTS_SQL);
      await manager.query(REBUILD_ITEMS_SQL);
      await this.addResources(manager, await manager.query(REBUILD_RESOURCES_SOLD_SQL));
    });
  }

  private async add(sql: SqlExecutor, sales: NewSales): Promise<void> {
    // One round trip: both upserts run as data-modifying CTEs of the resources' SELECT.
    const statement = `WITH sale_facts AS (${saleFactSql(sales)} RETURNING 1),
                            items AS (${itemsSql(sales)} RETURNING 1)
                       ${resourcesSoldSql(sales)}`;
    await this.addResources(sql, await sql.query(statement, sales.params));
  }

  /** Resource items of (month, project, resource) rows, in the resource's city. */
  private async addResources(sql: SqlExecutor, result: unknown): Promise<void> {
    const sold = rowsOf<ResourceSold>(result);
    if (!sold.length) return;
    const cityOf = await this.catalog.citiesOfResources(
      [...new Set(sold.map((row) => row.resource_id))],
      runOn(sql),
    );
    // A resource no longer catalogued activates nothing (as in the catalogue count).
    const known = sold.filter((row) => cityOf.has(row.resource_id));
    if (!known.length) return;
    await sql.query(RESOURCE_ITEMS_SQL, [
      known.map((row) => row.month),
      known.map((row) => cityOf.get(row.resource_id)),
      known.map((row) => row.resource_id),
      known.map((row) => row.project_id),
    ]);
  }
}
