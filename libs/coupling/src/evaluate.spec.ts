import { CouplingError, CouplingErrorCode } from './coupling.error';
import { evaluate } from './evaluate';
import { evaluateFrozen } from './frozen';
import { COUPLING_LEVELS } from './levels';
import type { Sample } from './model';
import { parseModel } from './model-validation';
import { entropyWeights } from './weights';

const SUBSYSTEMS = [
  {
    name: 'culture',
    indicators: [
      { column: 'sales', direction: 'positive' },
      { column: 'outlets', direction: 'positive' },
    ],
  },
  {
    name: 'talent',
    indicators: [
      { column: 'projects', direction: 'positive' },
      { column: 'cost', direction: 'negative' },
    ],
  },
];

const SAMPLES: Sample[] = [
  { id: ['hz', '2025Q1'], values: { sales: 10, outlets: 3, projects: 4, cost: 9 } },
  { id: ['hz', '2025Q2'], values: { sales: 14, outlets: 5, projects: 6, cost: 7 } },
  { id: ['sz', '2025Q1'], values: { sales: 30, outlets: 4, projects: 2, cost: 8 } },
  { id: ['sz', '2025Q2'], values: { sales: 22, outlets: 9, projects: 9, cost: 4 } },
];

function allNumbersFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allNumbersFinite);
  if (typeof value === 'object' && value !== null)
    return Object.values(value).every(allNumbersFinite);
  return true;
}

function errorOf(fn: () => unknown): CouplingError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CouplingError);
    return err as CouplingError;
  }
  throw new Error('expected an error');
}

describe('evaluate', () => {
  const model = parseModel({ idColumns: ['city', 'quarter'], subsystems: SUBSYSTEMS });
  const result = evaluate(model, SAMPLES);

  it('standardises over the panel, weights by entropy and scores each subsystem', () => {
    const s = result.samples[3];
    expect(s.standardized).toEqual({ sales: 0.6, outlets: 1, projects: 1, cost: 1 });
    const w = result.indicatorWeights;
    expect(w.sales + w.outlets).toBeCloseTo(1, 15);
    expect(w.projects + w.cost).toBeCloseTo(1, 15);
    const cultureCols = [
      [0, 0.2, 1, 0.6],
      [0, 2 / 6, 1 / 6, 1],
    ];
    const expected = entropyWeights(cultureCols).weights;
    expect(w.sales).toBeCloseTo(expected[0], 14);
    expect(s.scores.culture).toBeCloseTo(w.sales * 0.6 + w.outlets * 1, 15);
    expect(s.U).toEqual(s.scores);
    expect(result.subsystemWeights).toEqual({ culture: 0.5, talent: 0.5 });
  });

  it('computes C, T, D, the level and the obstacles of each sample', () => {
    for (const s of result.samples) {
      const [u1, u2] = [s.U.culture, s.U.talent];
      expect(s.C).toBeCloseTo((2 * Math.sqrt(u1 * u2)) / (u1 + u2), 14);
      expect(s.T).toBeCloseTo((u1 + u2) / 2, 15);
      expect(s.D).toBeCloseTo(Math.sqrt(s.C * s.T), 15);
      expect(s.obstacles.subsystems.culture).toBeCloseTo(0.5 * (1 - u1), 15);
      expect(s.obstacles.indicators.cost).toBeCloseTo(
        result.indicatorWeights.cost * (1 - s.standardized.cost),
        15,
      );
      const sumIndicators = Object.values(s.obstaclesNormalized.indicators).reduce(
        (a, b) => a + b,
        0,
      );
      expect(sumIndicators).toBeCloseTo(1, 14);
      const sumSubsystems = Object.values(s.obstaclesNormalized.subsystems).reduce(
        (a, b) => a + b,
        0,
      );
      expect(sumSubsystems).toBeCloseTo(1, 14);
    }
    for (const s of result.samples) {
      const band = COUPLING_LEVELS.find((l) => l.code === s.level)!;
      expect(s.D).toBeGreaterThanOrEqual(band.from);
      expect(s.D < band.to || (band.to === 1 && s.D === 1)).toBe(true);
    }
    expect(result.samples[3].level).toBe('HIGH_QUALITY_COORDINATION');
    expect(result.warnings).toEqual([]);
  });

  it('exposes the bounds and weights to freeze, which reproduce every sample exactly', () => {
    expect(result.frozen.bounds.sales).toEqual({ min: 10, max: 30 });
    expect(result.frozen.scoreBounds).toBeUndefined();
    SAMPLES.forEach((sample, i) => {
      expect(
        evaluateFrozen({ model, frozen: result.frozen, values: sample.values, id: sample.id }),
      ).toEqual(result.samples[i]);
    });
  });

  it('gives a constant indicator the midpoint, weight 0 and a warning, never NaN', () => {
    const samples = SAMPLES.map((s) => ({ ...s, values: { ...s.values, outlets: 5 } }));
    const r = evaluate(
      parseModel({
        subsystems: SUBSYSTEMS,
        standardization: { method: 'minmax', range: [0.01, 0.99] },
      }),
      samples,
    );
    expect(r.samples.map((s) => s.standardized.outlets)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(r.indicatorWeights.outlets).toBe(0);
    expect(r.indicatorWeights.sales).toBe(1);
    expect(r.warnings).toEqual([
      {
        code: 'CONSTANT_INDICATOR',
        message:
          'indicator "outlets" is constant over the panel (5): standardised to the midpoint 0.5, weight 0',
      },
    ]);
    expect(allNumbersFinite(r)).toBe(true);
  });

  it('keeps a fixed weight for a constant indicator, with a warning', () => {
    const samples = SAMPLES.map((s) => ({ ...s, values: { ...s.values, outlets: 5 } }));
    const r = evaluate(
      parseModel({
        subsystems: SUBSYSTEMS,
        indicatorWeights: {
          method: 'fixed',
          weights: { sales: 0.7, outlets: 0.3, projects: 0.5, cost: 0.5 },
        },
      }),
      samples,
    );
    expect(r.indicatorWeights.outlets).toBe(0.3);
    expect(r.warnings.map((w) => w.code)).toEqual(['CONSTANT_INDICATOR']);
    expect(r.warnings[0].message).toMatch(/its fixed weight 0.3/);
  });

  it('gives equal weights when no indicator of a subsystem varies, with a warning', () => {
    const samples = SAMPLES.map((s) => ({ ...s, values: { ...s.values, projects: 1, cost: 2 } }));
    const r = evaluate(parseModel({ subsystems: SUBSYSTEMS }), samples);
    expect(r.indicatorWeights.projects).toBe(0.5);
    expect(r.indicatorWeights.cost).toBe(0.5);
    expect(r.samples.every((s) => s.U.talent === 0.5)).toBe(true);
    expect(r.warnings.map((w) => w.code)).toEqual([
      'ALL_INDICATORS_CONSTANT',
      'CONSTANT_INDICATOR',
      'CONSTANT_INDICATOR',
    ]);
    expect(allNumbersFinite(r)).toBe(true);
  });

  it('scales the scores and re-standardises them into U', () => {
    const r = evaluate(
      parseModel({
        subsystems: SUBSYSTEMS,
        scoreScale: 100,
        scoreStandardization: { method: 'minmax' },
      }),
      SAMPLES,
    );
    const culture = r.samples.map((s) => s.U.culture);
    expect(Math.min(...culture)).toBe(0);
    expect(Math.max(...culture)).toBe(1);
    r.samples.forEach((s, i) =>
      expect(s.scores.culture).toBeCloseTo(100 * result.samples[i].scores.culture, 12),
    );
    expect(r.frozen.scoreBounds?.culture.max).toBe(
      Math.max(...r.samples.map((s) => s.scores.culture)),
    );
  });

  it('weights the subsystems by the entropy of U', () => {
    const r = evaluate(
      parseModel({ subsystems: SUBSYSTEMS, subsystemWeights: { method: 'entropy' } }),
      SAMPLES,
    );
    const expected = entropyWeights([
      r.samples.map((s) => s.U.culture),
      r.samples.map((s) => s.U.talent),
    ]).weights;
    expect(r.subsystemWeights.culture).toBeCloseTo(expected[0], 15);
    expect(r.subsystemWeights.talent).toBeCloseTo(expected[1], 15);
    r.samples.forEach((s) =>
      expect(s.T).toBeCloseTo(expected[0] * s.U.culture + expected[1] * s.U.talent, 15),
    );
  });

  it('warns when wang or fan get U outside [0, 1]', () => {
    const r = evaluate(
      parseModel({ subsystems: SUBSYSTEMS, scoreScale: 100, coupling: { variant: 'fan' } }),
      SAMPLES,
    );
    expect(r.warnings.map((w) => w.code)).toEqual(['SCORE_OUTSIDE_UNIT_INTERVAL']);
    expect(r.samples.every((s) => s.C >= 0 && s.C <= 1)).toBe(true);
  });

  it('uses values as given with standardization none, warning about negative indicators', () => {
    const r = evaluate(
      parseModel({
        subsystems: SUBSYSTEMS,
        standardization: { method: 'none' },
        indicatorWeights: {
          method: 'fixed',
          weights: { sales: 0.5, outlets: 0.5, projects: 0.5, cost: 0.5 },
        },
      }),
      SAMPLES,
    );
    expect(r.samples[0].standardized).toEqual(SAMPLES[0].values);
    expect(r.warnings.map((w) => w.code)).toEqual(['NEGATIVE_INDICATOR_NOT_STANDARDIZED']);
  });

  it('refuses negative U instead of returning NaN', () => {
    const samples = SAMPLES.map((s, i) => ({
      ...s,
      values: { ...s.values, sales: i === 2 ? -5 : 1 },
    }));
    const err = errorOf(() =>
      evaluate(
        parseModel({
          idColumns: ['city', 'quarter'],
          subsystems: SUBSYSTEMS,
          standardization: { method: 'none' },
          indicatorWeights: {
            method: 'fixed',
            weights: { sales: 1, outlets: 0, projects: 1, cost: 0 },
          },
        }),
        samples,
      ),
    );
    expect(err.code).toBe(CouplingErrorCode.NEGATIVE_VALUE);
    expect(err.message).toMatch(
      /subsystem "culture" has U = -5 for sample \[sz, 2025Q1\] \(row 3\)/,
    );
  });

  it('refuses missing values, no samples and entropy on a single sample', () => {
    const bad = [{ id: [], values: { sales: 1, outlets: 1, projects: NaN, cost: 1 } }];
    expect(errorOf(() => evaluate(model, bad)).code).toBe(CouplingErrorCode.MISSING_VALUE);
    expect(errorOf(() => evaluate(model, [])).code).toBe(CouplingErrorCode.NO_SAMPLES);
    expect(errorOf(() => evaluate(model, [SAMPLES[0]])).code).toBe(
      CouplingErrorCode.TOO_FEW_SAMPLES,
    );
  });

  it('evaluates a single sample with fixed weights', () => {
    const r = evaluate(
      parseModel({
        subsystems: SUBSYSTEMS,
        indicatorWeights: {
          method: 'fixed',
          weights: { sales: 0.5, outlets: 0.5, projects: 0.5, cost: 0.5 },
        },
      }),
      [SAMPLES[0]],
    );
    expect(r.samples[0].U).toEqual({ culture: 0.5, talent: 0.5 });
    expect(r.samples[0].C).toBe(1);
  });
});

describe('evaluateFrozen', () => {
  const model = parseModel({ subsystems: SUBSYSTEMS, scoreStandardization: { method: 'minmax' } });
  const { frozen } = evaluate(model, SAMPLES);

  it('needs every frozen parameter', () => {
    const { scoreBounds: _omit, ...withoutScoreBounds } = frozen;
    expect(
      errorOf(() =>
        evaluateFrozen({ model, frozen: withoutScoreBounds, values: SAMPLES[0].values }),
      ).code,
    ).toBe(CouplingErrorCode.MISSING_FROZEN_PARAMETER);
    const { sales: _sales, ...bounds } = frozen.bounds;
    expect(
      errorOf(() =>
        evaluateFrozen({ model, frozen: { ...frozen, bounds }, values: SAMPLES[0].values }),
      ).message,
    ).toBe('frozen parameters: no bounds for indicator "sales"');
  });

  it('needs a value for every indicator', () => {
    expect(errorOf(() => evaluateFrozen({ model, frozen, values: { sales: 1 } })).code).toBe(
      CouplingErrorCode.MISSING_VALUE,
    );
  });
});
