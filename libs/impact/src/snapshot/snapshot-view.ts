import { IndicatorDirection } from '../graphql-enums';
import type { IndicatorSystemDefinition } from '../indicator-system/indicator-system.definition';
import type { CouplingSnapshot } from './coupling-snapshot.entity';
import type { SnapshotIndicator, SnapshotSubsystem } from './dto/coupling-snapshot.types';

type SnapshotNumbers = Pick<
  CouplingSnapshot,
  | 'rawValues'
  | 'standardizedValues'
  | 'frozen'
  | 'scores'
  | 'subsystemValues'
  | 'obstacles'
  | 'obstaclesNormalized'
  | 'trace'
>;

/** A snapshot's indicators, in the system's order, with everything behind each number. */
export function snapshotIndicators(
  snapshot: SnapshotNumbers,
  system: Pick<IndicatorSystemDefinition, 'indicators'>,
): SnapshotIndicator[] {
  return system.indicators.map((indicator) => {
    const bounds = snapshot.frozen.bounds[indicator.key];
    const trace = snapshot.trace[indicator.key] ?? { source: null, recordCount: 0 };
    return {
      key: indicator.key,
      label: indicator.label,
      subsystem: indicator.subsystem,
      source: indicator.source,
      aggregation: indicator.aggregation,
      direction:
        indicator.direction === 'negative'
          ? IndicatorDirection.NEGATIVE
          : IndicatorDirection.POSITIVE,
      unit: indicator.unit,
      raw: snapshot.rawValues[indicator.key],
      standardized: snapshot.standardizedValues[indicator.key],
      weight: snapshot.frozen.indicatorWeights[indicator.key],
      bounds: bounds ? { min: bounds.min, max: bounds.max } : null,
      obstacle: snapshot.obstacles.indicators[indicator.key],
      obstacleNormalized: snapshot.obstaclesNormalized.indicators[indicator.key],
      trace: {
        source: trace.source,
        recordCount: trace.recordCount,
        numerator: trace.numerator ?? null,
        denominator: trace.denominator ?? null,
        contributorCount: trace.contributorCount ?? null,
        importId: trace.importId ?? null,
        note: trace.note ?? null,
      },
    };
  });
}

export function snapshotSubsystems(
  snapshot: SnapshotNumbers,
  system: Pick<IndicatorSystemDefinition, 'subsystems'>,
): SnapshotSubsystem[] {
  return system.subsystems.map((subsystem) => {
    const scoreBounds = snapshot.frozen.scoreBounds?.[subsystem.name];
    return {
      name: subsystem.name,
      label: subsystem.label,
      score: snapshot.scores[subsystem.name],
      value: snapshot.subsystemValues[subsystem.name],
      weight: snapshot.frozen.subsystemWeights[subsystem.name],
      scoreBounds: scoreBounds ? { min: scoreBounds.min, max: scoreBounds.max } : null,
      obstacle: snapshot.obstacles.subsystems[subsystem.name],
      obstacleNormalized: snapshot.obstaclesNormalized.subsystems[subsystem.name],
    };
  });
}

/** Largest obstacle first; ties by key, so the order is stable. */
export function rankByObstacle<T extends { obstacle: number; key?: string; name?: string }>(
  items: T[],
): T[] {
  const id = (item: T) => item.key ?? item.name ?? '';
  return [...items].sort(
    (a, b) => b.obstacle - a.obstacle || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0),
  );
}
