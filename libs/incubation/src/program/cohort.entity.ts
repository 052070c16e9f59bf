import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { CulturalResourceKind } from '@cc/catalog';
import { BaseEntity } from '@cc/database';
import { Discipline } from '@cc/identity';
import { KpiCadence } from './kpi-cadence.enum';

/**
 * One intake of a program: dates, seats and a focus. `admittedCount` holds the seats taken
 * (admitted or graduated teams); an admission takes one with a conditional UPDATE, so
 * concurrent admissions at the last seat cannot overfill it.
 */
@ObjectType()
@Entity('incubation_cohort')
@Index('IDX_incubation_cohort_program', { synchronize: false })
@Index('IDX_incubation_cohort_organization', { synchronize: false })
export class Cohort extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field()
  declare createdAt: Date;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  programId!: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  organizationId!: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  cityId!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field({ description: 'First day (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  startsOn!: string;

  @Field({ description: 'Last day (YYYY-MM-DD).' })
  @Column({ type: 'date' })
  endsOn!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  capacity!: number;

  @Field(() => Int, { description: 'Seats taken by admitted and graduated teams.' })
  @Column({ type: 'int', default: 0 })
  admittedCount!: number;

  @Field(() => [Discipline])
  @Column({ type: 'enum', enum: Discipline, enumName: 'discipline', array: true, default: '{}' })
  focusDisciplines!: Discipline[];

  @Field(() => [CulturalResourceKind])
  @Column({
    type: 'enum',
    enum: CulturalResourceKind,
    enumName: 'cultural_resource_kind',
    array: true,
    default: '{}',
  })
  focusResourceKinds!: CulturalResourceKind[];

  @Field(() => KpiCadence)
  @Column({ type: 'enum', enum: KpiCadence, enumName: 'kpi_cadence', default: KpiCadence.QUARTER })
  kpiCadence!: KpiCadence;
}
