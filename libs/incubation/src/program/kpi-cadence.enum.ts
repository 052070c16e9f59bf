import { registerEnumType } from '@nestjs/graphql';
import { PeriodGranularity } from '@cc/impact';

/** How often teams report KPIs. Report periods use the platform's period keys (`2027-03`, `2027-Q1`). */
export enum KpiCadence {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
}
registerEnumType(KpiCadence, { name: 'KpiCadence' });

export const CADENCE_GRANULARITY: Record<KpiCadence, PeriodGranularity> = {
  [KpiCadence.MONTH]: PeriodGranularity.MONTH,
  [KpiCadence.QUARTER]: PeriodGranularity.QUARTER,
};
