/**
 * Ranking quality against the fits the demo generator judged. A case lists its good and bad
 * fits; it may also grade candidates (`relevance`, 0–1, as the generator's own model rates them),
 * in which case NDCG uses those gains; without grades a good fit counts 1 and anything else 0.
 */

/**
 * Share of the top k that are good fits. The denominator is min(k, number of good fits), so a
 * case with fewer than k good fits can still score 1.
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

/** Normalised discounted cumulative gain of the top k (the given gains, log2 discount). */
export function ndcgAtK(
  ranked: readonly string[],
  gains: ReadonlyMap<string, number>,
  k: number,
): number {
  const discount = (rank: number) => 1 / Math.log2(rank + 2);
  const dcg = ranked
    .slice(0, k)
    .reduce((sum, id, rank) => sum + (gains.get(id) ?? 0) * discount(rank), 0);
  const ideal = [...gains.values()]
    .filter((gain) => gain > 0)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, gain, rank) => sum + gain * discount(rank), 0);
  return ideal === 0 ? 1 : dcg / ideal;
}

/** A case's gains: its grades when it has them, else 1 for each good fit. */
export function gainsOf(planted: PlantedCase): Map<string, number> {
  return planted.relevance
    ? new Map(Object.entries(planted.relevance))
    : new Map(planted.good.map((id) => [id, 1]));
}

/** How many bad fits made it into the top k. */
export function badInTopK(ranked: readonly string[], bad: readonly string[], k: number): number {
  const unwanted = new Set(bad);
  return ranked.slice(0, k).filter((id) => unwanted.has(id)).length;
}

/**
 * How many bad fits in the top k rank above a good fit (one ranked lower, or missing from the top
 * k): a bad fit that follows every good one is the next best candidate, not a ranking error.
 */
export function badAboveGoodInTopK(
  ranked: readonly string[],
  good: readonly string[],
  bad: readonly string[],
  k: number,
): number {
  const top = ranked.slice(0, k);
  const wanted = new Set(good);
  const unwanted = new Set(bad);
  const goodInTop = top.filter((id) => wanted.has(id)).length;
  if (goodInTop < wanted.size) return top.filter((id) => unwanted.has(id)).length;
  const lastGood = top.reduce((last, id, rank) => (wanted.has(id) ? rank : last), -1);
  return top.slice(0, lastGood).filter((id) => unwanted.has(id)).length;
}

export interface PlantedCase {
  subjectId: string;
  good: string[];
  bad: string[];
  /** Graded relevance (0–1) by candidate id; absent for binary judgements. */
  relevance?: Record<string, number>;
}

export interface EvalRow {
  cases: number;
  precisionAt5: number;
  ndcgAt10: number;
  badInTop10: number;
  badAboveGoodInTop10: number;
}

/** Mean P@5 and NDCG@10 over the cases, and the totals of bad fits in the top 10s. */
export function evaluate(
  cases: readonly PlantedCase[],
  rankingOf: (subjectId: string) => readonly string[],
): EvalRow {
  const row: EvalRow = {
    cases: cases.length,
    precisionAt5: 0,
    ndcgAt10: 0,
    badInTop10: 0,
    badAboveGoodInTop10: 0,
  };
  if (cases.length === 0) return row;
  for (const planted of cases) {
    const ranked = rankingOf(planted.subjectId);
    row.precisionAt5 += precisionAtK(ranked, planted.good, 5) / cases.length;
    row.ndcgAt10 += ndcgAtK(ranked, gainsOf(planted), 10) / cases.length;
    row.badInTop10 += badInTopK(ranked, planted.bad, 10);
    row.badAboveGoodInTop10 += badAboveGoodInTopK(ranked, planted.good, planted.bad, 10);
  }
  return row;
}

/**
 * The case as judged among the candidates the query may return: good, bad and graded ids kept
 * only where `eligible` says so (e.g. outlets of the product's city, the only ones it can be
 * placed at), so the ideal ranking is one the scorer could give.
 */
export function restrictCase(planted: PlantedCase, eligible: (id: string) => boolean): PlantedCase {
  return {
    subjectId: planted.subjectId,
    good: planted.good.filter(eligible),
    bad: planted.bad.filter(eligible),
    ...(planted.relevance && {
      relevance: Object.fromEntries(
        Object.entries(planted.relevance).filter(([id]) => eligible(id)),
      ),
    }),
  };
}
