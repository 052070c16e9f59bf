import { Field, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { OrganizationRole } from '@cc/auth';
import { BaseEntity } from '@cc/database';
import { User } from '../user/user.entity';
import { Organization } from './organization.entity';

@ObjectType()
@Entity()
@Index(['organizationId', 'userId'], { unique: true })
export class OrganizationMember extends BaseEntity {
  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization?: Organization;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user?: User;

  @Index()
  @Column({ type: 'uuid' })
  userId!: string;

  @Field(() => OrganizationRole)
  @Column({ type: 'enum', enum: OrganizationRole, enumName: 'organization_role' })
  role!: OrganizationRole;

  @Field({ description: 'When the member joined.' })
  declare createdAt: Date;
}
