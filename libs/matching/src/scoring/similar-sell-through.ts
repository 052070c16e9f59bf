/**
 * How products of each theme sell at each outlet type, learnt from the products that have sold:
 * the mean sell-through (units sold at that type ÷ units delivered) of a theme's products at a
 * type, divided by the theme's mean over the types. 1 is "as this theme sells on average"; 2.5
 * at MUSEUM says museums sell it 2.5 times as well. A product not yet sold at a type borrows
 * this index from the products that share its themes.
 */
export type SimilarSellThrough = Record<string, Record<string, number>>;

/** One theme at one outlet type: how many products sold there, and their mean sell-through. */
export interface SellThroughSample {
  theme: string;
  outletType: string;
  products: number;
  meanSellThrough: number;
}

/** Fewer products than this at a (theme, type) say too little to learn from. */
export const MIN_SIMILAR_PRODUCTS = 5;

export function similarSellThrough(
  samples: readonly SellThroughSample[],
  minProducts = MIN_SIMILAR_PRODUCTS,
): SimilarSellThrough {
  const byTheme = new Map<string, SellThroughSample[]>();
  for (const sample of samples) {
    if (sample.products < minProducts) continue;
    byTheme.set(sample.theme, [...(byTheme.get(sample.theme) ?? []), sample]);
  }
  const index: SimilarSellThrough = {};
  for (const [theme, rows] of byTheme) {
    const mean = rows.reduce((sum, row) => sum + row.meanSellThrough, 0) / rows.length;
    // One type alone has nothing to compare with.
    if (rows.length < 2 || mean <= 0) continue;
    index[theme] = Object.fromEntries(
      rows.map((row) => [row.outletType, Math.round((row.meanSellThrough / mean) * 100) / 100]),
    );
  }
  return index;
}

/** The index for a product's themes at an outlet type (their mean), or undefined when unknown. */
export function similarIndex(
  index: SimilarSellThrough,
  themes: readonly string[],
  outletType: string,
): number | undefined {
  const known = themes
    .map((theme) => index[theme]?.[outletType])
    .filter((value): value is number => value !== undefined);
  if (known.length === 0) return undefined;
  return Math.round((known.reduce((sum, value) => sum + value, 0) / known.length) * 100) / 100;
}
