import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One metric's value in a report; platform-derived values are written by the platform only. */
@ObjectType()
@Entity('incubation_kpi_value')
export class KpiValue {
  @PrimaryColumn({ type: 'uuid' })
  reportId!: string;

  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  metricId!: string;

  @Field(() => Float)
  @Column({ type: 'double precision' })
  value!: number;

  @Field()
  @Column({ type: 'boolean' })
  platformDerived!: boolean;
}
