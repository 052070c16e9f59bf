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
    const products = await sql(
      `SELECT pr.id::text AS id, pr.project_id::text AS "projectId",
              coalesce((SELECT sum(s.quantity) FROM sale s WHERE s.product_id = pr.id), 0)::int AS sold
         FROM product pr WHERE pr.id = ANY($1::uuid[]) ORDER BY pr.id FOR UPDATE`,
      [ids],
    );
    // Marketplace owns deliveries: read through its reader once the products are locked.
    const delivered = await this.delivered.byProject(
      products.map((row) => row.projectId as string),
    );
    return new Map(
      products.map((row) => [
        row.id as string,
        { delivered: delivered.get(row.projectId as string) ?? 0, sold: row.sold as number },
      ]),
    );
  }
}

const QUANTITY_TIMES_PRICE = 'quantity × unitPrice';
