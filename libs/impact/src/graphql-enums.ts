import { registerEnumType } from '@nestjs/graphql';
import { COUPLING_LEVELS } from '@cc/coupling';
import { PeriodGranularity } from './period';

registerEnumType(PeriodGranularity, {
  name: 'PeriodGranularity',
  description: 'Length of a reporting period: 2026-09 (MONTH), 2026-Q3 (QUARTER) or 2026 (YEAR).',
});

export enum IndicatorDirection {
  POSITIVE = 'POSITIVE',
  NEGATIVE = 'NEGATIVE',
}
registerEnumType(IndicatorDirection, {
  name: 'IndicatorDirection',
  description: 'POSITIVE: more is better. NEGATIVE: less is better.',
});

export enum IndicatorWeightingMethod {
  ENTROPY = 'ENTROPY',
  FIXED = 'FIXED',
}
registerEnumType(IndicatorWeightingMethod, { name: 'IndicatorWeightingMethod' });

export enum SubsystemWeightingMethod {
  EQUAL = 'EQUAL',
  ENTROPY = 'ENTROPY',
  FIXED = 'FIXED',
}
registerEnumType(SubsystemWeightingMethod, { name: 'SubsystemWeightingMethod' });

export enum StandardizationMethod {
  MINMAX = 'MINMAX',
  NONE = 'NONE',
}
registerEnumType(StandardizationMethod, { name: 'StandardizationMethod' });

export enum CouplingVariant {
  STANDARD = 'STANDARD',
  WANG = 'WANG',
  FAN = 'FAN',
}
registerEnumType(CouplingVariant, {
  name: 'CouplingVariant',
  description: 'The coupling degree C: standard, Wang et al. 2021, or Fan et al. 2024.',
});

/** The ten bands of D (libs/coupling `COUPLING_LEVELS`). */
export enum CouplingLevel {
  EXTREME_DISORDER = 'EXTREME_DISORDER',
  SEVERE_DISORDER = 'SEVERE_DISORDER',
  MODERATE_DISORDER = 'MODERATE_DISORDER',
  MILD_DISORDER = 'MILD_DISORDER',
  BORDERLINE_DISORDER = 'BORDERLINE_DISORDER',
  BARELY_COORDINATED = 'BARELY_COORDINATED',
  PRIMARY_COORDINATION = 'PRIMARY_COORDINATION',
  INTERMEDIATE_COORDINATION = 'INTERMEDIATE_COORDINATION',
  GOOD_COORDINATION = 'GOOD_COORDINATION',
  HIGH_QUALITY_COORDINATION = 'HIGH_QUALITY_COORDINATION',
}
registerEnumType(CouplingLevel, {
  name: 'CouplingLevel',
  description: 'Band of D, each closed on the left: [k/10, (k+1)/10), the top band [0.9, 1].',
  valuesMap: Object.fromEntries(
    COUPLING_LEVELS.map((level) => [
      level.code,
      {
        description: `D in [${level.from.toFixed(1)}, ${level.to.toFixed(1)}${level.to === 1 ? ']' : ')'}: ${level.label} (${level.labelZh})`,
      },
    ]),
  ),
});

export enum CouplingSnapshotStatus {
  /** Recomputed whenever its inputs or its panel change. */
  LIVE = 'LIVE',
  /** Frozen by an official: never changes again. */
  PUBLISHED = 'PUBLISHED',
}
registerEnumType(CouplingSnapshotStatus, { name: 'CouplingSnapshotStatus' });
