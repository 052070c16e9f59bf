import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { CompletionSource } from './milestone-kind.enum';

/** A team reached a milestone: marked with evidence, or ticked by a platform event it names. */
@ObjectType()
@Entity('incubation_milestone_completion')
@Index('UQ_incubation_milestone_completion', { synchronize: false })
export class MilestoneCompletion extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  milestoneId!: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  applicationId!: string;

  @Field()
  @Column({ type: 'timestamptz' })
  completedAt!: Date;

  @Field()
  @Column({ type: 'text' })
  evidence!: string;

  @Field(() => CompletionSource)
  @Column({ type: 'enum', enum: CompletionSource, enumName: 'milestone_completion_source' })
  source!: CompletionSource;

  @Field(() => String, {
    nullable: true,
    description: 'The platform event that ticked it, e.g. BID_ACCEPTED.',
  })
  @Column({ type: 'text', nullable: true })
  eventKind!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The id of what the event was about (a bid, an order, a placement).',
  })
  @Column({ type: 'text', nullable: true })
  eventRef!: string | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  projectId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  markedByUserId!: string | null;
}
