import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { GovernmentDepartment, Role } from '@cc/auth';
import { City } from '@cc/catalog';
import { BaseEntity } from '@cc/database';
import { User } from '../user/user.entity';

export enum RoleRequestStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}
registerEnumType(RoleRequestStatus, { name: 'RoleRequestStatus' });

/** A user's request for a role that is granted, not taken: OFFICIAL, for a city and department. */
@ObjectType()
@Entity()
@Index(['userId', 'cityId', 'department'], { unique: true, where: `"status" = 'PENDING'` })
@Index(['status', 'createdAt'])
export class RoleRequest extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user?: User;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  userId!: string;

  @Field(() => Role)
  @Column({ type: 'enum', enum: Role, enumName: 'user_role' })
  role!: Role;

  @ManyToOne(() => City, { onDelete: 'CASCADE' })
  city?: City;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  cityId!: string;

  @Field(() => GovernmentDepartment)
  @Column({ type: 'enum', enum: GovernmentDepartment, enumName: 'government_department' })
  department!: GovernmentDepartment;

  @Field()
  @Column({ type: 'text', default: '' })
  note!: string;

  @Field(() => RoleRequestStatus)
  @Column({
    type: 'enum',
    enum: RoleRequestStatus,
    enumName: 'role_request_status',
    default: RoleRequestStatus.PENDING,
  })
  status!: RoleRequestStatus;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  decidedBy?: User | null;

  @Column({ type: 'uuid', nullable: true })
  decidedById!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  decisionNote!: string | null;

  @Field()
  declare createdAt: Date;
}
