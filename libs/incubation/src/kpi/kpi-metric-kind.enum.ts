import { registerEnumType } from '@nestjs/graphql';

export enum KpiMetricKind {
  REVENUE = 'REVENUE',
  UNITS_SOLD = 'UNITS_SOLD',
  PRODUCTION_ORDERS = 'PRODUCTION_ORDERS',
  PLACEMENTS = 'PLACEMENTS',
  JOBS_CREATED = 'JOBS_CREATED',
  EXTERNAL_FUNDING = 'EXTERNAL_FUNDING',
  CUSTOM = 'CUSTOM',
}
registerEnumType(KpiMetricKind, {
  name: 'KpiMetricKind',
  valuesMap: {
    REVENUE: { description: 'Platform-derived: sales of the team’s projects in the period, yuan.' },
    UNITS_SOLD: {
      description: 'Platform-derived: units of the team’s projects sold in the period.',
    },
    PRODUCTION_ORDERS: {
      description: 'Platform-derived: production orders opened for its projects in the period.',
    },
    PLACEMENTS: {
      description: 'Platform-derived: placements of its products started in the period.',
    },
    JOBS_CREATED: { description: 'Reported by the team.' },
    EXTERNAL_FUNDING: { description: 'Reported by the team, yuan.' },
    CUSTOM: { description: 'A numeric metric of the incubator’s own, reported by the team.' },
  },
});

/** Metrics the platform already knows: pre-filled in reports, read-only for founders. */
export const PLATFORM_DERIVED_KINDS: ReadonlySet<KpiMetricKind> = new Set([
  KpiMetricKind.REVENUE,
  KpiMetricKind.UNITS_SOLD,
  KpiMetricKind.PRODUCTION_ORDERS,
  KpiMetricKind.PLACEMENTS,
]);

export const DEFAULT_UNITS: Record<KpiMetricKind, string> = {
  [KpiMetricKind.REVENUE]: 'CNY',
  [KpiMetricKind.UNITS_SOLD]: 'units',
  [KpiMetricKind.PRODUCTION_ORDERS]: 'orders',
  [KpiMetricKind.PLACEMENTS]: 'placements',
  [KpiMetricKind.JOBS_CREATED]: 'jobs',
  [KpiMetricKind.EXTERNAL_FUNDING]: 'CNY',
  [KpiMetricKind.CUSTOM]: '',
};
