/**
 * A fixed basis: the goalposts and weights that turn a panel-relative model into one where each
 * sample is evaluated on its own. Operational indices (the UN HDI) work this way, so that a new
 * period's data never moves an earlier period's numbers.
 */
import { evaluate } from './evaluate';
import type { Bounds, CouplingModel, FrozenParameters, Range, Sample } from './model';
import { assertFrozenComplete } from './frozen';
import { CouplingError, CouplingErrorCode } from './coupling.error';

function toRange(bounds: Bounds): Range {
  return [bounds.min, bounds.max];
}

function widen(bounds: Bounds, headroom: number): Bounds {
  const margin = headroom * (bounds.max - bounds.min);
  const min = bounds.min - margin;
  // A quantity that was never negative (counts, money, shares) keeps a lower goalpost >= 0.
  return { min: bounds.min >= 0 && min < 0 ? 0 : min, max: bounds.max + margin };
}

/**
 * Derives a basis from baseline samples: the entropy weights and min/max of `evaluate` over
 * them, the bounds then widened by `headroom` × (max − min) on each side (a lower goalpost of a
 * never-negative indicator stays >= 0). With headroom 0, evaluating the baseline under the basis
 * reproduces `evaluate(model, baseline)` exactly.
 */
export function deriveBasis(
  model: CouplingModel,
  baseline: readonly Sample[],
  options: { headroom?: number } = {},
): FrozenParameters {
  const headroom = options.headroom ?? 0;
  if (!Number.isFinite(headroom) || headroom < 0) {
    throw new CouplingError(
      CouplingErrorCode.INVALID_RANGE,
      `headroom must be a finite number >= 0, got ${headroom}`,
    );
  }
  const { frozen } = evaluate(model, baseline);
  const bounds: Record<string, Bounds> = {};
  for (const [column, b] of Object.entries(frozen.bounds)) bounds[column] = widen(b, headroom);
  let scoreBounds: Record<string, Bounds> | undefined;
  if (frozen.scoreBounds) {
    scoreBounds = {};
    for (const [name, b] of Object.entries(frozen.scoreBounds))
      scoreBounds[name] = widen(b, headroom);
  }
  return { ...frozen, bounds, ...(scoreBounds ? { scoreBounds } : {}) };
}

/**
 * The model with its basis fixed: min-max becomes goalposts at the basis' bounds (values
 * outside are clipped, with a warning), and the indicator and subsystem weights become the
 * basis' fixed weights. `evaluate` of the result evaluates every sample on its own, so adding
 * samples never changes another sample's U, C, T or D. A model with standardization `none`
 * keeps it (its values are used as given).
 */
export function modelWithBasis(model: CouplingModel, basis: FrozenParameters): CouplingModel {
  assertFrozenComplete(model, basis);
  const columns = model.subsystems.flatMap((s) => s.indicators.map((i) => i.column));
  const names = model.subsystems.map((s) => s.name);
  const std = model.standardization;
  const scoreStd = model.scoreStandardization;
  return {
    ...model,
    standardization:
      std.method === 'none'
        ? std
        : {
            method: 'goalposts',
            range: std.range,
            goalposts: Object.fromEntries(columns.map((c) => [c, toRange(basis.bounds[c])])),
          },
    scoreStandardization:
      scoreStd.method === 'none'
        ? scoreStd
        : {
            method: 'goalposts',
            range: scoreStd.range,
            goalposts: Object.fromEntries(names.map((n) => [n, toRange(basis.scoreBounds![n])])),
          },
    indicatorWeights: {
      method: 'fixed',
      weights: Object.fromEntries(columns.map((c) => [c, basis.indicatorWeights[c]])),
    },
    subsystemWeights: {
      method: 'fixed',
      weights: Object.fromEntries(names.map((n) => [n, basis.subsystemWeights[n]])),
    },
  };
}
