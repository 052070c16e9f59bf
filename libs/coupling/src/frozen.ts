import { CouplingError, CouplingErrorCode } from './coupling.error';
import type { CouplingModel, FrozenParameters, SampleResult } from './model';
import { finishSample, scoreToU, subsystemScore } from './pipeline';
import { standardizeValue } from './standardize';

function missing(what: string): never {
  throw new CouplingError(CouplingErrorCode.MISSING_FROZEN_PARAMETER, `frozen parameters: ${what}`);
}

function checkFinite(value: unknown, what: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value))
    missing(`${what} must be a finite number`);
}

/** Checks that `frozen` holds every bound and weight the model needs. */
export function assertFrozenComplete(model: CouplingModel, frozen: FrozenParameters): void {
  for (const s of model.subsystems) {
    for (const ind of s.indicators) {
      if (model.standardization.method !== 'none') {
        const b = frozen.bounds[ind.column];
        if (!b) missing(`no bounds for indicator "${ind.column}"`);
        checkFinite(b.min, `bounds["${ind.column}"].min`);
        checkFinite(b.max, `bounds["${ind.column}"].max`);
        if (b.max < b.min) missing(`bounds["${ind.column}"] has max < min`);
      }
      checkFinite(frozen.indicatorWeights[ind.column], `indicatorWeights["${ind.column}"]`);
    }
    checkFinite(frozen.subsystemWeights[s.name], `subsystemWeights["${s.name}"]`);
    if (model.scoreStandardization.method !== 'none') {
      const b = frozen.scoreBounds?.[s.name];
      if (!b)
        missing(
          `no scoreBounds for subsystem "${s.name}" (scoreStandardization is ${model.scoreStandardization.method})`,
        );
      checkFinite(b.min, `scoreBounds["${s.name}"].min`);
      checkFinite(b.max, `scoreBounds["${s.name}"].max`);
    }
  }
}

/** Raw values → standardised values with frozen bounds (no check; see assertFrozenComplete). */
export function standardizeFrozen(
  model: CouplingModel,
  frozen: FrozenParameters,
  values: Readonly<Record<string, number>>,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of model.subsystems) {
    for (const ind of s.indicators) {
      out[ind.column] = standardizeValue(
        values[ind.column],
        frozen.bounds[ind.column],
        model.standardization,
        ind.direction,
      );
    }
  }
  return out;
}

/** Scores and U of one sample from standardised values, with frozen weights and score bounds. */
export function scoresFrozen(
  model: CouplingModel,
  frozen: FrozenParameters,
  standardized: Readonly<Record<string, number>>,
): { scores: Record<string, number>; U: Record<string, number> } {
  const scores: Record<string, number> = {};
  const U: Record<string, number> = {};
  for (const s of model.subsystems) {
    scores[s.name] = subsystemScore(model, s, standardized, frozen.indicatorWeights);
    U[s.name] = scoreToU(model, scores[s.name], frozen.scoreBounds?.[s.name]);
  }
  return { scores, U };
}

/**
 * Evaluates one sample (e.g. a city's period, or a what-if variant of it) with the bounds and
 * weights of a panel held fixed, instead of re-deriving them from a panel. With the `frozen`
 * parameters of an `evaluate` result, it reproduces that result's samples exactly.
 */
export function evaluateFrozen(input: {
  model: CouplingModel;
  frozen: FrozenParameters;
  values: Readonly<Record<string, number>>;
  id?: string[];
}): SampleResult {
  const { model, frozen, values } = input;
  assertFrozenComplete(model, frozen);
  for (const s of model.subsystems) {
    for (const ind of s.indicators) {
      const v = values[ind.column];
      if (typeof v !== 'number' || !Number.isFinite(v)) {
        throw new CouplingError(
          CouplingErrorCode.MISSING_VALUE,
          `indicator "${ind.column}" has no finite value`,
        );
      }
    }
  }
  const standardized = standardizeFrozen(model, frozen, values);
  const { scores, U } = scoresFrozen(model, frozen, standardized);
  const id = input.id ?? [];
  return finishSample(
    model,
    id,
    standardized,
    scores,
    U,
    frozen.indicatorWeights,
    frozen.subsystemWeights,
    id.length > 0 ? `sample [${id.join(', ')}]` : 'the sample',
  );
}
