import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { InvitationStatus } from '../organization/organization.enums';
import { User } from '../user/user.entity';
import { Team } from './team.entity';

/** A member's invitation of a talent to a team; only the invited talent accepts or declines. */
@ObjectType()
@Entity()
@Index(['teamId', 'userId'], { unique: true, where: `"status" = 'PENDING'` })
@Index(['userId', 'status'])
export class TeamInvitation extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  team?: Team;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  teamId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user?: User;

  @Field(() => ID, { description: 'The invited talent.' })
  @Column({ type: 'uuid' })
  userId!: string;

  @Field(() => InvitationStatus)
  @Column({
    type: 'enum',
    enum: InvitationStatus,
    enumName: 'invitation_status',
    default: InvitationStatus.PENDING,
  })
  status!: InvitationStatus;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  invitedBy?: User | null;

  @Column({ type: 'uuid', nullable: true })
  invitedById!: string | null;

  @Field(() => Date, {
    description: 'Unanswered by then, the invitation lapses; a member may invite again.',
  })
  @Column({ type: 'timestamptz', precision: 3 })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  @Field(() => Date)
  declare createdAt: Date;
}
