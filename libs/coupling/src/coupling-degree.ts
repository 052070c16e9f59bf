import type { CouplingOptions } from './model';

/**
 * Geometric mean computed relative to the largest value, which avoids underflow of the
 * product and is exact when all values are equal. Factors must be ≥ 0 and max > 0.
 */
function geometricMean(sortedAscending: readonly number[], exponentDivisor: number): number {
  const max = sortedAscending[sortedAscending.length - 1];
  let logSum = 0;
  for (const u of sortedAscending) logSum += Math.log(u / max);
  return max * Math.exp(logSum / exponentDivisor);
}

/** Standard n-system C = n·(Π U_k)^(1/n) / Σ U_k, each U_k in the product floored at productFloor. */
function standardC(u: readonly number[], productFloor: number): number {
  const n = u.length;
  let sum = 0;
  for (const x of u) sum += x;
  if (!(sum > 0)) return 0;
  const factors = u.map((x) => Math.max(x, productFloor));
  const geo = geometricMean(factors, n);
  return Math.min(1, (n * geo) / sum);
}

/**
 * Wang et al. (2021) modified C:
 *   C = sqrt( [1 − Σ_{i>j} |U_i − U_j| / Σ_{m=1}^{n−1} m] · [Π_i (U_i / max U)]^(1/(n−1)) )
 */
function wangC(u: readonly number[]): number {
  const n = u.length;
  const max = u[n - 1];
  if (!(max > 0)) return 0;
  let dist = 0;
  for (let i = 0; i < n - 1; i++) {
    for (let j = i + 1; j < n; j++) dist += Math.abs(u[i] - u[j]);
  }
  const term1 = Math.max(0, 1 - dist / ((n * (n - 1)) / 2));
  let logSum = 0;
  for (const x of u) logSum += Math.log(x / max);
  const term2 = Math.exp(logSum / (n - 1));
  return Math.min(1, Math.sqrt(term1 * term2));
}

/**
 * Fan et al. (2024) C = 1 − 2·sqrt( (n·Σ U_k² − (Σ U_k)²) / n² ), i.e. one minus twice the
 * population standard deviation of the U_k.
 */
function fanC(u: readonly number[]): number {
  const n = u.length;
  let sum = 0;
  for (const x of u) sum += x;
  const mean = sum / n;
  // (n·ΣU² − (ΣU)²)/n² = Σ(U − mean)²/n, computed in two passes to avoid cancellation.
  let squares = 0;
  for (const x of u) squares += (x - mean) * (x - mean);
  const variance = squares / n;
  return Math.min(1, Math.max(0, 1 - 2 * Math.sqrt(variance)));
}

/**
 * Coupling degree C of one sample's subsystem values U (n ≥ 2, each ≥ 0).
 * The values are sorted first, so C is exactly symmetric in the subsystems.
 * Degenerate inputs never give NaN: Σ U = 0 (standard) or max U = 0 (wang) give C = 0.
 * The result is clamped to [0, 1] (it only leaves it through rounding, a product floor
 * larger than the scores, or fan/wang values outside [0, 1]).
 */
export function couplingDegree(u: readonly number[], options: CouplingOptions): number {
  if (u.length < 2) throw new RangeError(`coupling needs at least 2 subsystems, got ${u.length}`);
  for (const x of u) {
    if (!(x >= 0) || !Number.isFinite(x)) {
      throw new RangeError(`coupling needs finite subsystem values >= 0, got ${x}`);
    }
  }
  const sorted = [...u].sort((a, b) => a - b);
  switch (options.variant) {
    case 'standard':
      return standardC(sorted, options.productFloor);
    case 'wang':
      return wangC(sorted);
    case 'fan':
      return fanC(sorted);
  }
}

/** Comprehensive coordination index T = Σ α_k U_k. */
export function coordinationIndex(u: readonly number[], alpha: readonly number[]): number {
  let t = 0;
  for (let k = 0; k < u.length; k++) t += alpha[k] * u[k];
  return t;
}

/** Coupling coordination degree D = √(C·T) (0 when C·T ≤ 0). */
export function coordinationDegree(c: number, t: number): number {
  const ct = c * t;
  return ct > 0 ? Math.sqrt(ct) : 0;
}
