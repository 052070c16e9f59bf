/** Goalposts and a stored basis (issue 10): properties and every rejection. */
import fc from 'fast-check';
import { deriveBasis, modelWithBasis } from './basis';
import { evaluateWhatIf } from './what-if';
import { CouplingErrorCode } from './coupling.error';
import { evaluate } from './evaluate';
import type { CouplingModel, Sample } from './model';
import { parseModel } from './model-validation';

const panelArbitrary = fc.record({
  m: fc.integer({ min: 2, max: 10 }),
  sizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 }),
  directions: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
  range: fc.constantFrom([0, 1], [0.0001, 0.9999], [0.01, 0.99]),
  subsystemWeights: fc.constantFrom('equal', 'entropy'),
  rescore: fc.boolean(),
  seed: fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), {
    minLength: 120,
    maxLength: 120,
  }),
  small: fc.boolean(),
});

type PanelSpec = typeof panelArbitrary extends fc.Arbitrary<infer T> ? T : never;

function build(p: PanelSpec): {
  model: CouplingModel;
  json: Record<string, unknown>;
  samples: Sample[];
} {
  let c = 0;
  const subsystems = p.sizes.map((size, k) => ({
    name: `s${k}`,
    indicators: Array.from({ length: size }, (_, j) => ({
      column: `s${k}i${j}`,
      direction: p.directions[c++ % 12] ? 'positive' : 'negative',
    })),
  }));
  const json = {
    subsystems,
    standardization: { method: 'minmax', range: p.range },
    scoreStandardization: p.rescore ? { method: 'minmax' } : { method: 'none' },
    subsystemWeights: { method: p.subsystemWeights },
  };
  let r = 0;
  // `small` draws from a few integers, so ties and constant columns happen.
  // Rounded to 1e-6: denormal spans make min-max itself meaningless.
  const value = () =>
    p.small ? Math.floor(p.seed[r++ % 120] % 3) : Math.round(p.seed[r++ % 120] * 1e6) / 1e6;
  const samples = Array.from({ length: p.m }, (_, i) => ({
    id: [String(i)],
    values: Object.fromEntries(
      subsystems.flatMap((s) => s.indicators.map((ind) => [ind.column, value()])),
    ),
  }));
  return { model: parseModel(json), json, samples };
}

describe('goalposts standardisation', () => {
  it('with goalposts equal to the panel min and max, every output equals minmax exactly', () => {
    fc.assert(
      fc.property(panelArbitrary, (p) => {
        const { model, json, samples } = build(p);
        const minmax = evaluate(model, samples);
        const goalposts = Object.fromEntries(
          Object.entries(minmax.frozen.bounds).map(([c, b]) => [c, [b.min, b.max]]),
        );
        const withGoalposts = evaluate(
          parseModel({
            ...json,
            standardization: { method: 'goalposts', range: p.range, goalposts },
          }),
          samples,
        );
        expect(withGoalposts.samples).toEqual(minmax.samples);
        expect(withGoalposts.indicatorWeights).toEqual(minmax.indicatorWeights);
        expect(withGoalposts.subsystemWeights).toEqual(minmax.subsystemWeights);
        expect(withGoalposts.frozen).toEqual(minmax.frozen);
        expect(withGoalposts.warnings.filter((w) => w.code === 'CLIPPED_AT_GOALPOST')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('clips values outside the goalposts into the range and names the sample and indicator', () => {
    const model = parseModel({
      subsystems: [
        { name: 'a', indicators: [{ column: 'x' }] },
        { name: 'b', indicators: [{ column: 'y', direction: 'negative' }] },
      ],
      standardization: {
        method: 'goalposts',
        range: [0.01, 0.99],
        goalposts: { x: [0, 10], y: [0, 10] },
      },
    });
    const result = evaluate(model, [
      { id: ['low'], values: { x: -5, y: 5 } },
      { id: ['high'], values: { x: 50, y: 12 } },
    ]);
    expect(result.samples[0].standardized).toEqual({ x: 0.01, y: 0.5 });
    expect(result.samples[1].standardized).toEqual({ x: 0.99, y: 0.01 });
    expect(result.warnings.filter((w) => w.code === 'CLIPPED_AT_GOALPOST')).toEqual([
      {
        code: 'CLIPPED_AT_GOALPOST',
        message: 'indicator "x" is -5 for sample [low] (row 1): clipped at its lower goalpost 0',
        sample: ['low'],
        indicator: 'x',
      },
      {
        code: 'CLIPPED_AT_GOALPOST',
        message: 'indicator "x" is 50 for sample [high] (row 2): clipped at its upper goalpost 10',
        sample: ['high'],
        indicator: 'x',
      },
      {
        code: 'CLIPPED_AT_GOALPOST',
        message: 'indicator "y" is 12 for sample [high] (row 2): clipped at its upper goalpost 10',
        sample: ['high'],
        indicator: 'y',
      },
    ]);
  });

  const base = {
    subsystems: [
      { name: 'a', indicators: [{ column: 'x' }] },
      { name: 'b', indicators: [{ column: 'y' }] },
    ],
  };
  it.each([
    [
      { method: 'goalposts', goalposts: { x: [0, 1] } },
      CouplingErrorCode.INVALID_RANGE,
      /goalposts\["y"\] must be \[lower, upper\]/,
    ],
    [
      { method: 'goalposts', goalposts: { x: [2, 1], y: [0, 1] } },
      CouplingErrorCode.INVALID_RANGE,
      /goalposts\["x"\] must have lower <= upper, got \[2, 1\]/,
    ],
    [
      { method: 'goalposts', goalposts: { x: [0, 1], y: [0, 1], z: [0, 1] } },
      CouplingErrorCode.UNKNOWN_WEIGHT_KEY,
      /goalposts has "z", which is not a indicator/,
    ],
    [
      { method: 'goalposts', goalposts: { x: [0, 'a'], y: [0, 1] } },
      CouplingErrorCode.INVALID_MODEL,
      /goalposts\["x"\]\[1\] must be a finite number/,
    ],
    [
      { method: 'goalposts' },
      CouplingErrorCode.INVALID_MODEL,
      /goalposts must be an object of \[lower, upper\] per indicator/,
    ],
    [
      { method: 'goalposts', goalposts: { x: [0, 1], y: [0, 1] }, extra: 1 },
      CouplingErrorCode.INVALID_MODEL,
      /unknown property "extra"/,
    ],
  ])('rejects standardization %j', (standardization, code, message) => {
    expect(() => parseModel({ ...base, standardization })).toThrow(
      expect.objectContaining({ code, message: expect.stringMatching(message) }),
    );
  });
});

describe('a stored basis', () => {
  it('adding data for a new period leaves every earlier sample bit-identical', () => {
    fc.assert(
      fc.property(
        panelArbitrary,
        fc.array(fc.double({ min: 0, max: 5000, noNaN: true }), { minLength: 12, maxLength: 12 }),
        (p, extra) => {
          const { model, samples } = build(p);
          const basis = deriveBasis(model, samples, { headroom: 0.25 });
          const fixed = modelWithBasis(model, basis);
          const before = evaluate(fixed, samples);
          let e = 0;
          const added = {
            id: ['new period'],
            values: Object.fromEntries(
              Object.keys(samples[0].values).map((c) => [c, extra[e++ % 12]]),
            ),
          };
          const after = evaluate(fixed, [...samples, added]);
          for (const [i, sample] of before.samples.entries()) {
            const later = after.samples[i];
            expect([later.U, later.C, later.T, later.D]).toEqual([
              sample.U,
              sample.C,
              sample.T,
              sample.D,
            ]);
            for (const u of Object.values(later.U)) {
              expect(Object.is(u, u)).toBe(true);
            }
          }
          for (const u of Object.values(after.samples.at(-1)!.U)) {
            expect(u).toBeGreaterThanOrEqual(0);
            expect(u).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('with headroom 0, the baseline under its own basis equals the panel evaluation', () => {
    fc.assert(
      fc.property(panelArbitrary, (p) => {
        const { model, samples } = build(p);
        const panel = evaluate(model, samples);
        const fixed = evaluate(modelWithBasis(model, deriveBasis(model, samples)), samples);
        for (const [i, s] of panel.samples.entries()) {
          expect(fixed.samples[i].D).toBeCloseTo(s.D, 12);
          expect(fixed.samples[i].standardized).toEqual(s.standardized);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('widens the baseline bounds by the headroom, never below 0 for a non-negative indicator', () => {
    const model = parseModel({
      subsystems: [
        { name: 'a', indicators: [{ column: 'x' }] },
        { name: 'b', indicators: [{ column: 'y' }] },
      ],
    });
    const basis = deriveBasis(
      model,
      [
        { id: ['1'], values: { x: 10, y: -4 } },
        { id: ['2'], values: { x: 30, y: 6 } },
      ],
      { headroom: 0.5 },
    );
    expect(basis.bounds).toEqual({ x: { min: 0, max: 40 }, y: { min: -9, max: 11 } });
    expect(() => deriveBasis(model, [], { headroom: -1 })).toThrow(
      /headroom must be a finite number >= 0/,
    );
  });
});

describe('evaluateWhatIf', () => {
  it('keeps U, C and D within [0, 1] for random panels and random changes', () => {
    fc.assert(
      fc.property(
        panelArbitrary,
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 12, maxLength: 12 }),
        fc.constantFrom(1, 100),
        (p, changes, scoreScale) => {
          const { json, samples } = build(p);
          const model = parseModel({ ...json, scoreScale });
          const { frozen } = evaluate(model, samples);
          let k = 0;
          const values = Object.fromEntries(
            Object.entries(samples[0].values).map(([c, v]) => [c, v + changes[k++ % 12]]),
          );
          const { result, warnings } = evaluateWhatIf({ model, frozen, values, id: ['what-if'] });
          for (const u of Object.values(result.U)) {
            expect(u).toBeGreaterThanOrEqual(0);
            expect(u).toBeLessThanOrEqual(1);
          }
          // U exactly; C, T and D up to one rounding of Σ α·U (α sums to 1 within an ulp).
          for (const x of [result.C, result.T, result.D]) {
            expect(x).toBeGreaterThanOrEqual(0);
            expect(x).toBeLessThanOrEqual(1 + 1e-15);
          }
          for (const w of warnings) {
            expect(['CLIPPED_AT_GOALPOST', 'U_CLIPPED']).toContain(w.code);
            expect(w.sample).toEqual(['what-if']);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('clips a value beyond the frozen bounds and says so; within them it equals evaluateFrozen', () => {
    const model = parseModel({
      subsystems: [
        { name: 'a', indicators: [{ column: 'x' }] },
        { name: 'b', indicators: [{ column: 'y' }] },
      ],
      standardization: { method: 'minmax', range: [0.01, 0.99] },
    });
    const { frozen, samples } = evaluate(model, [
      { id: ['1'], values: { x: 0, y: 0 } },
      { id: ['2'], values: { x: 10, y: 10 } },
    ]);
    const inside = evaluateWhatIf({ model, frozen, values: { x: 10, y: 10 } });
    expect(inside.result).toEqual({ ...samples[1], id: [] });
    expect(inside.warnings).toEqual([]);
    const beyond = evaluateWhatIf({ model, frozen, values: { x: 25, y: 5 }, id: ['c', 'q'] });
    expect(beyond.result.U).toEqual({ a: 0.99, b: 0.5 });
    expect(beyond.warnings).toEqual([
      {
        code: 'CLIPPED_AT_GOALPOST',
        message: 'indicator "x" is 25 for sample [c, q] (row 1): clipped at its upper goalpost 10',
        sample: ['c', 'q'],
        indicator: 'x',
      },
    ]);
  });
});
