import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { MilestoneKind } from './milestone-kind.enum';

/** A milestone the incubator sets for every team of a cohort. */
@ObjectType('CohortMilestone')
@Entity('incubation_milestone')
@Index('UQ_incubation_milestone_kind', { synchronize: false })
export class Milestone extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  cohortId!: string;

  @Field(() => MilestoneKind)
  @Column({ type: 'enum', enum: MilestoneKind, enumName: 'incubation_milestone_kind' })
  kind!: MilestoneKind;

  @Field()
  @Column({ type: 'text' })
  title!: string;

  @Field(() => String, { nullable: true, description: 'Due date (YYYY-MM-DD); overdue after it.' })
  @Column({ type: 'date', nullable: true })
  dueOn!: string | null;

  @Column({ type: 'uuid' })
  createdByUserId!: string;
}
