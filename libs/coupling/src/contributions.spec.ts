import { computeContributions } from './contributions';
import type { ContributorParts, IndicatorAmount } from './contributions';
import { CouplingError, CouplingErrorCode } from './coupling.error';
import { evaluate } from './evaluate';
import { evaluateFrozen } from './frozen';
import type { CouplingModel, FrozenParameters } from './model';
import { parseModel } from './model-validation';

const SUBSYSTEMS = [
  {
    name: 'culture',
    indicators: [
      { column: 'sales', direction: 'positive' },
      { column: 'sellThrough', direction: 'positive' },
    ],
  },
  {
    name: 'talent',
    indicators: [
      { column: 'projects', direction: 'positive' },
      { column: 'crossShare', direction: 'positive' },
      { column: 'energy', direction: 'negative' },
    ],
  },
];

/** A panel of city-periods whose raw values were aggregated from projects. */
const PANEL = [
  { sales: 120, sellThrough: 0.5, projects: 10, crossShare: 0.2, energy: 3 },
  { sales: 300, sellThrough: 0.8, projects: 25, crossShare: 0.5, energy: 2 },
  { sales: 60, sellThrough: 0.3, projects: 4, crossShare: 0.1, energy: 4 },
  { sales: 200, sellThrough: 0.6, projects: 18, crossShare: 0.4, energy: 2.5 },
];

/** The period of interest: totals and the projects behind them (sums, ratio parts). */
const TOTALS: Record<string, IndicatorAmount> = {
  sales: 200,
  sellThrough: { numerator: 60, denominator: 100 },
  projects: 18,
  crossShare: { numerator: 7.2, denominator: 18 },
  energy: 2.5,
};
const CONTRIBUTORS: ContributorParts[] = [
  {
    id: 'p1',
    parts: {
      sales: 50,
      sellThrough: { numerator: 20, denominator: 25 },
      projects: 1,
      crossShare: { numerator: 1, denominator: 1 },
    },
  },
  { id: 'p2', parts: { sales: 30, sellThrough: { numerator: 5, denominator: 20 }, projects: 1 } },
  { id: 'idle', parts: {} },
  { id: 'zeros', parts: { sales: 0, sellThrough: { numerator: 0, denominator: 0 }, projects: 0 } },
];

function rawOf(amounts: Record<string, IndicatorAmount>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(amounts).map(([k, a]) => [
      k,
      typeof a === 'number' ? a : a.denominator > 0 ? a.numerator / a.denominator : 0,
    ]),
  );
}

function without(parts: ContributorParts['parts']): Record<string, IndicatorAmount> {
  const out: Record<string, IndicatorAmount> = { ...TOTALS };
  for (const [k, p] of Object.entries(parts)) {
    const t = TOTALS[k];
    out[k] =
      typeof t === 'number'
        ? t - (p as number)
        : {
            numerator: t.numerator - (p as { numerator: number }).numerator,
            denominator: t.denominator - (p as { denominator: number }).denominator,
          };
  }
  return out;
}

function setup(extra: Record<string, unknown> = {}): {
  model: CouplingModel;
  frozen: FrozenParameters;
} {
  const model = parseModel({ subsystems: SUBSYSTEMS, ...extra });
  const { frozen } = evaluate(
    model,
    PANEL.map((values, i) => ({ id: [String(i)], values })),
  );
  return { model, frozen };
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

describe.each([
  ['min-max [0,1], equal α', {}],
  [
    'shifted range, ×100, re-standardised scores, wang',
    {
      standardization: { method: 'minmax', range: [0.002, 0.998] },
      scoreScale: 100,
      scoreStandardization: { method: 'minmax', range: [0, 1] },
      subsystemWeights: { method: 'fixed', weights: { culture: 0.4, talent: 0.6 } },
      coupling: { variant: 'wang' },
    },
  ],
  ['fan', { coupling: { variant: 'fan' } }],
])('computeContributions (%s)', (_name, extra) => {
  const { model, frozen } = setup(extra);
  const result = computeContributions({
    model,
    frozen,
    totals: TOTALS,
    contributors: CONTRIBUTORS,
  });

  it('evaluates the period from its totals like evaluateFrozen does', () => {
    expect(result.base).toEqual(evaluateFrozen({ model, frozen, values: rawOf(TOTALS) }));
    expect(result.base.D).toBeGreaterThan(0);
  });

  it('matches a full re-evaluation without each contributor', () => {
    for (const c of result.contributions) {
      const parts = CONTRIBUTORS.find((p) => p.id === c.id)!.parts;
      const alone = evaluateFrozen({ model, frozen, values: rawOf(without(parts)) });
      for (const s of model.subsystems) {
        expect(c.deltaU[s.name]).toBeCloseTo(result.base.U[s.name] - alone.U[s.name], 12);
      }
      expect(c.deltaT).toBeCloseTo(result.base.T - alone.T, 12);
      expect(c.deltaC).toBeCloseTo(result.base.C - alone.C, 12);
      expect(c.deltaD).toBeCloseTo(result.base.D - alone.D, 12);
    }
    const p1 = result.contributions.find((c) => c.id === 'p1')!;
    expect(p1.deltaU.culture).toBeGreaterThan(0);
    expect(p1.deltaD).not.toBe(0);
  });

  it('gives exactly 0 to a contributor with no data', () => {
    for (const id of ['idle', 'zeros']) {
      const c = result.contributions.find((x) => x.id === id)!;
      expect(c).toEqual({ id, deltaU: { culture: 0, talent: 0 }, deltaT: 0, deltaC: 0, deltaD: 0 });
    }
  });

  it('reports no warning when every denominator stays positive', () => {
    expect(result.warnings).toEqual([]);
  });
});

describe('computeContributions edge cases', () => {
  const { model, frozen } = setup();

  it('takes a ratio whose denominator drops to 0 as 0, with one warning per indicator', () => {
    const r = computeContributions({
      model,
      frozen,
      totals: { ...TOTALS, crossShare: { numerator: 1, denominator: 2 } },
      contributors: [
        { id: 'a', parts: { crossShare: { numerator: 1, denominator: 2 } } },
        { id: 'b', parts: { crossShare: { numerator: 0.5, denominator: 2 } } },
      ],
    });
    const alone = evaluateFrozen({ model, frozen, values: { ...rawOf(TOTALS), crossShare: 0 } });
    expect(r.contributions[0].deltaD).toBeCloseTo(r.base.D - alone.D, 12);
    expect(r.warnings).toEqual([
      {
        code: 'ZERO_DENOMINATOR',
        message:
          'indicator "crossShare": without 2 contributor(s) its denominator is 0, so its value is taken as 0',
      },
    ]);
  });

  it('computes C, T and D without a contributor from U clamped at 0, but keeps ΔU exact', () => {
    const r = computeContributions({
      model,
      frozen,
      totals: TOTALS,
      contributors: [{ id: 'huge', parts: { sales: 1000, projects: 100 } }],
    });
    const c = r.contributions[0];
    const alone = evaluateFrozen({
      model,
      frozen,
      values: { ...rawOf(TOTALS), sales: 60, projects: 4 },
    });
    expect(c.deltaU.culture).toBeGreaterThan(r.base.U.culture - alone.U.culture);
    expect(Number.isFinite(c.deltaD)).toBe(true);
    expect(c.deltaD).toBeCloseTo(r.base.D, 12);
  });

  it.each([
    [
      'a missing total',
      { totals: { ...TOTALS, sales: undefined } },
      /totals has no amount for indicator "sales"/,
    ],
    ['an unknown total', { totals: { ...TOTALS, bids: 3 } }, /totals has "bids"/],
    [
      'an unknown part',
      { contributors: [{ id: 'x', parts: { bids: 1 } }] },
      /contributor "x" has a part of "bids"/,
    ],
    [
      'a number part of a ratio indicator',
      { contributors: [{ id: 'x', parts: { sellThrough: 3 } }] },
      /"sellThrough" is a ratio indicator/,
    ],
    [
      'a ratio part of a sum indicator',
      { contributors: [{ id: 'x', parts: { sales: { numerator: 1, denominator: 1 } } }] },
      /"sales" is a sum indicator/,
    ],
    [
      'a denominator part above the total',
      { contributors: [{ id: 'x', parts: { sellThrough: { numerator: 1, denominator: 101 } } }] },
      /exceeds the period total/,
    ],
    [
      'a non-finite part',
      { contributors: [{ id: 'x', parts: { sales: NaN } }] },
      /must be a finite number/,
    ],
  ])('rejects %s', (_what, change, message) => {
    const request = { model, frozen, totals: TOTALS, contributors: CONTRIBUTORS, ...change };
    const totals = Object.fromEntries(
      Object.entries(request.totals).filter(([, v]) => v !== undefined),
    ) as Record<string, IndicatorAmount>;
    const err = errorOf(() => computeContributions({ ...request, totals }));
    expect(err.code).toBe(CouplingErrorCode.INVALID_PART);
    expect(err.message).toMatch(message);
  });

  it('needs complete frozen parameters', () => {
    const err = errorOf(() =>
      computeContributions({
        model,
        frozen: { ...frozen, subsystemWeights: { culture: 1 } },
        totals: TOTALS,
        contributors: [],
      }),
    );
    expect(err.code).toBe(CouplingErrorCode.MISSING_FROZEN_PARAMETER);
  });
});
