/**
 * The per-sample steps shared by the panel evaluation (`evaluate`) and the frozen
 * re-evaluation (`evaluateFrozen`, contributions), so that both do the same arithmetic.
 */
import { coordinationDegree, coordinationIndex, couplingDegree } from './coupling-degree';
import { CouplingError, CouplingErrorCode } from './coupling.error';
import { levelOf } from './levels';
import type { Bounds, CouplingModel, SampleResult, SubsystemSpec } from './model';
import { obstacleDegree, rowNormalize } from './obstacles';
import { standardizeValue } from './standardize';

/** Subsystem score s_k = scoreScale · Σ_j w_j x'_j. */
export function subsystemScore(
  model: CouplingModel,
  subsystem: SubsystemSpec,
  standardized: Readonly<Record<string, number>>,
  indicatorWeights: Readonly<Record<string, number>>,
): number {
  let s = 0;
  let weightSum = 0;
  let lowest = Infinity;
  let highest = -Infinity;
  for (const ind of subsystem.indicators) {
    const weight = indicatorWeights[ind.column];
    const value = standardized[ind.column];
    s += weight * value;
    weightSum += weight;
    if (weight > 0) {
      lowest = Math.min(lowest, value);
      highest = Math.max(highest, value);
    }
  }
  // With weights that sum to 1 the score is a weighted mean, so it lies between the extreme
  // values; floating-point rounding can push it one ulp beyond (U = 1.0000000000000002).
  if (Math.abs(weightSum - 1) < 1e-9 && lowest <= highest) {
    s = Math.min(highest, Math.max(lowest, s));
  }
  return model.scoreScale * s;
}

/** U_k from the scaled score: the score itself, or its min-max over the panel's score bounds. */
export function scoreToU(model: CouplingModel, score: number, scoreBounds?: Bounds): number {
  const std = model.scoreStandardization;
  if (std.method === 'none') return score;
  if (!scoreBounds)
    throw new Error(`score bounds are required by scoreStandardization ${std.method}`);
  return standardizeValue(score, scoreBounds, std, 'positive');
}

export interface CoreValues {
  C: number;
  T: number;
  D: number;
}

/** C, T and D of one sample from its U vector and the subsystem weights α (same order). */
export function coreValues(
  model: CouplingModel,
  u: readonly number[],
  alpha: readonly number[],
): CoreValues {
  const C = couplingDegree(u, model.coupling);
  const T = coordinationIndex(u, alpha);
  return { C, T, D: coordinationDegree(C, T) };
}

/** Rejects U values the coupling formulas cannot take (negative or not finite). */
export function assertUsableU(
  model: CouplingModel,
  u: readonly number[],
  sampleLabel: string,
): void {
  u.forEach((value, k) => {
    if (!Number.isFinite(value) || value < 0) {
      throw new CouplingError(
        CouplingErrorCode.NEGATIVE_VALUE,
        `subsystem "${model.subsystems[k].name}" has U = ${value} for ${sampleLabel}; ` +
          'coupling needs U >= 0 (standardise the indicators, or give non-negative data)',
      );
    }
  });
}

/** Builds the full result of one sample from its standardised values, scores and U. */
export function finishSample(
  model: CouplingModel,
  id: string[],
  standardized: Record<string, number>,
  scores: Record<string, number>,
  U: Record<string, number>,
  indicatorWeights: Readonly<Record<string, number>>,
  subsystemWeights: Readonly<Record<string, number>>,
  sampleLabel: string,
): SampleResult {
  const u = model.subsystems.map((s) => U[s.name]);
  assertUsableU(model, u, sampleLabel);
  const alpha = model.subsystems.map((s) => subsystemWeights[s.name]);
  const { C, T, D } = coreValues(model, u, alpha);
  const indicators: Record<string, number> = {};
  const subsystems: Record<string, number> = {};
  for (const s of model.subsystems) {
    for (const ind of s.indicators) {
      indicators[ind.column] = obstacleDegree(
        indicatorWeights[ind.column],
        standardized[ind.column],
      );
    }
    subsystems[s.name] = obstacleDegree(subsystemWeights[s.name], U[s.name]);
  }
  return {
    id,
    standardized,
    scores,
    U,
    C,
    T,
    D,
    level: levelOf(D),
    obstacles: { indicators, subsystems },
    obstaclesNormalized: {
      indicators: rowNormalize(indicators),
      subsystems: rowNormalize(subsystems),
    },
  };
}
