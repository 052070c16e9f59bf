import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { ApplicationState } from './application-state';

/**
 * A team (or a talent alone) applying to a cohort with a pitch and its projects. Admitted, it is
 * one of the incubator's ventures until it withdraws or graduates.
 */
@ObjectType('CohortApplication')
@Entity('incubation_application')
@Index('IDX_incubation_application_cohort', { synchronize: false })
@Index('IDX_incubation_application_projects', { synchronize: false })
@Index('UQ_incubation_application_live', { synchronize: false })
export class Application extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field()
  declare createdAt: Date;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  cohortId!: string;

  @Field(() => ID, { nullable: true, description: 'The applying team; null for a talent alone.' })
  @Column({ type: 'uuid', nullable: true })
  teamId!: string | null;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  applicantUserId!: string;

  @Field(() => [ID])
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  projectIds!: string[];

  @Field()
  @Column({ type: 'text' })
  pitch!: string;

  @Field(() => ApplicationState)
  @Column({
    type: 'enum',
    enum: ApplicationState,
    enumName: 'incubation_application_state',
    default: ApplicationState.SUBMITTED,
  })
  state!: ApplicationState;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  decisionNote!: string | null;

  @Column({ type: 'uuid', nullable: true })
  decidedByUserId!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  admittedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was withdrawn or graduated.' })
  @Column({ type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}
