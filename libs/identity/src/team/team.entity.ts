import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, ManyToOne } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { User } from '../user/user.entity';

export enum TeamRole {
  LEAD = 'LEAD',
  MEMBER = 'MEMBER',
}
registerEnumType(TeamRole, { name: 'TeamRole' });

/** A group of talents that acts together (owns projects in later issues). */
@ObjectType()
@Entity()
export class Team extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field()
  @Column({ type: 'text', default: '' })
  description!: string;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  createdBy?: User | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @Field()
  declare createdAt: Date;
}
