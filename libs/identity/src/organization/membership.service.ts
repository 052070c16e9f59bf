import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, MoreThan, Repository } from 'typeorm';
import { AccessPolicy, OrganizationRole, Viewer } from '@cc/auth';
import { CommonException, Connection, ConnectionArgs, paginate } from '@cc/graphql';
import { isUniqueViolation } from '@cc/database';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { normalizeEmail, User } from '../user/user.entity';
import { InviteMemberInput, RemoveMemberInput } from './dto/organization.inputs';
import { OrganizationInvitation } from './organization-invitation.entity';
import { OrganizationMember } from './organization-member.entity';
import { Organization } from './organization.entity';
import { InvitationStatus, ROLE_FOR_ORGANIZATION_KIND } from './organization.enums';

export const INVITATION_TTL_DAYS = 14;

function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function sameToken(storedHash: string, presented: string): boolean {
  const presentedHash = Buffer.from(hashInvitationToken(presented), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === presentedHash.length && timingSafeEqual(stored, presentedHash);
}

/** Who belongs to an organization: invitations by owners, acceptance by the invitee, removal. */
@Injectable()
export class MembershipService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    @InjectRepository(OrganizationMember) private readonly members: Repository<OrganizationMember>,
    @InjectRepository(OrganizationInvitation)
    private readonly invitations: Repository<OrganizationInvitation>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly policy: AccessPolicy,
  ) {}

  /** Owners invite by email; the account with that email (now or later) may accept. */
  async invite(viewer: Viewer, input: InviteMemberInput): Promise<OrganizationInvitation> {
    const organization = await this.organization(input.organizationId);
    await this.policy.assertOrganizationMember(viewer, organization.id, { ownerOnly: true });
    const email = normalizeEmail(input.email);
    const alreadyMember = await this.members
      .createQueryBuilder('member')
      .innerJoin(User, 'user', 'user.id = member.user_id')
      .where('member.organization_id = :organizationId AND user.email = :email', {
        organizationId: organization.id,
        email,
      })
      .getExists();
    if (alreadyMember) {
      throw IdentityException.conflict(
        IdentityErrorCode.ALREADY_MEMBER,
        'That account is already a member of this organization',
      );
    }
    const token = randomBytes(32).toString('base64url');
    try {
      const invitation = await this.invitations.save(
        this.invitations.create({
          organizationId: organization.id,
          email,
          role: input.role,
          invitedById: viewer.userId,
          tokenHash: hashInvitationToken(token),
          expiresAt: new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000),
        }),
      );
      return Object.assign(invitation, { token });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw IdentityException.conflict(
          IdentityErrorCode.INVITATION_PENDING,
          'An invitation for this email is already pending; the invitee accepts or declines it with the link already sent',
        );
      }
      throw error;
    }
  }

  /**
   * Only the invited account may accept, and only while it holds the role the organization's
   * kind needs (a manufacturer's members act as MANUFACTURER, and so on).
   */
  async accept(viewer: Viewer, invitationId: string, token: string): Promise<Organization> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.openInvitationFor(viewer, invitationId, token, manager);
      const organization = await manager.findOneByOrFail(Organization, {
        id: invitation.organizationId,
      });
      const role = ROLE_FOR_ORGANIZATION_KIND[organization.kind];
      if (!viewer.hasRole(role)) {
        throw IdentityException.forbidden(
          IdentityErrorCode.ROLE_MISSING,
          `Joining a ${organization.kind} organization needs the ${role} role`,
          { requiredRole: role },
        );
      }
      const joined = await manager
        .createQueryBuilder()
        .insert()
        .into(OrganizationMember)
        .values({ organizationId: organization.id, userId: viewer.userId, role: invitation.role })
        .orIgnore()
        .execute();
      if (!(joined.raw as unknown[]).length) {
        throw IdentityException.conflict(
          IdentityErrorCode.ALREADY_MEMBER,
          'You are already a member of this organization',
        );
      }
      await manager.update(
        OrganizationInvitation,
        { id: invitation.id },
        { status: InvitationStatus.ACCEPTED, respondedAt: new Date(), tokenHash: null },
      );
      return organization;
    });
  }

  async decline(
    viewer: Viewer,
    invitationId: string,
    token: string,
  ): Promise<OrganizationInvitation> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.openInvitationFor(viewer, invitationId, token, manager);
      invitation.status = InvitationStatus.DECLINED;
      invitation.respondedAt = new Date();
      invitation.tokenHash = null;
      return manager.save(invitation);
    });
  }

  /** An owner removes anyone; a member may remove themselves. The last owner cannot leave. */
  async remove(viewer: Viewer, input: RemoveMemberInput): Promise<void> {
    const organization = await this.organization(input.organizationId);
    if (input.userId !== viewer.userId) {
      await this.policy.assertOrganizationMember(viewer, organization.id, { ownerOnly: true });
    } else {
      await this.policy.assertOrganizationMember(viewer, organization.id);
    }
    await this.dataSource.transaction(async (manager) => {
      // lock the member rows so two owners cannot both leave at once
      const rows = await manager.find(OrganizationMember, {
        where: { organizationId: organization.id },
        lock: { mode: 'pessimistic_write' },
      });
      const target = rows.find((row) => row.userId === input.userId);
      if (!target) {
        throw IdentityException.badInput(
          IdentityErrorCode.NOT_A_MEMBER,
          'That user is not a member of this organization',
          { field: 'userId' },
        );
      }
      const owners = rows.filter((row) => row.role === OrganizationRole.OWNER);
      if (target.role === OrganizationRole.OWNER && owners.length === 1) {
        throw IdentityException.conflict(
          IdentityErrorCode.LAST_OWNER,
          'An organization needs at least one owner; make someone else an owner first',
        );
      }
      await manager.delete(OrganizationMember, { id: target.id });
    });
  }

  async pendingFor(
    viewer: Viewer,
    args: ConnectionArgs,
  ): Promise<Connection<OrganizationInvitation>> {
    const user = await this.users.findOneByOrFail({ id: viewer.userId });
    const query = this.invitations
      .createQueryBuilder('invitation')
      .where(
        'invitation.email = :email AND invitation.status = :status AND invitation.expires_at > now()',
        {
          email: user.email,
          status: InvitationStatus.PENDING,
        },
      );
    // expires_at is set from a JS Date, so it has millisecond precision and round-trips in cursors
    return paginate(query, args, {
      column: 'invitation.expires_at',
      direction: 'ASC',
      valueOf: (invitation) => invitation.expiresAt.toISOString(),
    });
  }

  private async openInvitationFor(
    viewer: Viewer,
    invitationId: string,
    token: string,
    manager = this.dataSource.manager,
  ): Promise<OrganizationInvitation> {
    const invitation = await manager
      .createQueryBuilder(OrganizationInvitation, 'invitation')
      .addSelect('invitation.tokenHash')
      .where('invitation.id = :invitationId', { invitationId })
      .setLock('pessimistic_write')
      .getOne();
    if (!invitation) throw CommonException.notFound('OrganizationInvitation', invitationId);
    const user = await manager.findOneByOrFail(User, { id: viewer.userId });
    if (invitation.email !== user.email) {
      throw IdentityException.forbidden(
        IdentityErrorCode.INVITATION_NOT_FOR_YOU,
        'This invitation is for another email address; sign in with the invited address to answer it',
      );
    }
    const open = await manager.existsBy(OrganizationInvitation, {
      id: invitation.id,
      status: InvitationStatus.PENDING,
      expiresAt: MoreThan(new Date()),
    });
    if (!open) {
      throw IdentityException.conflict(
        IdentityErrorCode.INVITATION_CLOSED,
        `This invitation is ${invitation.status === InvitationStatus.PENDING ? 'expired' : invitation.status.toLowerCase()}; ask an owner of the organization for a new one`,
      );
    }
    // the secret proves
    // the account's owner received the owner's link (anyone may sign up with any address)
    if (!invitation.tokenHash || !sameToken(invitation.tokenHash, token)) {
      throw IdentityException.forbidden(
        IdentityErrorCode.INVITATION_TOKEN_INVALID,
        'This invitation needs the secret from its invitation link',
      );
    }
    return invitation;
  }

  private async organization(id: string): Promise<Organization> {
    const organization = await this.organizations.findOneBy({ id });
    if (!organization) throw CommonException.notFound('Organization', id);
    return organization;
  }
}
