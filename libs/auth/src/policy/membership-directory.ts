import { OrganizationRole } from '../organization-role.enum';

/**
 * Answers membership questions for object-level checks. Implemented by the identity domain,
 * which owns organizations and teams; read from the database on each call, never cached.
 */
export abstract class MembershipDirectory {
  abstract organizationRole(
    userId: string,
    organizationId: string,
  ): Promise<OrganizationRole | null>;

  abstract isTeamMember(userId: string, teamId: string): Promise<boolean>;

  /** The teams the user belongs to, for "mine" filters of other domains. */
  abstract teamIdsOf(userId: string): Promise<string[]>;

  /** Ids of the organizations of this kind (e.g. MANUFACTURER) the user belongs to, sorted. */
  abstract organizationIdsOfKind(userId: string, kind: string): Promise<string[]>;
}
