import type { CouplingLevelCode } from './model';

export interface CouplingLevel {
  code: CouplingLevelCode;
  /** Lower bound, inclusive. */
  from: number;
  /** Upper bound, exclusive, except for the top band, which includes 1. */
  to: number;
  label: string;
  labelZh: string;
}

const CODES: readonly [CouplingLevelCode, string, string][] = [
  ['EXTREME_DISORDER', 'extreme disorder', '极度失调'],
  ['SEVERE_DISORDER', 'severe disorder', '严重失调'],
  ['MODERATE_DISORDER', 'moderate disorder', '中度失调'],
  ['MILD_DISORDER', 'mild disorder', '轻度失调'],
  ['BORDERLINE_DISORDER', 'borderline disorder', '濒临失调'],
  ['BARELY_COORDINATED', 'barely coordinated', '勉强协调'],
  ['PRIMARY_COORDINATION', 'primary coordination', '初级协调'],
  ['INTERMEDIATE_COORDINATION', 'intermediate coordination', '中级协调'],
  ['GOOD_COORDINATION', 'good coordination', '良好协调'],
  ['HIGH_QUALITY_COORDINATION', 'high-quality coordination', '优质协调'],
];

/** The ten bands of D: band k is [k/10, (k+1)/10), and the top band [0.9, 1] includes 1. */
export const COUPLING_LEVELS: readonly CouplingLevel[] = CODES.map(([code, label, labelZh], k) => ({
  code,
  from: k / 10,
  to: (k + 1) / 10,
  label,
  labelZh,
}));

/**
 * Level of a coupling coordination degree D. Band edges are the doubles k/10, compared
 * directly (so D = 0.3 is MILD_DISORDER and the largest double below 0.3 is MODERATE_DISORDER).
 * D < 0 falls in the bottom band and D ≥ 1 in the top band.
 */
export function levelOf(d: number): CouplingLevelCode {
  if (Number.isNaN(d)) throw new RangeError('the level of NaN is undefined');
  let k = Math.floor(d * 10);
  if (k > 0 && d < k / 10) k -= 1;
  if (k < 9 && d >= (k + 1) / 10) k += 1;
  k = Math.min(9, Math.max(0, k));
  return COUPLING_LEVELS[k].code;
}
