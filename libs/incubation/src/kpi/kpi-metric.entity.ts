import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { KpiMetricKind, PLATFORM_DERIVED_KINDS } from './kpi-metric-kind.enum';

/** A numeric KPI every team of a cohort reports at the cohort's cadence. */
@ObjectType()
@Entity('incubation_kpi_metric')
@Index('UQ_incubation_kpi_metric_kind', { synchronize: false })
@Index('UQ_incubation_kpi_metric_name', { synchronize: false })
export class KpiMetric extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  cohortId!: string;

  @Field(() => KpiMetricKind)
  @Column({ type: 'enum', enum: KpiMetricKind, enumName: 'kpi_metric_kind' })
  kind!: KpiMetricKind;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field()
  @Column({ type: 'text' })
  unit!: string;

  @Field({ description: 'Filled by the platform from its own records; founders only confirm it.' })
  get platformDerived(): boolean {
    return PLATFORM_DERIVED_KINDS.has(this.kind);
  }
}
