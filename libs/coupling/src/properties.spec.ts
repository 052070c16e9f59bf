/** Property tests (fast-check) of the invariants listed in issue 6. */
import fc from 'fast-check';
import { computeContributions } from './contributions';
import type { ContributorParts, IndicatorAmount } from './contributions';
import { coordinationDegree, coordinationIndex, couplingDegree } from './coupling-degree';
import { evaluate } from './evaluate';
import { evaluateFrozen } from './frozen';
import type { CouplingVariant, FrozenParameters } from './model';
import { parseModel } from './model-validation';

const variant = fc.constantFrom<CouplingVariant>('standard', 'wang', 'fan');
const productFloor = fc.constantFrom(0, 1e-10, 1e-4, 0.05);
const unit = fc.double({ min: 0, max: 1, noNaN: true });
const uVector = fc
  .integer({ min: 2, max: 7 })
  .chain((n) => fc.array(unit, { minLength: n, maxLength: n }));

/** Positive weights summing to 1 (up to rounding) for n subsystems. */
function weightsFor(n: number): fc.Arbitrary<number[]> {
  return fc
    .array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n })
    .map((raw) => {
      const total = raw.reduce((a, b) => a + b, 0);
      return raw.map((w) => w / total);
    });
}

describe('properties of C and D', () => {
  it('C and D lie in [0, 1] for U in [0, 1] and weights summing to 1', () => {
    fc.assert(
      fc.property(
        uVector.chain((u) => fc.tuple(fc.constant(u), weightsFor(u.length))),
        variant,
        productFloor,
        ([u, alpha], v, floor) => {
          const C = couplingDegree(u, { variant: v, productFloor: floor });
          const D = coordinationDegree(C, coordinationIndex(u, alpha));
          expect(C).toBeGreaterThanOrEqual(0);
          expect(C).toBeLessThanOrEqual(1);
          expect(D).toBeGreaterThanOrEqual(0);
          expect(D).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('C and D of a whole evaluation lie in [0, 1] and are never NaN', () => {
    const panel = fc.record({
      m: fc.integer({ min: 2, max: 12 }),
      sizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 }),
      directions: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
      range: fc.constantFrom([0, 1], [0.0001, 0.9999], [0.002, 0.998], [0.01, 0.99]),
      variant,
      floor: productFloor,
      subsystemWeights: fc.constantFrom('equal', 'entropy'),
      rescore: fc.boolean(),
      seed: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 200, maxLength: 200 }),
    });
    fc.assert(
      fc.property(panel, (p) => {
        let c = 0;
        const subsystems = p.sizes.map((size, k) => ({
          name: `s${k}`,
          indicators: Array.from({ length: size }, (_, j) => ({
            column: `s${k}i${j}`,
            direction: p.directions[c++ % 12] ? 'positive' : 'negative',
          })),
        }));
        const model = parseModel({
          subsystems,
          standardization: { method: 'minmax', range: p.range },
          scoreStandardization: p.rescore ? { method: 'minmax' } : { method: 'none' },
          subsystemWeights: { method: p.subsystemWeights },
          coupling: { variant: p.variant, productFloor: p.floor },
        });
        let r = 0;
        const samples = Array.from({ length: p.m }, (_, i) => ({
          id: [String(i)],
          values: Object.fromEntries(
            subsystems.flatMap((s) => s.indicators.map((ind) => [ind.column, p.seed[r++ % 200]])),
          ),
        }));
        const result = evaluate(model, samples);
        for (const s of result.samples) {
          expect(s.C).toBeGreaterThanOrEqual(0);
          expect(s.C).toBeLessThanOrEqual(1);
          expect(s.D).toBeGreaterThanOrEqual(0);
          expect(s.D).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('C is symmetric in the subsystems', () => {
    fc.assert(
      fc.property(
        uVector.chain((u) =>
          fc.tuple(fc.constant(u), fc.shuffledSubarray(u, { minLength: u.length })),
        ),
        variant,
        productFloor,
        ([u, permuted], v, floor) => {
          const options = { variant: v, productFloor: floor };
          expect(couplingDegree(permuted, options)).toBe(couplingDegree(u, options));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('C = 1 when all U are equal and positive', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1, noNaN: true }),
        fc.integer({ min: 2, max: 10 }),
        variant,
        (value, n, v) => {
          const C = couplingDegree(new Array<number>(n).fill(value), {
            variant: v,
            productFloor: 0,
          });
          expect(Math.abs(C - 1)).toBeLessThanOrEqual(1e-12);
        },
      ),
      { numRuns: 500 },
    );
  });
});

interface GeneratedPeriod {
  model: ReturnType<typeof parseModel>;
  frozen: FrozenParameters;
  totals: Record<string, IndicatorAmount>;
  contributors: ContributorParts[];
  rest: Record<string, number>;
}

/**
 * A random period: a model with sum (and optionally ratio) indicators, frozen bounds that contain
 * both the totals and what is left without any contributor, random fixed weights, and contributors
 * with random additive parts.
 */
function period(withRatios: boolean): fc.Arbitrary<GeneratedPeriod> {
  return fc
    .record({
      sizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 }),
      contributors: fc.integer({ min: 1, max: 6 }),
      range: fc.constantFrom([0, 1], [0.002, 0.998], [0.01, 0.99]),
      scale: fc.constantFrom(1, 100),
      rescore: fc.boolean(),
      variant,
      numbers: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
        minLength: 400,
        maxLength: 400,
      }),
    })
    .map((p) => {
      let r = 0;
      const next = (): number => p.numbers[r++ % 400];
      const subsystems = p.sizes.map((size, k) => ({
        name: `s${k}`,
        indicators: Array.from({ length: size }, (_, j) => ({
          column: `s${k}i${j}`,
          direction: next() < 0.5 ? 'positive' : 'negative',
          ratio: withRatios && next() < 0.4,
        })),
      }));
      const weights: Record<string, number> = {};
      for (const s of subsystems) {
        const raw = s.indicators.map(() => 0.05 + next());
        const total = raw.reduce((a, b) => a + b, 0);
        s.indicators.forEach((ind, j) => (weights[ind.column] = raw[j] / total));
        // Make each subsystem's weights sum to 1 exactly enough for parseModel.
        const drift = s.indicators.reduce((a, ind) => a + weights[ind.column], 0) - 1;
        weights[s.indicators[0].column] -= drift;
      }
      const alphaRaw = subsystems.map(() => 0.05 + next());
      const alphaTotal = alphaRaw.reduce((a, b) => a + b, 0);
      const alpha = Object.fromEntries(
        subsystems.map((s, k) => [s.name, alphaRaw[k] / alphaTotal]),
      );
      const model = parseModel({
        subsystems: subsystems.map((s) => ({
          name: s.name,
          indicators: s.indicators.map(({ column, direction }) => ({ column, direction })),
        })),
        standardization: { method: 'minmax', range: p.range },
        indicatorWeights: { method: 'fixed', weights },
        scoreScale: p.scale,
        scoreStandardization: p.rescore ? { method: 'minmax', range: [0, 1] } : { method: 'none' },
        coupling: { variant: p.variant },
      });
      const contributors: ContributorParts[] = Array.from({ length: p.contributors }, (_, i) => ({
        id: `p${i}`,
        parts: {},
      }));
      const totals: Record<string, IndicatorAmount> = {};
      const rest: Record<string, number> = {};
      const bounds: Record<string, { min: number; max: number }> = {};
      for (const s of subsystems) {
        for (const ind of s.indicators) {
          if (ind.ratio) {
            let num = 1 + 10 * next();
            let den = num + 1 + 10 * next();
            for (const c of contributors) {
              if (next() < 0.3) continue;
              const d = 1 + 5 * next();
              const n = d * next();
              (c.parts as Record<string, IndicatorAmount>)[ind.column] = {
                numerator: n,
                denominator: d,
              };
              num += n;
              den += d;
            }
            totals[ind.column] = { numerator: num, denominator: den };
            bounds[ind.column] = { min: 0, max: 1 };
          } else {
            const restValue = 100 * next();
            let total = restValue;
            for (const c of contributors) {
              if (next() < 0.3) continue;
              const part = 50 * next();
              (c.parts as Record<string, IndicatorAmount>)[ind.column] = part;
              total += part;
            }
            totals[ind.column] = total;
            rest[ind.column] = restValue;
            bounds[ind.column] = { min: restValue * next(), max: total + 1 + 10 * next() };
          }
        }
      }
      const frozen: FrozenParameters = {
        bounds,
        indicatorWeights: weights,
        subsystemWeights: alpha,
        ...(p.rescore
          ? {
              scoreBounds: Object.fromEntries(
                subsystems.map((s) => [s.name, { min: 0, max: p.scale }]),
              ),
            }
          : {}),
      };
      return { model, frozen, totals, contributors, rest };
    });
}

describe('properties of leave-one-out contributions', () => {
  it('a contributor with no data has ΔD = 0 (and ΔU = 0)', () => {
    fc.assert(
      fc.property(period(true), fc.constantFrom('empty', 'zeros'), (g, kind) => {
        const zeroParts: Record<string, IndicatorAmount> = {};
        if (kind === 'zeros') {
          for (const [column, total] of Object.entries(g.totals)) {
            zeroParts[column] = typeof total === 'number' ? 0 : { numerator: 0, denominator: 0 };
          }
        }
        const result = computeContributions({
          model: g.model,
          frozen: g.frozen,
          totals: g.totals,
          contributors: [...g.contributors, { id: 'nobody', parts: zeroParts }],
        });
        const nobody = result.contributions.find((c) => c.id === 'nobody')!;
        expect(nobody.deltaD).toBe(0);
        expect(nobody.deltaC).toBe(0);
        expect(nobody.deltaT).toBe(0);
        for (const s of g.model.subsystems) expect(nobody.deltaU[s.name]).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('with sum indicators and frozen bounds and weights, Σ ΔU_k = U_k(all) − U_k(no contributors)', () => {
    fc.assert(
      fc.property(period(false), (g) => {
        const result = computeContributions({
          model: g.model,
          frozen: g.frozen,
          totals: g.totals,
          contributors: g.contributors,
        });
        const none = evaluateFrozen({ model: g.model, frozen: g.frozen, values: g.rest });
        const all = evaluateFrozen({
          model: g.model,
          frozen: g.frozen,
          values: g.totals as Record<string, number>,
        });
        for (const s of g.model.subsystems) {
          const sum = result.contributions.reduce((acc, c) => acc + c.deltaU[s.name], 0);
          const expected = all.U[s.name] - none.U[s.name];
          expect(Math.abs(sum - expected)).toBeLessThanOrEqual(
            1e-9 * Math.max(1, Math.abs(all.U[s.name])),
          );
        }
      }),
      { numRuns: 300 },
    );
  });
});
