import {
  boundsOf,
  isConstant,
  minMaxValue,
  standardizeColumn,
  standardizeValue,
} from './standardize';

describe('min-max standardisation', () => {
  it('maps a positive indicator onto [a, b]', () => {
    const col = standardizeColumn([2, 4, 6], { method: 'minmax', range: [0, 1] }, 'positive');
    expect(col.values).toEqual([0, 0.5, 1]);
    expect(col.bounds).toEqual({ min: 2, max: 6 });
    expect(col.constant).toBe(false);
  });

  it('reverses a negative indicator', () => {
    const col = standardizeColumn([2, 4, 6], { method: 'minmax', range: [0, 1] }, 'negative');
    expect(col.values).toEqual([1, 0.5, 0]);
  });

  it('uses a shifted range [a, b]', () => {
    const col = standardizeColumn([0, 10], { method: 'minmax', range: [0.002, 0.998] }, 'positive');
    expect(col.values[0]).toBeCloseTo(0.002, 15);
    expect(col.values[1]).toBeCloseTo(0.998, 15);
  });

  it('gives a constant indicator the midpoint of the range, never NaN', () => {
    const col = standardizeColumn([3, 3, 3], { method: 'minmax', range: [0.01, 0.99] }, 'negative');
    expect(col.values).toEqual([0.5, 0.5, 0.5]);
    expect(col.constant).toBe(true);
  });

  it('extrapolates outside frozen bounds instead of clipping', () => {
    expect(minMaxValue(12, { min: 2, max: 6 }, [0, 1], 'positive')).toBe(2.5);
    expect(minMaxValue(0, { min: 2, max: 6 }, [0, 1], 'positive')).toBe(-0.5);
  });

  it('leaves values as they are with method none', () => {
    expect(standardizeValue(7, { min: 0, max: 1 }, { method: 'none' }, 'negative')).toBe(7);
  });

  it('finds bounds and constant columns', () => {
    expect(boundsOf([3, -1, 2])).toEqual({ min: -1, max: 3 });
    expect(isConstant({ min: 1, max: 1 })).toBe(true);
    expect(isConstant({ min: 1, max: 2 })).toBe(false);
  });
});
