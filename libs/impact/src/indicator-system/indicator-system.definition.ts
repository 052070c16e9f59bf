import { CouplingError, CouplingModel, parseModel } from '@cc/coupling';
import { ImpactException } from '../impact.exception';
import {
  IndicatorAggregation,
  IndicatorSource,
  PLATFORM_INDICATOR_KEYS,
  platformIndicatorSpec,
} from '../platform-indicators/platform-indicator.catalog';

/**
 * An indicator system is data: the coupling model JSON that `@cc/coupling` `parseModel`
 * accepts (also what the coupling CLI reads), plus what the platform needs to fill it: per
 * indicator its source (PLATFORM or OFFICIAL_STATISTIC), the aggregation of platform ones, and
 * labels. Indicator keys are the model's columns.
 */
export interface SubsystemDefinition {
  name: string;
  label: string;
}

export interface IndicatorDefinition {
  key: string;
  label: string;
  subsystem: string;
  direction: 'positive' | 'negative';
  source: IndicatorSource;
  /** SUM or RATIO for PLATFORM indicators; null for OFFICIAL_STATISTIC ones. */
  aggregation: IndicatorAggregation | null;
  unit: string | null;
  description: string | null;
}

export interface IndicatorSystemDefinition {
  subsystems: SubsystemDefinition[];
  indicators: IndicatorDefinition[];
  /** The `parseModel` input, as stored and as the CLI reads it. */
  model: Record<string, unknown>;
}

/** Letters (any script), digits and underscores, starting with a letter. Also the CSV header names. */
export const INDICATOR_KEY_PATTERN = /^\p{L}[\p{L}\p{N}_]{0,63}$/u;

function invalid(message: string, details: Record<string, unknown> = {}): never {
  throw ImpactException.invalidIndicatorSystem(message, details);
}

/**
 * Checks a definition end to end and returns the parsed coupling model. The model must be one
 * `parseModel` accepts; its subsystems and columns must be exactly the listed ones; platform
 * indicators must be catalogue keys with the catalogue's aggregation.
 */
export function validateIndicatorSystem(definition: IndicatorSystemDefinition): CouplingModel {
  let model: CouplingModel;
  try {
    model = parseModel(definition.model);
  } catch (error) {
    if (error instanceof CouplingError) invalid(error.message, { engineCode: error.code });
    throw error;
  }
  if (model.idColumns.length > 0)
    invalid('the model must not name idColumns (city and period are the ids)');

  const subsystemNames = definition.subsystems.map((s) => s.name);
  const modelSubsystems = model.subsystems.map((s) => s.name);
  if (subsystemNames.join('\u0000') !== modelSubsystems.join('\u0000')) {
    invalid(
      `subsystems ${subsystemNames.join(', ')} do not match the model's ${modelSubsystems.join(', ')}`,
    );
  }
  for (const subsystem of definition.subsystems) {
    if (!INDICATOR_KEY_PATTERN.test(subsystem.name)) {
      invalid(`subsystem name "${subsystem.name}" must be letters, digits and underscores`);
    }
  }

  const byKey = new Map<string, IndicatorDefinition>();
  for (const indicator of definition.indicators) {
    if (byKey.has(indicator.key)) invalid(`indicator "${indicator.key}" is listed twice`);
    byKey.set(indicator.key, indicator);
  }
  const modelColumns = new Set<string>();
  for (const subsystem of model.subsystems) {
    for (const spec of subsystem.indicators) {
      modelColumns.add(spec.column);
      const indicator = byKey.get(spec.column);
      if (!indicator) invalid(`the model's indicator "${spec.column}" has no definition`);
      if (indicator.subsystem !== subsystem.name) {
        invalid(
          `indicator "${spec.column}" is in subsystem ${subsystem.name} in the model, not ${indicator.subsystem}`,
        );
      }
      if (indicator.direction !== spec.direction) {
        invalid(
          `indicator "${spec.column}" has direction ${spec.direction} in the model, not ${indicator.direction}`,
        );
      }
    }
  }
  for (const indicator of definition.indicators) {
    if (!modelColumns.has(indicator.key))
      invalid(`indicator "${indicator.key}" is not in the model`);
    if (!INDICATOR_KEY_PATTERN.test(indicator.key)) {
      invalid(
        `indicator key "${indicator.key}" must start with a letter and hold only letters, digits and underscores (at most 64)`,
      );
    }
    if (indicator.source === IndicatorSource.PLATFORM) {
      const spec = platformIndicatorSpec(indicator.key);
      if (!spec)
        throw ImpactException.unknownPlatformIndicator(indicator.key, PLATFORM_INDICATOR_KEYS);
      if (indicator.aggregation !== spec.aggregation) {
        invalid(
          `platform indicator "${indicator.key}" is a ${spec.aggregation}, not ${indicator.aggregation ?? 'unset'}`,
        );
      }
    } else {
      if (platformIndicatorSpec(indicator.key)) {
        invalid(
          `"${indicator.key}" is a platform indicator: give it source PLATFORM, or pick another key`,
        );
      }
      if (indicator.aggregation !== null) {
        invalid(
          `official statistic "${indicator.key}" has no aggregation (it has no project parts)`,
        );
      }
    }
  }
  return model;
}

/** Indicators of the given source, in model order. */
export function indicatorsBySource(
  definition: Pick<IndicatorSystemDefinition, 'indicators'>,
  source: IndicatorSource,
): IndicatorDefinition[] {
  return definition.indicators.filter((indicator) => indicator.source === source);
}
