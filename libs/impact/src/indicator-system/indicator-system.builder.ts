import { ImpactException } from '../impact.exception';
import {
  IndicatorDirection,
  IndicatorWeightingMethod,
  StandardizationMethod,
  SubsystemWeightingMethod,
} from '../graphql-enums';
import {
  IndicatorSource,
  PLATFORM_INDICATOR_KEYS,
  platformIndicatorSpec,
} from '../platform-indicators/platform-indicator.catalog';
import type { CreateIndicatorSystemVersionInput } from './dto/create-indicator-system-version.input';
import type { IndicatorDefinition, IndicatorSystemDefinition } from './indicator-system.definition';

/** Shifted min-max range: keeps every x′ > 0, so neither entropy nor the product in C sees a 0. */
export const DEFAULT_STANDARDIZATION_RANGE: readonly [number, number] = [0.01, 0.99];

type Input = Omit<
  CreateIndicatorSystemVersionInput,
  'cityId' | 'periodGranularity' | 'note' | 'basis'
>;

function invalid(message: string): never {
  throw ImpactException.invalidIndicatorSystem(message);
}

function standardization(
  method: StandardizationMethod,
  range: number[] | undefined,
  field: string,
) {
  if (method === StandardizationMethod.NONE) {
    if (range) invalid(`${field}Range is only for MINMAX`);
    return { method: 'none' };
  }
  return { method: 'minmax', range: range ?? [...DEFAULT_STANDARDIZATION_RANGE] };
}

/**
 * Turns the GraphQL input into a stored definition: indicator metadata plus the coupling model
 * JSON (`parseModel` shape). Checks what only the input can tell (weights given for the chosen
 * method); `validateIndicatorSystem` then checks the whole.
 */
export function definitionFromInput(input: Input): IndicatorSystemDefinition {
  const fixedIndicators = input.indicatorWeighting === IndicatorWeightingMethod.FIXED;
  const fixedSubsystems = input.subsystemWeighting === SubsystemWeightingMethod.FIXED;
  const indicators: IndicatorDefinition[] = [];
  const indicatorWeights: Record<string, number> = {};
  const subsystemWeights: Record<string, number> = {};

  for (const subsystem of input.subsystems) {
    if (fixedSubsystems) {
      if (subsystem.weight === undefined || subsystem.weight === null) {
        invalid(`FIXED subsystem weighting needs a weight for subsystem ${subsystem.name}`);
      }
      subsystemWeights[subsystem.name] = subsystem.weight;
    } else if (subsystem.weight !== undefined && subsystem.weight !== null) {
      invalid(
        `subsystem ${subsystem.name} has a weight, but subsystem weighting is ${input.subsystemWeighting}`,
      );
    }
    for (const indicator of subsystem.indicators) {
      if (fixedIndicators) {
        if (indicator.weight === undefined || indicator.weight === null) {
          invalid(`FIXED indicator weighting needs a weight for indicator ${indicator.key}`);
        }
        indicatorWeights[indicator.key] = indicator.weight;
      } else if (indicator.weight !== undefined && indicator.weight !== null) {
        invalid(
          `indicator ${indicator.key} has a weight, but indicator weighting is ${input.indicatorWeighting}`,
        );
      }
      let aggregation = indicator.aggregation ?? null;
      if (indicator.source === IndicatorSource.PLATFORM) {
        const spec = platformIndicatorSpec(indicator.key);
        if (!spec)
          throw ImpactException.unknownPlatformIndicator(indicator.key, PLATFORM_INDICATOR_KEYS);
        aggregation ??= spec.aggregation;
      }
      indicators.push({
        key: indicator.key,
        label: indicator.label,
        subsystem: subsystem.name,
        direction: indicator.direction === IndicatorDirection.NEGATIVE ? 'negative' : 'positive',
        source: indicator.source,
        aggregation,
        unit: indicator.unit ?? null,
        description: indicator.description ?? null,
      });
    }
  }

  const model = {
    subsystems: input.subsystems.map((s) => ({
      name: s.name,
      indicators: s.indicators.map((i) => ({
        column: i.key,
        direction: i.direction === IndicatorDirection.NEGATIVE ? 'negative' : 'positive',
      })),
    })),
    standardization: standardization(
      input.standardization,
      input.standardizationRange,
      'standardization',
    ),
    indicatorWeights: fixedIndicators
      ? { method: 'fixed', weights: indicatorWeights }
      : { method: 'entropy' },
    scoreScale: input.scoreScale,
    scoreStandardization: standardization(
      input.scoreStandardization,
      input.scoreStandardizationRange,
      'scoreStandardization',
    ),
    subsystemWeights: fixedSubsystems
      ? { method: 'fixed', weights: subsystemWeights }
      : {
          method:
            input.subsystemWeighting === SubsystemWeightingMethod.ENTROPY ? 'entropy' : 'equal',
        },
    coupling: { variant: input.couplingVariant.toLowerCase(), productFloor: input.productFloor },
  };
  return {
    subsystems: input.subsystems.map((s) => ({ name: s.name, label: s.label })),
    indicators,
    model,
  };
}
