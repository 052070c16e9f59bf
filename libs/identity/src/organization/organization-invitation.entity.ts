import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { OrganizationRole } from '@cc/auth';
import { BaseEntity } from '@cc/database';
import { User } from '../user/user.entity';
import { InvitationStatus } from './organization.enums';
import { Organization } from './organization.entity';

/**
 * An owner's invitation of an email address. The account with that email accepts it, with the
 * single-use secret of the invitation link (only its hash is stored), so signing up with
 * someone else's address is not enough.
 */
@ObjectType()
@Entity()
@Index(['organizationId', 'email'], { unique: true, where: `"status" = 'PENDING'` })
@Index(['email', 'status'])
export class OrganizationInvitation extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  organization?: Organization;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  organizationId!: string;

  @Field()
  @Column({ type: 'text' })
  email!: string;

  @Field(() => OrganizationRole)
  @Column({ type: 'enum', enum: OrganizationRole, enumName: 'organization_role' })
  role!: OrganizationRole;

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

  @Field()
  @Column({ type: 'timestamptz' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  respondedAt!: Date | null;

  @Field()
  declare createdAt: Date;

  /** SHA-256 of the invitation link's secret; cleared once the invitation is answered. */
  @Column({ type: 'text', nullable: true, select: false })
  tokenHash!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The single-use secret of the invitation link, answered once to the owner who invites (null afterwards). Send it to the invitee, who needs it to accept or decline.',
  })
  token?: string;
}
