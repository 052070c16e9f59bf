import { modelWithBasis } from './basis';
import type { CouplingModel, CouplingWarning, FrozenParameters, SampleResult } from './model';
import { finishSample } from './pipeline';
import { evaluate } from './evaluate';

export interface WhatIfResult {
  result: SampleResult;
  /** Values clipped at a goalpost (`CLIPPED_AT_GOALPOST`), U clipped into [0, 1] (`U_CLIPPED`). */
  warnings: CouplingWarning[];
}

function clamp01(u: number): number {
  return u < 0 ? 0 : u > 1 ? 1 : u;
}

/**
 * A what-if: one set of raw values evaluated on fixed bounds and weights, never outside the
 * model's domain. Values beyond the frozen bounds are clipped at them as goalposts (each clip a
 * warning), so x' stays in the standardisation range; a U still outside [0, 1] (a score scale
 * above 1, or the last bit of rounding of Σ w·x') is clipped into it with a `U_CLIPPED`
 * warning, and C, T and D are computed from the clipped U.
 */
export function evaluateWhatIf(input: {
  model: CouplingModel;
  frozen: FrozenParameters;
  values: Readonly<Record<string, number>>;
  id?: string[];
}): WhatIfResult {
  const id = input.id ?? [];
  const fixed = modelWithBasis(input.model, input.frozen);
  const evaluation = evaluate(fixed, [{ id, values: input.values }]);
  const warnings = evaluation.warnings.filter((w) => w.code === 'CLIPPED_AT_GOALPOST');
  const sample = evaluation.samples[0];
  const outside = input.model.subsystems.filter(
    (s) => clamp01(sample.U[s.name]) !== sample.U[s.name],
  );
  if (!outside.length) return { result: sample, warnings };
  const U = { ...sample.U };
  for (const s of outside) {
    warnings.push({
      code: 'U_CLIPPED',
      message: `U of subsystem "${s.name}" would be ${U[s.name]}: clipped into [0, 1]`,
      sample: id,
      indicator: s.name,
    });
    U[s.name] = clamp01(U[s.name]);
  }
  const result = finishSample(
    fixed,
    id,
    sample.standardized,
    sample.scores,
    U,
    input.frozen.indicatorWeights,
    input.frozen.subsystemWeights,
    id.length ? `sample [${id.join(', ')}]` : 'the sample',
  );
  return { result, warnings };
}
