import { DataSource } from 'typeorm';
import { SalesCsvRow } from './sales-csv';

/** Whether a product id exists, asked once per distinct id of an import (on the pool). */
export function productExistence(db: DataSource): (productId: string) => Promise<boolean> {
  const known = new Map<string, Promise<boolean>>();
  return (productId) => {
    const id = productId.toLowerCase();
    let answer = known.get(id);
    if (!answer) {
      answer = db
        .query('SELECT 1 FROM product WHERE id = $1', [id])
        .then((rows: unknown[]) => rows.length > 0);
      known.set(id, answer);
    }
    return answer;
  };
}

/**
 * Why a row's product cannot be sold here, and what would fix it: the product does not exist,
 * has never been placed at this outlet, or had no placement active when it was sold.
 */
export async function unplacedReason(
  row: SalesCsvRow,
  column: string,
  placedHere: boolean,
  exists: (productId: string) => Promise<boolean>,
): Promise<string> {
  if (!(await exists(row.productId))) {
    return `${column}: product ${row.productId} does not exist; check the product id`;
  }
  if (!placedHere) {
    return `${column}: product ${row.productId} has no placement at this outlet; a sale needs an active placement (offerPlacement / requestPlacement)`;
  }
  return `${column}: product ${row.productId} had no placement at this outlet active at ${row.soldAt.toISOString()}`;
}
