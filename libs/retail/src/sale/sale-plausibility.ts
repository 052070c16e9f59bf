import { Injectable } from '@nestjs/common';
import { AppConfig } from '@cc/config';
import { DeliveredUnitsReader } from '@cc/marketplace';
import { StockRoom } from './sale-stock';
import { AnomalyThresholds, UsualQuantity } from '../sale-anomaly/sale-anomaly-rules';

/** Runs one SQL statement in the caller's transaction and returns its rows. */
export type SqlRows = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** How many of the outlet's latest counted sales of a product make its "usual" quantity. */
export const USUAL_QUANTITY_WINDOW = 100;

/**
 * The hard guards on what a sale may claim, before it feeds the city's metrics (the soft ones,
 * which hold a sale for review, are `anomalyReasons`; this class reads what they need):
 * - quantity × unit price is at most `SALE_HARD_MAX_AMOUNT_FEN`;
 * - a product never sells more units than its production order delivered (the authoritative
 *   quantity: the platform records deliveries per order, not per outlet, so the stock is shared
 *   by every outlet the product is placed at).
 *
 * The stock check locks the products' rows (in id order, so concurrent batches cannot deadlock)
 * until the caller's transaction ends: concurrent sales of one product queue behind each other
 * and never oversell.
 */
@Injectable()
export class SalePlausibility {
  constructor(
    private readonly config: AppConfig,
    private readonly delivered: DeliveredUnitsReader,
  ) {}

  get thresholds(): AnomalyThresholds {
    const retail = this.config.retail;
    return {
      maxAmountFen: retail.saleMaxAmountFen,
      priceFactor: retail.anomalyPriceFactor,
      discountFactor: retail.anomalyDiscountFactor,
      quantityFactor: retail.anomalyQuantityFactor,
      minHistory: retail.anomalyMinHistory,
    };
  }

  /**
   * Null within the hard cap, else why not (naming the setting). Below it, a sale over
   * SALE_MAX_AMOUNT_FEN is held for review rather than refused: a big order may be real.
   */
  overHardCap(quantity: number, unitPriceFen: number, names = QUANTITY_TIMES_PRICE): string | null {
    const cap = this.config.retail.saleHardMaxAmountFen;
    return quantity * unitPriceFen > cap
      ? `${names} is over the hard per-sale cap of ${cap} fen (SALE_HARD_MAX_AMOUNT_FEN); ` +
          'check the quantity and the unit price (in fen), or record separate purchases as separate sales'
      : null;
  }

  /**
   * The outlet's usual quantity of each product: the median of its latest counted sales
   * (held and rejected ones are not habits), and how many there were.
   */
  async usualQuantities(
    sql: SqlRows,
    outletId: string,
    productIds: readonly string[],
  ): Promise<Map<string, UsualQuantity>> {
    const ids = [...new Set(productIds.map((id) => id.toLowerCase()))];
    if (!ids.length) return new Map();
    const rows = await sql(
      `SELECT p.id::text AS id, u.sales, u.median
         FROM unnest($2::uuid[]) AS p(id)
        CROSS JOIN LATERAL (
              SELECT count(*)::int AS sales,
                     percentile_disc(0.5) WITHIN GROUP (ORDER BY recent.quantity) AS median
                FROM (SELECT quantity FROM sale
                       WHERE outlet_id = $1 AND product_id = p.id AND counted
                       ORDER BY sold_at DESC LIMIT ${USUAL_QUANTITY_WINDOW}) recent) u
        WHERE u.sales > 0`,
      [outletId, ids],
    );
    return new Map(
      rows.map((row) => [
        row.id as string,
        { sales: row.sales as number, medianQuantity: row.median as number },
      ]),
    );
  }

  /** Locks the products (until the transaction ends) and reads their delivered and sold units. */
  async lockStock(sql: SqlRows, productIds: readonly string[]): Promise<Map<string, StockRoom>> {
    const ids = [...new Set(productIds.map((id) => id.toLowerCase()))].sort();
    if (!ids.length) return new Map();
    const locked = await sql(
      `SELECT id::text AS id, project_id::text AS "projectId"
         FROM product WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [ids],
    );
    // A statement after the lock: its snapshot sees every sale committed while this one waited
    // (a sum in the locking statement would read the snapshot taken before the wait). Units sold
    // come from retail's facts, written in each sale's transaction: placements × months rows,
    // where summing `sale` read the product's whole history under the lock. Held sales are not in
    // the facts until accepted, yet take their units (accepting one must not oversell); rejected
    // ones give them back.
    const soldRows = await sql(
      `SELECT id, sum(units)::int AS sold FROM (
         SELECT pl.product_id::text AS id, f.units
           FROM retail_sale_fact f JOIN placement pl ON pl.id = f.placement_id
          WHERE pl.product_id = ANY($1::uuid[])
         UNION ALL
         SELECT s.product_id::text, s.quantity
           FROM sale_anomaly a JOIN sale s ON s.id = a.sale_id
          WHERE a.status = 'OPEN' AND s.product_id = ANY($1::uuid[])
       ) AS taken GROUP BY id`,
      [ids],
    );
    const sold = new Map(soldRows.map((row) => [row.id as string, row.sold as number]));
    const products = locked.map((row) => ({
      id: row.id as string,
      projectId: row.projectId as string,
      sold: sold.get(row.id as string) ?? 0,
    }));
    // Marketplace owns deliveries: its reader runs on this transaction's connection.
    const delivered = await this.delivered.byProject(
      products.map((row) => row.projectId),
      sql,
    );
    return new Map(
      products.map((row) => [
        row.id,
        { delivered: delivered.get(row.projectId) ?? 0, sold: row.sold },
      ]),
    );
  }
}

const QUANTITY_TIMES_PRICE = 'quantity × unitPrice';
