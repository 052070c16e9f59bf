import type { Bounds, CouplingModel, FrozenParameters } from '@cc/coupling';
import { ImpactException } from '../impact.exception';
import { PeriodGranularity, tryParsePeriod } from '../period';
import type { IndicatorSystemBasisInput } from './dto/indicator-system-basis.input';
import {
  BasisOrigin,
  basisHash,
  BasisSpec,
  DEFAULT_BASIS_SPEC,
  StoredBasis,
} from './indicator-system-basis';

function invalid(message: string): never {
  throw ImpactException.invalidIndicatorSystem(`basis: ${message}`);
}

function onlyFor(
  input: IndicatorSystemBasisInput,
  field: keyof IndicatorSystemBasisInput,
  origin: BasisOrigin,
) {
  const value = input[field];
  if (value !== undefined && value !== null && input.origin !== origin) {
    invalid(`${field} is only for an origin ${origin} basis, not ${input.origin}`);
  }
}

/**
 * The basis spec of a new version, and for an EXPLICIT basis the basis itself (fixed at once).
 * A BASELINE basis is fixed by the first recompute that can derive it; PANEL is never fixed.
 */
export function basisFromInput(
  input: IndicatorSystemBasisInput | null | undefined,
  model: CouplingModel,
  granularity: PeriodGranularity,
  now: Date,
): { spec: BasisSpec; basis: StoredBasis | null } {
  if (!input) return { spec: DEFAULT_BASIS_SPEC, basis: null };
  onlyFor(input, 'baselinePeriods', BasisOrigin.BASELINE);
  onlyFor(input, 'headroom', BasisOrigin.BASELINE);
  onlyFor(input, 'goalposts', BasisOrigin.EXPLICIT);
  if (input.origin === BasisOrigin.PANEL) {
    return { spec: { origin: BasisOrigin.PANEL, baselinePeriods: null, headroom: 0 }, basis: null };
  }
  if (input.origin === BasisOrigin.BASELINE) {
    const periods = input.baselinePeriods?.map((text) => {
      const period = tryParsePeriod(text);
      if (!period) invalid(`"${text}" is not a period: use 2026-Q3, 2026-09 or 2026`);
      if (period.granularity !== granularity) {
        invalid(`${period.key} is not a ${granularity.toLowerCase()}, as this version reports`);
      }
      return period.key;
    });
    return {
      spec: {
        origin: BasisOrigin.BASELINE,
        baselinePeriods: periods ? [...new Set(periods)].sort() : null,
        headroom: input.headroom ?? 0,
      },
      basis: null,
    };
  }
  const frozen = explicitFrozen(input, model);
  return {
    spec: { origin: BasisOrigin.EXPLICIT, baselinePeriods: null, headroom: 0 },
    basis: {
      origin: BasisOrigin.EXPLICIT,
      baselinePeriods: [],
      headroom: 0,
      frozen,
      fixedAt: now.toISOString(),
      hash: basisHash(frozen),
    },
  };
}

function explicitFrozen(input: IndicatorSystemBasisInput, model: CouplingModel): FrozenParameters {
  if (model.indicatorWeights.method !== 'fixed') {
    invalid(
      'an EXPLICIT basis needs FIXED indicator weighting (entropy weights depend on a panel)',
    );
  }
  if (model.subsystemWeights.method === 'entropy') {
    invalid('an EXPLICIT basis needs EQUAL or FIXED subsystem weighting');
  }
  if (model.scoreStandardization.method !== 'none') {
    invalid('an EXPLICIT basis needs scoreStandardization NONE (score bounds depend on a panel)');
  }
  const columns = model.subsystems.flatMap((s) => s.indicators.map((i) => i.column));
  const bounds: Record<string, Bounds> = {};
  for (const goalpost of input.goalposts ?? []) {
    if (!columns.includes(goalpost.indicator)) {
      invalid(`goalposts name "${goalpost.indicator}", which is not an indicator of this version`);
    }
    if (bounds[goalpost.indicator]) invalid(`goalposts of ${goalpost.indicator} are given twice`);
    if (!(goalpost.lower <= goalpost.upper)) {
      invalid(
        `goalposts of ${goalpost.indicator} need lower <= upper, got [${goalpost.lower}, ${goalpost.upper}]`,
      );
    }
    bounds[goalpost.indicator] = { min: goalpost.lower, max: goalpost.upper };
  }
  if (model.standardization.method !== 'none') {
    const missing = columns.filter((c) => !bounds[c]);
    if (missing.length) invalid(`goalposts are missing for ${missing.join(', ')}`);
  } else if (Object.keys(bounds).length) {
    invalid('standardization NONE uses values as given: it takes no goalposts');
  }
  const names = model.subsystems.map((s) => s.name);
  const subsystemWeights =
    model.subsystemWeights.method === 'fixed'
      ? { ...model.subsystemWeights.weights }
      : Object.fromEntries(names.map((n) => [n, 1 / names.length]));
  return { bounds, indicatorWeights: { ...model.indicatorWeights.weights }, subsystemWeights };
}
