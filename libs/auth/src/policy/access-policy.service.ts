import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { GovernmentDepartment } from '../government-department.enum';
import { OrganizationRole } from '../organization-role.enum';
import { Viewer } from '../viewer';
import { MembershipDirectory } from './membership-directory';

export interface AdminOption {
  /** Let an ADMIN through as well (for oversight reads; never for acting on someone's behalf). */
  allowAdmin?: boolean;
}

/**
 * Object-level authorization, shared by every domain: "may this viewer act on this object?".
 * Role checks say what kind of user may call an operation; these say on whose objects.
 * Every failed check throws FORBIDDEN with a reason naming the rule.
 */
@Injectable()
export class AccessPolicy {
  private directoryInstance?: MembershipDirectory;

  constructor(private readonly moduleRef: ModuleRef) {}

  private get directory(): MembershipDirectory {
    this.directoryInstance ??= this.moduleRef.get(MembershipDirectory, { strict: false });
    return this.directoryInstance;
  }

  /** The viewer must be that user. */
  assertSelf(viewer: Viewer, userId: string, options: AdminOption = {}): void {
    if (viewer.userId === userId || (options.allowAdmin && viewer.isAdmin)) return;
    throw AuthException.forbidden(
      AuthErrorCode.NOT_YOURS,
      'This belongs to another user; only that user may do this',
    );
  }

  /** The viewer must hold an OFFICIAL grant for the city (and department, when given). */
  assertOfficialFor(
    viewer: Viewer,
    cityId: string,
    department?: GovernmentDepartment,
    options: AdminOption = {},
  ): void {
    if (viewer.isOfficialFor(cityId, department) || (options.allowAdmin && viewer.isAdmin)) return;
    throw AuthException.forbidden(
      AuthErrorCode.OFFICIAL_SCOPE_REQUIRED,
      `This needs an OFFICIAL grant for city ${cityId}${department ? ` and department ${department}` : ''}; ask for one with requestOfficialRole (an ADMIN approves it)`,
      { cityId, department },
    );
  }

  organizationRole(viewer: Viewer, organizationId: string): Promise<OrganizationRole | null> {
    return this.directory.organizationRole(viewer.userId, organizationId);
  }

  /** The viewer's organizations of a kind (MANUFACTURER, RETAILER, …), sorted by id. */
  organizationIdsOfKind(viewer: Viewer, kind: string): Promise<string[]> {
    return this.directory.organizationIdsOfKind(viewer.userId, kind);
  }

  async isOrganizationMember(viewer: Viewer, organizationId: string): Promise<boolean> {
    return (await this.organizationRole(viewer, organizationId)) !== null;
  }

  /**
   * The viewer must be a member (or, with `ownerOnly`, an owner) of the organization.
   * Returns the viewer's role there (null only when an ADMIN was let through).
   */
  async assertOrganizationMember(
    viewer: Viewer,
    organizationId: string,
    options: AdminOption & { ownerOnly?: boolean } = {},
  ): Promise<OrganizationRole | null> {
    const role = await this.organizationRole(viewer, organizationId);
    if (role && (!options.ownerOnly || role === OrganizationRole.OWNER)) return role;
    if (options.allowAdmin && viewer.isAdmin) return role;
    if (role) {
      throw AuthException.forbidden(
        AuthErrorCode.ORGANIZATION_OWNER_REQUIRED,
        'Only an owner of this organization may do this; ask an owner to do it',
        { organizationId },
      );
    }
    throw AuthException.forbidden(
      AuthErrorCode.NOT_ORGANIZATION_MEMBER,
      'Only members of this organization may do this; ask an owner of it to invite you (inviteMember)',
      { organizationId },
    );
  }

  /** The teams the viewer belongs to: what "mine" means for team-owned rows of any domain. */
  teamIdsOf(viewer: Viewer): Promise<string[]> {
    return this.directory.teamIdsOf(viewer.userId);
  }

  isTeamMember(viewer: Viewer, teamId: string): Promise<boolean> {
    return this.directory.isTeamMember(viewer.userId, teamId);
  }

  /** The viewer must be a member of the team: only members act for a team. */
  async assertTeamMember(viewer: Viewer, teamId: string, options: AdminOption = {}): Promise<void> {
    if (await this.isTeamMember(viewer, teamId)) return;
    if (options.allowAdmin && viewer.isAdmin) return;
    throw AuthException.forbidden(
      AuthErrorCode.NOT_TEAM_MEMBER,
      'Only members of this team may do this; ask a member to invite you (inviteTeamMember)',
      { teamId },
    );
  }
}
