/** Units a product can still sell: what its production order delivered, less what sold. */
export interface StockRoom {
  delivered: number;
  sold: number;
}

export interface StockClaim {
  line: number;
  productId: string;
  externalId: string;
  quantity: number;
}

export interface OverStock {
  line: number;
  productId: string;
  quantity: number;
  left: number;
  delivered: number;
}

/**
 * Walks sales in line order as if each were recorded one by one: a sale fits when its quantity
 * is at most the units its product has left, and then uses them up. Sales already recorded
 * (`recorded` external ids) and repeats of an external id within the batch take no stock: the
 * insert keeps only the first. Returns the sales that do not fit.
 */
export function overStock(
  claims: readonly StockClaim[],
  room: ReadonlyMap<string, StockRoom>,
  recorded: ReadonlySet<string>,
): OverStock[] {
  const left = new Map([...room].map(([id, stock]) => [id, stock.delivered - stock.sold]));
  const seen = new Set<string>();
  const refused: OverStock[] = [];
  for (const claim of [...claims].sort((a, b) => a.line - b.line)) {
    if (recorded.has(claim.externalId) || seen.has(claim.externalId)) continue;
    const productId = claim.productId.toLowerCase();
    const units = left.get(productId) ?? 0;
    if (claim.quantity > units) {
      refused.push({
        line: claim.line,
        productId,
        quantity: claim.quantity,
        left: units,
        delivered: room.get(productId)?.delivered ?? 0,
      });
      continue;
    }
    seen.add(claim.externalId);
    left.set(productId, units - claim.quantity);
  }
  return refused;
}

/** The refusal, naming the fix. */
export function overStockMessage(refusal: Omit<OverStock, 'line'>): string {
  return (
    `product ${refusal.productId} has ${refusal.left} units left of the ${refusal.delivered} ` +
    `delivered; this sale is ${refusal.quantity}. Correct the quantity, or record the sale ` +
    `once the manufacturer's further delivery is recorded`
  );
}
