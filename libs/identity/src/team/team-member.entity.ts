import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { User } from '../user/user.entity';
import { Team, TeamRole } from './team.entity';

@ObjectType()
@Entity()
@Index(['teamId', 'userId'], { unique: true })
export class TeamMember extends BaseEntity {
  @ManyToOne(() => Team, { onDelete: 'CASCADE' })
  team?: Team;

  @Column({ type: 'uuid' })
  teamId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user?: User;

  @Index()
  @Column({ type: 'uuid' })
  userId!: string;

  @Field(() => TeamRole)
  @Column({ type: 'enum', enum: TeamRole, enumName: 'team_role', default: TeamRole.MEMBER })
  role!: TeamRole;

  @Field({ description: 'When the member joined.' })
  declare createdAt: Date;
}
