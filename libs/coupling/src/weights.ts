import { CouplingError, CouplingErrorCode } from './coupling.error';

/**
 * Entropy of one column by the entropy weight method:
 *   p_i = x_i / Σ x,  e = −(1/ln m) Σ p_i ln p_i  (0 · ln 0 = 0),  m = number of samples.
 * A column whose sum is 0 carries no information: e = 1.
 */
export function columnEntropy(values: readonly number[]): number {
  const m = values.length;
  let sum = 0;
  for (const v of values) sum += v;
  if (!(sum > 0)) return 1;
  let acc = 0;
  for (const v of values) {
    if (v > 0) {
      const p = v / sum;
      acc += p * Math.log(p);
    }
  }
  return acc === 0 ? 0 : -acc / Math.log(m);
}

/**
 * Entropy weights of several columns (each of the same length m ≥ 2, values ≥ 0):
 *   d_j = 1 − e_j,  w_j = d_j / Σ d.
 * Columns flagged in `constant` get d = 0 exactly. If every d is 0 (no column carries
 * information) the weights are equal and `degenerate` is true.
 */
export function entropyWeights(
  columns: readonly (readonly number[])[],
  options: { names?: readonly string[]; constant?: readonly boolean[] } = {},
): { weights: number[]; degenerate: boolean } {
  const names = options.names ?? columns.map((_, j) => `#${j + 1}`);
  const d = columns.map((col, j) => {
    if (col.length < 2) {
      throw new CouplingError(
        CouplingErrorCode.TOO_FEW_SAMPLES,
        `entropy weights need at least 2 samples, got ${col.length}`,
      );
    }
    col.forEach((v, i) => {
      if (v < 0) {
        throw new CouplingError(
          CouplingErrorCode.NEGATIVE_VALUE,
          `entropy weights need values >= 0, but "${names[j]}" is ${v} in sample ${i + 1}`,
        );
      }
    });
    if (options.constant?.[j]) return 0;
    return Math.max(0, 1 - columnEntropy(col));
  });
  let total = 0;
  for (const x of d) total += x;
  if (!(total > 0)) {
    return { weights: columns.map(() => 1 / columns.length), degenerate: true };
  }
  return { weights: d.map((x) => x / total), degenerate: false };
}
