import { coordinationDegree, coordinationIndex, couplingDegree } from './coupling-degree';

const standard = { variant: 'standard', productFloor: 0 } as const;

describe('coupling degree C', () => {
  it('standard: n·(ΠU)^(1/n)/ΣU', () => {
    const u = [0.2, 0.5, 0.8];
    expect(couplingDegree(u, standard)).toBeCloseTo((3 * Math.cbrt(0.2 * 0.5 * 0.8)) / 1.5, 14);
    expect(couplingDegree([0.3, 0.3], standard)).toBe(1);
  });

  it('standard: a zero score gives 0, or a small C with a product floor', () => {
    expect(couplingDegree([0, 0.5, 0.8], standard)).toBe(0);
    const floored = couplingDegree([0, 0.5, 0.8], { variant: 'standard', productFloor: 1e-10 });
    expect(floored).toBeCloseTo((3 * Math.cbrt(1e-10 * 0.5 * 0.8)) / 1.3, 14);
  });

  it('standard: all zero gives 0, not NaN, with or without a floor', () => {
    expect(couplingDegree([0, 0], standard)).toBe(0);
    expect(couplingDegree([0, 0], { variant: 'standard', productFloor: 1e-10 })).toBe(0);
  });

  it('wang: sqrt([1 − Σ|Ui − Uj|/Σm]·[Π(Ui/max U)]^(1/(n−1)))', () => {
    const u = [0.2, 0.5, 0.8];
    const term1 = 1 - (0.3 + 0.6 + 0.3) / 3;
    const term2 = ((0.2 / 0.8) * (0.5 / 0.8) * 1) ** (1 / 2);
    expect(couplingDegree(u, { variant: 'wang', productFloor: 0 })).toBeCloseTo(
      Math.sqrt(term1 * term2),
      14,
    );
    expect(couplingDegree([0, 0], { variant: 'wang', productFloor: 0 })).toBe(0);
  });

  it('fan: 1 − 2·sqrt((nΣU² − (ΣU)²)/n²)', () => {
    const u = [0.2, 0.5, 0.8];
    const sum = 1.5;
    const sum2 = 0.04 + 0.25 + 0.64;
    expect(couplingDegree(u, { variant: 'fan', productFloor: 0 })).toBeCloseTo(
      1 - 2 * Math.sqrt((3 * sum2 - sum * sum) / 9),
      14,
    );
    expect(couplingDegree([0, 1], { variant: 'fan', productFloor: 0 })).toBe(0);
  });

  it('refuses fewer than 2 values and negative values', () => {
    expect(() => couplingDegree([0.5], standard)).toThrow(RangeError);
    expect(() => couplingDegree([0.5, -0.1], standard)).toThrow(RangeError);
  });
});

describe('T and D', () => {
  it('T = Σ α U and D = √(C·T)', () => {
    expect(coordinationIndex([0.2, 0.6], [0.25, 0.75])).toBeCloseTo(0.5, 15);
    expect(coordinationDegree(0.81, 0.25)).toBeCloseTo(0.45, 15);
    expect(coordinationDegree(0, 0.5)).toBe(0);
  });
});
