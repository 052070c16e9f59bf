import { ModuleRef } from '@nestjs/core';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { GovernmentDepartment } from '../government-department.enum';
import { OrganizationRole } from '../organization-role.enum';
import { Role } from '../role.enum';
import { Viewer } from '../viewer';
import { AccessPolicy } from './access-policy.service';
import { MembershipDirectory } from './membership-directory';

const memberships: Record<string, OrganizationRole> = {
  'owner:org': OrganizationRole.OWNER,
  'member:org': OrganizationRole.MEMBER,
};
const directory: MembershipDirectory = {
  organizationRole: async (userId, orgId) => memberships[`${userId}:${orgId}`] ?? null,
  isTeamMember: async (userId, teamId) => userId === 'member' && teamId === 'team',
  teamIdsOf: async (userId) => (userId === 'member' ? ['team'] : []),
  organizationIdsOfKind: async (userId) =>
    Object.keys(memberships)
      .filter((key) => key.startsWith(`${userId}:`))
      .map((key) => key.split(':')[1]),
};
const policy = new AccessPolicy({ get: () => directory } as unknown as ModuleRef);

const viewer = (userId: string, roles: Role[] = [Role.MANUFACTURER]) =>
  new Viewer(userId, 's', roles, [
    { cityId: 'shenyang', department: GovernmentDepartment.CULTURE },
  ]);

async function reason(promise: Promise<unknown> | (() => void)): Promise<string> {
  try {
    if (typeof promise === 'function') promise();
    else await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AuthException);
    expect((error as AuthException).code).toBe('FORBIDDEN');
    return (error as AuthException).reason;
  }
  throw new Error('expected a refusal');
}

describe('AccessPolicy', () => {
  it('organization membership and ownership', async () => {
    await expect(policy.assertOrganizationMember(viewer('member'), 'org')).resolves.toBe('MEMBER');
    await expect(
      policy.assertOrganizationMember(viewer('owner'), 'org', { ownerOnly: true }),
    ).resolves.toBe('OWNER');
    expect(await reason(policy.assertOrganizationMember(viewer('stranger'), 'org'))).toBe(
      AuthErrorCode.NOT_ORGANIZATION_MEMBER,
    );
    expect(
      await reason(policy.assertOrganizationMember(viewer('member'), 'org', { ownerOnly: true })),
    ).toBe(AuthErrorCode.ORGANIZATION_OWNER_REQUIRED);
  });

  it('does not let an ADMIN act for an organization unless asked to', async () => {
    const admin = viewer('admin', [Role.ADMIN]);
    expect(await reason(policy.assertOrganizationMember(admin, 'org'))).toBe(
      AuthErrorCode.NOT_ORGANIZATION_MEMBER,
    );
    await expect(
      policy.assertOrganizationMember(admin, 'org', { allowAdmin: true }),
    ).resolves.toBeNull();
  });

  it('team membership', async () => {
    await expect(policy.assertTeamMember(viewer('member'), 'team')).resolves.toBeUndefined();
    expect(await reason(policy.assertTeamMember(viewer('owner'), 'team'))).toBe(
      AuthErrorCode.NOT_TEAM_MEMBER,
    );
  });

  it('self and official scope', async () => {
    expect(() => policy.assertSelf(viewer('a'), 'a')).not.toThrow();
    expect(await reason(() => policy.assertSelf(viewer('a'), 'b'))).toBe(AuthErrorCode.NOT_YOURS);
    const official = viewer('o', [Role.OFFICIAL]);
    expect(() =>
      policy.assertOfficialFor(official, 'shenyang', GovernmentDepartment.CULTURE),
    ).not.toThrow();
    expect(
      await reason(() =>
        policy.assertOfficialFor(official, 'shenyang', GovernmentDepartment.FINANCE),
      ),
    ).toBe(AuthErrorCode.OFFICIAL_SCOPE_REQUIRED);
    expect(await reason(() => policy.assertOfficialFor(official, 'dalian'))).toBe(
      AuthErrorCode.OFFICIAL_SCOPE_REQUIRED,
    );
    // the grant means nothing once the OFFICIAL role is gone
    expect(
      await reason(() => policy.assertOfficialFor(viewer('o', [Role.TALENT]), 'shenyang')),
    ).toBe(AuthErrorCode.OFFICIAL_SCOPE_REQUIRED);
  });
});
