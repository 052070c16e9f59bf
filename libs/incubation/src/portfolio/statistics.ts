/** The median of the values; null for none. */
export function median(values: readonly number[]): number | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export const total = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0);

/** Rounds yuan to the fen, so sums of fen/100 print as money. */
export const toFen = (yuan: number) => Math.round(yuan * 100) / 100;
