import {
  CouplingError,
  CouplingErrorCode,
  CouplingModel,
  deriveBasis,
  evaluate,
  EvaluationResult,
  modelWithBasis,
  Sample,
} from '@cc/coupling';
import {
  BasisOrigin,
  basisHash,
  BasisSpec,
  BasisSummary,
  StoredBasis,
  summarizeBasis,
} from '../indicator-system/indicator-system-basis';
import type { PanelSample } from './coupling-panel';

/** Entropy weights (and a min ≠ max) need at least this many baseline samples. */
export const MIN_BASELINE_SAMPLES = 2;

export function engineSamples(samples: readonly PanelSample[]): Sample[] {
  return samples.map((sample) => ({
    id: [sample.cityId, sample.period.key],
    values: sample.values,
  }));
}

/**
 * Derives a BASELINE basis from the panel: from the spec's baseline periods, or (none named)
 * from every period of the first panel in which every indicator varies. Until then it returns
 * `notYet` with the reason, and the panel is computed provisionally: an indicator that is
 * constant in the baseline (say, no source computes it yet) would otherwise get weight 0 and
 * goalposts [c, c] for the life of the version. Throws TOO_FEW_SAMPLES when the baseline has
 * fewer than MIN_BASELINE_SAMPLES samples.
 */
export function deriveStoredBasis(
  spec: BasisSpec,
  model: CouplingModel,
  samples: readonly PanelSample[],
  now: Date,
): { basis: StoredBasis } | { notYet: string } {
  const wanted = spec.baselinePeriods ? new Set(spec.baselinePeriods) : null;
  const baseline = wanted ? samples.filter((s) => wanted.has(s.period.key)) : [...samples];
  if (baseline.length < MIN_BASELINE_SAMPLES) {
    const where = wanted ? `the baseline periods ${[...wanted].join(', ')}` : 'the panel';
    throw new CouplingError(
      CouplingErrorCode.TOO_FEW_SAMPLES,
      `the basis is derived from ${where}, which has ${baseline.length} sample(s); it needs at least ${MIN_BASELINE_SAMPLES}`,
    );
  }
  if (!wanted) {
    const constant = Object.keys(baseline[0].values).filter((key) =>
      baseline.every((s) => s.values[key] === baseline[0].values[key]),
    );
    if (constant.length) {
      return {
        notYet: `provisional: not fixed until every indicator varies over the panel (constant so far: ${constant.sort().join(', ')})`,
      };
    }
  }
  const frozen = deriveBasis(model, engineSamples(baseline), { headroom: spec.headroom });
  return {
    basis: {
      origin: BasisOrigin.BASELINE,
      baselinePeriods: [...new Set(baseline.map((s) => s.period.key))].sort(),
      headroom: spec.headroom,
      frozen,
      fixedAt: now.toISOString(),
      hash: basisHash(frozen),
    },
  };
}

export interface BasisEvaluation {
  /** The model the numbers were computed with (goalposts and fixed weights under a stored basis). */
  model: CouplingModel;
  evaluation: EvaluationResult;
  basis: BasisSummary;
}

/**
 * Evaluates the panel on a version's basis: a stored basis evaluates every sample on its own
 * (`modelWithBasis`); PANEL re-derives bounds and weights over the whole panel.
 */
export function evaluateOnBasis(
  model: CouplingModel,
  samples: readonly PanelSample[],
  basis: StoredBasis | null,
  provisional?: { spec: BasisSpec; note: string },
): BasisEvaluation {
  if (!basis) {
    const evaluation = evaluate(model, engineSamples(samples));
    return {
      model,
      evaluation,
      basis: {
        origin: provisional?.spec.origin ?? BasisOrigin.PANEL,
        baselinePeriods: [],
        headroom: provisional ? provisional.spec.headroom : null,
        fixedAt: null,
        hash: basisHash(evaluation.frozen),
        ...(provisional ? { note: provisional.note } : {}),
      },
    };
  }
  const fixed = modelWithBasis(model, basis.frozen);
  return {
    model: fixed,
    evaluation: evaluate(fixed, engineSamples(samples)),
    basis: summarizeBasis(basis),
  };
}
