import { Injectable } from '@nestjs/common';
import { AccessPolicy, Viewer } from '@cc/auth';
import { MatchingErrorCode, MatchingException } from '../matching.exception';

export interface Owners {
  ownerUserId: string;
  ownerTeamId: string | null;
}

/**
 * Who may see which matches: a project's or product's owners (its creator and its team's members),
 * and the members of the organization on the other side. Read from matching's copy of the owners,
 * which the domains fix once a project leaves DRAFT.
 */
@Injectable()
export class MatchingAccess {
  constructor(private readonly access: AccessPolicy) {}

  async isOwner(viewer: Viewer, owners: Owners): Promise<boolean> {
    if (owners.ownerUserId === viewer.userId) return true;
    return owners.ownerTeamId !== null && this.access.isTeamMember(viewer, owners.ownerTeamId);
  }

  async assertProjectOwner(viewer: Viewer, owners: Owners): Promise<void> {
    if (!(await this.isOwner(viewer, owners))) {
      throw MatchingException.forbidden(
        MatchingErrorCode.NOT_PROJECT_OWNER,
        "Only the project's owners (its creator and its team's members) see its matches; ask a member of its team to invite you (inviteTeamMember)",
      );
    }
  }

  async assertProductOwner(viewer: Viewer, owners: Owners): Promise<void> {
    if (!(await this.isOwner(viewer, owners))) {
      throw MatchingException.forbidden(
        MatchingErrorCode.NOT_PRODUCT_OWNER,
        "Only the product's makers see where it fits; ask a member of its project's team to invite you (inviteTeamMember)",
      );
    }
  }

  async assertMember(
    viewer: Viewer,
    organizationId: string,
    code: MatchingErrorCode.NOT_OUTLET_MEMBER | MatchingErrorCode.NOT_ORGANIZATION_MEMBER,
  ): Promise<void> {
    if (await this.access.isOrganizationMember(viewer, organizationId)) return;
    throw MatchingException.forbidden(
      code,
      code === MatchingErrorCode.NOT_OUTLET_MEMBER
        ? "Only members of the outlet's organization see its matches; ask an owner of it to invite you (inviteMember)"
        : "Only the organization's members see its matches; ask an owner of it to invite you (inviteMember)",
    );
  }

  /**
   * The manufacturer organization a feed is for: the one given (the viewer must be a member), or
   * the viewer's only MANUFACTURER organization; with several or none the caller must say which.
   */
  async feedOrganization(viewer: Viewer, organizationId?: string): Promise<string> {
    if (organizationId) {
      await this.assertMember(viewer, organizationId, MatchingErrorCode.NOT_ORGANIZATION_MEMBER);
      return organizationId;
    }
    const mine = await this.access.organizationIdsOfKind(viewer, 'MANUFACTURER');
    if (mine.length === 1) return mine[0];
    throw MatchingException.invalid(MatchingErrorCode.ORGANIZATION_REQUIRED, [
      {
        field: 'organizationId',
        message:
          mine.length === 0
            ? 'You belong to no MANUFACTURER organization: join or create one, then ask again'
            : `You belong to ${mine.length} MANUFACTURER organizations (${mine.join(', ')}): give organizationId to say which feed`,
      },
    ]);
  }

  isMember(viewer: Viewer, organizationId: string): Promise<boolean> {
    return this.access.isOrganizationMember(viewer, organizationId);
  }

  async assertTeamMember(viewer: Viewer, teamId: string): Promise<void> {
    if (await this.access.isTeamMember(viewer, teamId)) return;
    throw MatchingException.forbidden(
      MatchingErrorCode.NOT_TEAM_MEMBER,
      'Only members of this team see suggestions for it; ask a member to invite you (inviteTeamMember)',
    );
  }

  isTeamMember(viewer: Viewer, teamId: string): Promise<boolean> {
    return this.access.isTeamMember(viewer, teamId);
  }
}
