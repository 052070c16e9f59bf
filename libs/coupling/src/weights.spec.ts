import { CouplingError } from './coupling.error';
import { columnEntropy, entropyWeights } from './weights';

describe('entropy weights', () => {
  it('has entropy 1 for a uniform column and 0 for a one-hot column (0·ln 0 = 0)', () => {
    expect(columnEntropy([2, 2, 2, 2])).toBeCloseTo(1, 15);
    expect(columnEntropy([0, 0, 5, 0])).toBe(0);
    expect(columnEntropy([0, 0, 0])).toBe(1);
  });

  it('computes e_j = −(1/ln m) Σ p ln p and w = (1 − e)/Σ(1 − e)', () => {
    const a = [0, 0.5, 1];
    const b = [1, 1, 0.5];
    const e = (col: number[]): number => {
      const s = col.reduce((x, y) => x + y, 0);
      return (
        -col.reduce((acc, x) => acc + (x > 0 ? (x / s) * Math.log(x / s) : 0), 0) / Math.log(3)
      );
    };
    const d = [1 - e(a), 1 - e(b)];
    const { weights, degenerate } = entropyWeights([a, b]);
    expect(degenerate).toBe(false);
    expect(weights[0]).toBeCloseTo(d[0] / (d[0] + d[1]), 15);
    expect(weights[1]).toBeCloseTo(d[1] / (d[0] + d[1]), 15);
  });

  it('gives a constant column weight 0', () => {
    const { weights } = entropyWeights(
      [
        [0.5, 0.5, 0.5],
        [0, 1, 0.2],
      ],
      { constant: [true, false] },
    );
    expect(weights).toEqual([0, 1]);
  });

  it('falls back to equal weights when no column varies', () => {
    expect(
      entropyWeights(
        [
          [1, 1],
          [2, 2],
        ],
        { constant: [true, true] },
      ),
    ).toEqual({
      weights: [0.5, 0.5],
      degenerate: true,
    });
  });

  it('needs at least 2 samples and values >= 0', () => {
    expect(() => entropyWeights([[1]])).toThrow(CouplingError);
    expect(() => entropyWeights([[1, -1]], { names: ['x'] })).toThrow(
      'entropy weights need values >= 0, but "x" is -1 in sample 2',
    );
  });
});
