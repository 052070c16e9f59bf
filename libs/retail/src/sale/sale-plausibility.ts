import { Injectable } from '@nestjs/common';
import { AppConfig } from '@cc/config';
import { DeliveredUnitsReader } from '@cc/marketplace';
import { StockRoom } from './sale-stock';

/** Runs one SQL statement in the caller's transaction and returns its rows. */
export type SqlRows = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * The hard guards on what a sale may claim, before it feeds the city's metrics:
 * - quantity × unit price is at most `SALE_MAX_AMOUNT_FEN`;
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

  get maxAmountFen(): number {
    return this.config.retail.saleMaxAmountFen;
  }

  /** Null when within the ceiling, else why not (naming the setting). */
  overCeiling(quantity: number, unitPriceFen: number, names = QUANTITY_TIMES_PRICE): string | null {
    const ceiling = this.maxAmountFen;
    return quantity * unitPriceFen > ceiling
      ? `${names} is over the per-sale ceiling of ${ceiling} fen (SALE_MAX_AMOUNT_FEN)`
      : null;
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
    // where summing `sale` read the product's whole history under the lock.
    const soldRows = await sql(
      `SELECT pl.product_id::text AS id, sum(f.units)::int AS sold
         FROM retail_sale_fact f JOIN placement pl ON pl.id = f.placement_id
        WHERE pl.product_id = ANY($1::uuid[]) GROUP BY pl.product_id`,
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
