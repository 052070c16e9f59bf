/** One readable reason: a stable code for clients, and the same sentence in English and Chinese. */
export interface MatchReason {
  code: string;
  message: string;
  messageZh: string;
}

/** One weighted part of a score; `value` is 0–1, `weight` its share of the total. */
export interface MatchComponent {
  name: string;
  weight: number;
  value: number;
}

/**
 * A scored pair. `score` is the weighted mean of the components (0–1). An excluded pair fails a
 * hard filter: it keeps its components and reasons (so it can be explained) but ranks nowhere.
 */
export interface MatchResult {
  score: number;
  excluded: boolean;
  components: MatchComponent[];
  reasons: MatchReason[];
}

/** A component's value together with the reasons that explain it. */
export interface ComponentScore {
  value: number;
  reasons: MatchReason[];
  /** Set when the component alone rules the pair out (a hard filter). */
  exclusion?: MatchReason;
}

export function reason(code: string, message: string, messageZh: string): MatchReason {
  return { code, message, messageZh };
}

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

export const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/**
 * Folds named component scores into a result with the given weights (normalised, so weights need
 * not add up to 1; a component with weight 0 is shown but does not count). Values and the score
 * are rounded to 4 decimals so that stored scores compare equal across runs.
 */
export function combine(
  parts: Record<string, ComponentScore>,
  weights: Record<string, number>,
): MatchResult {
  const names = Object.keys(parts);
  const totalWeight = names.reduce((sum, name) => sum + (weights[name] ?? 0), 0);
  const components = names.map((name) => ({
    name,
    weight: round4(totalWeight > 0 ? (weights[name] ?? 0) / totalWeight : 0),
    value: round4(clamp01(parts[name].value)),
  }));
  const score = round4(
    totalWeight > 0
      ? names.reduce((sum, name) => sum + (weights[name] ?? 0) * clamp01(parts[name].value), 0) /
          totalWeight
      : 0,
  );
  const exclusions = names.flatMap((name) => {
    const exclusion = parts[name].exclusion;
    return exclusion ? [exclusion] : [];
  });
  return {
    score,
    excluded: exclusions.length > 0,
    components,
    // Exclusions first: they decide the outcome; then each component's reasons in order.
    reasons: [...exclusions, ...names.flatMap((name) => parts[name].reasons)],
  };
}

/** Share of `needed` found in `offered`, ignoring case and surrounding spaces; `missing` as spelt. */
export function coverage(
  needed: readonly string[],
  offered: readonly string[],
): { share: number; missing: string[] } {
  const have = new Set(offered.map(normalizeTerm));
  const wanted = new Map<string, string>();
  for (const term of needed)
    if (!wanted.has(normalizeTerm(term))) wanted.set(normalizeTerm(term), term.trim());
  if (wanted.size === 0) return { share: 1, missing: [] };
  const missing = [...wanted].filter(([key]) => !have.has(key)).map(([, term]) => term);
  return { share: (wanted.size - missing.length) / wanted.size, missing };
}

export function normalizeTerm(term: string): string {
  return term.trim().toLowerCase();
}

/** Orders results best first; equal scores by candidate id, so the order never depends on input order. */
export function compareRanked(
  a: { score: number; candidateId: string },
  b: { score: number; candidateId: string },
): number {
  return (
    b.score - a.score ||
    (a.candidateId < b.candidateId ? -1 : a.candidateId > b.candidateId ? 1 : 0)
  );
}
