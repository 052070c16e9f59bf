import { Field, Float, ObjectType } from '@nestjs/graphql';
import { Application } from '../application/application.entity';
import { KpiMetric } from './kpi-metric.entity';

@ObjectType()
export class KpiEntry {
  @Field(() => KpiMetric)
  metric!: KpiMetric;

  @Field(() => Float, { nullable: true, description: 'Null when not reported yet.' })
  value!: number | null;

  @Field({ description: 'Filled by the platform from its records; read-only for founders.' })
  platformDerived!: boolean;
}

@ObjectType({ description: 'A report as it would be submitted now: platform values pre-filled.' })
export class KpiReportDraft {
  @Field()
  period!: string;

  @Field(() => [KpiEntry])
  entries!: KpiEntry[];
}

@ObjectType()
export class OverdueKpiReport {
  @Field(() => Application)
  application!: Application;

  @Field()
  period!: string;

  @Field({ description: 'When the period ended (the report was due).' })
  dueSince!: Date;
}
