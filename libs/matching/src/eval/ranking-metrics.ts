/**
 * Ranking quality against planted fits. Relevance is binary: a planted good fit counts 1, anything
 * else (a planted bad fit, or an unplanted candidate) counts 0.
 */

/**
 * Share of the top k that are good fits. The denominator is min(k, number of good fits), so a
 * case with fewer than k planted good fits can still score 1.
 */
export function precisionAtK(
  ranked: readonly string[],
  good: readonly string[],
  k: number,
): number {
  const wanted = new Set(good);
  const possible = Math.min(k, wanted.size);
  if (possible === 0) return 1;
  const hits = ranked.slice(0, k).filter((id) => wanted.has(id)).length;
  return hits / possible;
}

/** Normalised discounted cumulative gain of the top k (gain 1 for a good fit, log2 discount). */
export function ndcgAtK(ranked: readonly string[], good: readonly string[], k: number): number {
  const wanted = new Set(good);
  const discount = (rank: number) => 1 / Math.log2(rank + 2);
  const dcg = ranked
    .slice(0, k)
    .reduce((sum, id, rank) => sum + (wanted.has(id) ? discount(rank) : 0), 0);
  let ideal = 0;
  for (let rank = 0; rank < Math.min(k, wanted.size); rank += 1) ideal += discount(rank);
  return ideal === 0 ? 1 : dcg / ideal;
}

/** How many planted bad fits made it into the top k. */
export function badInTopK(ranked: readonly string[], bad: readonly string[], k: number): number {
  const unwanted = new Set(bad);
  return ranked.slice(0, k).filter((id) => unwanted.has(id)).length;
}

export interface PlantedCase {
  subjectId: string;
  good: string[];
  bad: string[];
}

export interface EvalRow {
  cases: number;
  precisionAt5: number;
  ndcgAt10: number;
  badInTop10: number;
}

/** Mean P@5 and NDCG@10 over the cases, and the total of bad fits in the top 10s. */
export function evaluate(
  cases: readonly PlantedCase[],
  rankingOf: (subjectId: string) => readonly string[],
): EvalRow {
  if (cases.length === 0) return { cases: 0, precisionAt5: 0, ndcgAt10: 0, badInTop10: 0 };
  let precision = 0;
  let ndcg = 0;
  let bad = 0;
  for (const planted of cases) {
    const ranked = rankingOf(planted.subjectId);
    precision += precisionAtK(ranked, planted.good, 5);
    ndcg += ndcgAtK(ranked, planted.good, 10);
    bad += badInTopK(ranked, planted.bad, 10);
  }
  return {
    cases: cases.length,
    precisionAt5: precision / cases.length,
    ndcgAt10: ndcg / cases.length,
    badInTop10: bad,
  };
}
