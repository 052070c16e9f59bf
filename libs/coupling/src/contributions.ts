import { CouplingError, CouplingErrorCode } from './coupling.error';
import type { CouplingModel, CouplingWarning, FrozenParameters, SampleResult } from './model';
import { indicatorColumns } from './model-validation';
import { coreValues, finishSample, scoreToU } from './pipeline';
import { assertFrozenComplete, scoresFrozen, standardizeFrozen } from './frozen';
import { standardizeValue } from './standardize';

/** A ratio indicator's value is numerator / denominator (0 when the denominator is 0). */
export interface RatioAmount {
  numerator: number;
  denominator: number;
}

/**
 * A raw indicator amount: a plain number for a sum indicator (or an imported indicator with
 * no decomposition), or the numerator and denominator sums of a ratio indicator.
 */
export type IndicatorAmount = number | RatioAmount;

export interface ContributorParts {
  id: string;
  /**
   * The contributor's additive part of each raw indicator it takes part in. Indicators left
   * out count as 0. Use the same kind (number or ratio) as in `totals`.
   */
  parts: Readonly<Record<string, IndicatorAmount>>;
}

export interface ContributionRequest {
  /** A model from `parseModel`. */
  model: CouplingModel;
  /** The period's bounds and weights, held fixed (e.g. `evaluate(...).frozen`, or a published snapshot's). */
  frozen: FrozenParameters;
  /** The period's raw amounts of every indicator, all contributors included. */
  totals: Readonly<Record<string, IndicatorAmount>>;
  contributors: readonly ContributorParts[];
}

export interface Contribution {
  id: string;
  /** ΔU_k = U_k(all) − U_k(without the contributor). */
  deltaU: Record<string, number>;
  deltaT: number;
  deltaC: number;
  /** ΔD = D(all) − D(without the contributor). */
  deltaD: number;
}

export interface ContributionResult {
  /** The period evaluated from `totals` with the frozen parameters. */
  base: SampleResult;
  contributions: Contribution[];
  warnings: CouplingWarning[];
}

function isRatio(a: IndicatorAmount): a is RatioAmount {
  return typeof a === 'object' && a !== null;
}

function invalid(message: string): never {
  throw new CouplingError(CouplingErrorCode.INVALID_PART, message);
}

function checkAmount(amount: unknown, where: string): IndicatorAmount {
  if (typeof amount === 'number') {
    if (!Number.isFinite(amount)) invalid(`${where} must be a finite number, got ${amount}`);
    return amount;
  }
  if (
    typeof amount === 'object' &&
    amount !== null &&
    Number.isFinite((amount as RatioAmount).numerator) &&
    Number.isFinite((amount as RatioAmount).denominator)
  ) {
    return amount as RatioAmount;
  }
  return invalid(`${where} must be a number or { numerator, denominator } of finite numbers`);
}

/** Denominators this close to 0 (relative to the total's) count as 0. */
const RELATIVE_ZERO = 1e-12;

/**
 * Leave-one-out contributions with frozen bounds and weights.
 *
 * For each contributor p and each indicator j it has a part in, the raw value without p is
 * total − part (sum) or (N − n)/(D − d) (ratio; 0 when D − d = 0). Its standardised change
 * Δx'_j updates the subsystem score by scoreScale·w_j·Δx'_j, so U(without p) costs
 * O(parts of p) and the whole call O(contributors × indicators), not one full evaluation per
 * contributor. ΔU is exact and, for sum indicators, additive over contributors (x' is not
 * clipped to [a, b] when a value leaves the frozen bounds). C, T and D without p are computed
 * from U clamped at 0. A contributor with no parts (or only zero parts) gets ΔU = 0 and ΔD = 0
 * exactly.
 */
export function computeContributions(request: ContributionRequest): ContributionResult {
  const { model, frozen } = request;
  assertFrozenComplete(model, frozen);
  const columns = indicatorColumns(model);
  const known = new Set(columns);
  const warnings: CouplingWarning[] = [];

  // Totals → raw values of the period.
  const totals: Record<string, IndicatorAmount> = {};
  const raw: Record<string, number> = {};
  for (const c of columns) {
    if (!(c in request.totals)) invalid(`totals has no amount for indicator "${c}"`);
    const t = checkAmount(request.totals[c], `totals["${c}"]`);
    totals[c] = t;
    if (isRatio(t)) {
      if (t.denominator < 0) invalid(`totals["${c}"] has a negative denominator`);
      raw[c] = t.denominator > 0 ? t.numerator / t.denominator : 0;
      if (!(t.denominator > 0)) {
        warnings.push({
          code: 'ZERO_DENOMINATOR',
          message: `indicator "${c}" has denominator 0 in the period: its value is taken as 0`,
        });
      }
    } else {
      raw[c] = t;
    }
  }
  for (const c of Object.keys(request.totals)) {
    if (!known.has(c)) invalid(`totals has "${c}", which is not an indicator of the model`);
  }

  const standardized = standardizeFrozen(model, frozen, raw);
  const { scores, U } = scoresFrozen(model, frozen, standardized);
  const base = finishSample(
    model,
    [],
    standardized,
    scores,
    U,
    frozen.indicatorWeights,
    frozen.subsystemWeights,
    'the period totals',
  );

  // Where each indicator sits in the model.
  const subsystemOf: Record<string, number> = {};
  const direction: Record<string, 'positive' | 'negative'> = {};
  model.subsystems.forEach((s, k) =>
    s.indicators.forEach((ind) => {
      subsystemOf[ind.column] = k;
      direction[ind.column] = ind.direction;
    }),
  );
  const n = model.subsystems.length;
  const alpha = model.subsystems.map((s) => frozen.subsystemWeights[s.name]);
  const scoreAll = model.subsystems.map((s) => scores[s.name]);
  const uAll = model.subsystems.map((s) => U[s.name]);
  const zeroDenominators = new Map<string, number>();

  const contributions = request.contributors.map((contributor): Contribution => {
    const deltaScore = new Array<number>(n).fill(0);
    for (const [c, partRaw] of Object.entries(contributor.parts)) {
      if (!known.has(c)) {
        invalid(
          `contributor "${contributor.id}" has a part of "${c}", which is not an indicator of the model`,
        );
      }
      const part = checkAmount(partRaw, `contributor "${contributor.id}" part of "${c}"`);
      const total = totals[c];
      let without: number;
      if (isRatio(total)) {
        if (!isRatio(part)) {
          invalid(
            `contributor "${contributor.id}": "${c}" is a ratio indicator, so its part must be { numerator, denominator }`,
          );
        }
        if (part.numerator === 0 && part.denominator === 0) continue;
        const den = total.denominator - part.denominator;
        const num = total.numerator - part.numerator;
        if (den < -RELATIVE_ZERO * Math.max(1, Math.abs(total.denominator))) {
          invalid(
            `contributor "${contributor.id}": its denominator part of "${c}" exceeds the period total`,
          );
        }
        if (den > RELATIVE_ZERO * Math.max(1, Math.abs(total.denominator))) {
          without = num / den;
        } else {
          without = 0;
          zeroDenominators.set(c, (zeroDenominators.get(c) ?? 0) + 1);
        }
      } else {
        if (isRatio(part)) {
          invalid(
            `contributor "${contributor.id}": "${c}" is a sum indicator, so its part must be a number`,
          );
        }
        if (part === 0) continue;
        without = total - part;
      }
      const xWithout = standardizeValue(
        without,
        frozen.bounds[c],
        model.standardization,
        direction[c],
      );
      deltaScore[subsystemOf[c]] +=
        model.scoreScale * frozen.indicatorWeights[c] * (standardized[c] - xWithout);
    }
    const uWithout = model.subsystems.map((s, k) =>
      deltaScore[k] === 0
        ? uAll[k]
        : scoreToU(model, scoreAll[k] - deltaScore[k], frozen.scoreBounds?.[s.name]),
    );
    const clamped = uWithout.map((u) => Math.max(0, u));
    const core = coreValues(model, clamped, alpha);
    const deltaU: Record<string, number> = {};
    model.subsystems.forEach((s, k) => (deltaU[s.name] = uAll[k] - uWithout[k]));
    return {
      id: contributor.id,
      deltaU,
      deltaT: base.T - core.T,
      deltaC: base.C - core.C,
      deltaD: base.D - core.D,
    };
  });

  for (const [c, count] of zeroDenominators) {
    warnings.push({
      code: 'ZERO_DENOMINATOR',
      message: `indicator "${c}": without ${count} contributor(s) its denominator is 0, so its value is taken as 0`,
    });
  }
  return { base, contributions, warnings };
}
