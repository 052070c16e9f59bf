import { obstacleDegree, rowNormalize } from './obstacles';

describe('obstacle degrees', () => {
  it('raw: w · (1 − x)', () => {
    expect(obstacleDegree(0.4, 0.25)).toBeCloseTo(0.3, 15);
  });

  it('row-normalised: divided by the row sum, zeros when the sum is 0', () => {
    expect(rowNormalize({ a: 1, b: 3 })).toEqual({ a: 0.25, b: 0.75 });
    expect(rowNormalize({ a: 0, b: 0 })).toEqual({ a: 0, b: 0 });
  });
});
