import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@cc/database';

/** A team's KPI report for one period (`2027-Q1` or `2027-03`, by the cohort's cadence). */
@ObjectType()
@Entity('incubation_kpi_report')
@Index('UQ_incubation_kpi_report_period', { synchronize: false })
export class KpiReport extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  applicationId!: string;

  @Field()
  @Column({ type: 'text' })
  period!: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  submittedByUserId!: string;

  @Field()
  @Column({ type: 'timestamptz' })
  submittedAt!: Date;
}
