import { Injectable } from '@nestjs/common';
import { AccessPolicy, Viewer } from '@cc/auth';
import { LoaderRegistry } from '@cc/graphql';
import { IdentityLoaders, Organization, OrganizationKind } from '@cc/identity';
import { Application } from './application/application.entity';
import { IncubationErrorCode, IncubationException } from './incubation.exception';

/** Whose incubation objects a viewer may touch: the incubator's members, and the applicants. */
@Injectable()
export class IncubationAccess {
  constructor(
    private readonly policy: AccessPolicy,
    private readonly identity: IdentityLoaders,
  ) {}

  /** The organization, when it is an INCUBATOR the viewer is a member of. */
  async assertIncubatorMember(viewer: Viewer, organizationId: string): Promise<Organization> {
    const organization = await this.incubator(organizationId);
    if (!(await this.policy.isOrganizationMember(viewer, organizationId))) {
      throw IncubationException.forbidden(
        IncubationErrorCode.NOT_INCUBATOR_MEMBER,
        'Only members of this incubator may do this; ask an owner of it to invite you (inviteMember)',
        { organizationId },
      );
    }
    return organization;
  }

  async isIncubatorMember(viewer: Viewer, organizationId: string): Promise<boolean> {
    return this.policy.isOrganizationMember(viewer, organizationId);
  }

  async incubator(organizationId: string): Promise<Organization> {
    const organization = await this.identity
      .organization(new LoaderRegistry())
      .load(organizationId);
    if (!organization || organization.kind !== OrganizationKind.INCUBATOR) {
      throw IncubationException.invalid(
        IncubationErrorCode.NOT_AN_INCUBATOR,
        'organizationId',
        `Organization ${organizationId} is not an INCUBATOR organization`,
      );
    }
    return organization;
  }

  /** The applicant: the talent who applied, or any member of the applying team. */
  async isApplicant(viewer: Viewer, application: Application): Promise<boolean> {
    if (application.applicantUserId === viewer.userId) return true;
    return application.teamId !== null && this.policy.isTeamMember(viewer, application.teamId);
  }

  async assertApplicant(viewer: Viewer, application: Application): Promise<void> {
    if (await this.isApplicant(viewer, application)) return;
    throw IncubationException.forbidden(
      IncubationErrorCode.NOT_APPLICANT,
      'Only the applicant (or a member of the applying team) may do this',
      { applicationId: application.id },
    );
  }

  assertTeamMember(viewer: Viewer, teamId: string): Promise<void> {
    return this.policy.assertTeamMember(viewer, teamId);
  }

  /** The user ids to tell about an application: the applicant and the team's members. */
  async applicantUserIds(application: Application): Promise<string[]> {
    if (!application.teamId) return [application.applicantUserId];
    const members = await this.identity.teamMembers(new LoaderRegistry()).load(application.teamId);
    return [...new Set([application.applicantUserId, ...members.map((member) => member.userId)])];
  }

  /** Team ids the viewer belongs to. */
  async teamIdsOf(viewer: Viewer): Promise<string[]> {
    const memberships = await this.identity
      .teamMembershipsOfUser(new LoaderRegistry())
      .load(viewer.userId);
    return memberships.map((membership) => membership.teamId);
  }
}
