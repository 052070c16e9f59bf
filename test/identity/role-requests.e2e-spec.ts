import { IdentityFactory, TestUser } from '../support/identity.factory';
import { seedCity, SeededCity } from '../support/catalog.factory';
import { startTestApp, TestApp } from '../support/test-app';

const GRANT = 'mutation($input: RoleGrantInput!) { grantRole(input: $input) { id roles } }';
const REVOKE = 'mutation($input: RoleGrantInput!) { revokeRole(input: $input) { id roles } }';
const GOVERNMENT = `mutation($cityId: ID!, $department: GovernmentDepartment!) {
  createOrganization(input: { kind: GOVERNMENT_DEPARTMENT, name: "Culture Bureau", cityId: $cityId, department: $department }) { id }
}`;

describe('OFFICIAL requests and ADMIN grants', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let admin: TestUser;
  let city: SeededCity;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    admin = await factory.admin();
    city = await seedCity(app.db, 0);
  });

  afterAll(() => app.close());

  it('a request is granted for a city and department, and takes effect on the existing token', async () => {
    const applicant = await factory.signUp({
      roles: ['OFFICIAL' as never],
      officialRequest: {
        cityId: city.cityId,
        department: 'CULTURE' as never,
        note: 'Culture bureau, section 2',
      },
    });
    expect(applicant.roles).toEqual([]);
    const before = await applicant.gql.request(GOVERNMENT, {
      cityId: city.cityId,
      department: 'CULTURE',
    });
    expect(before.errors?.[0].extensions?.reason).toBe('ROLE_REQUIRED');

    const { roleRequests } = await admin.gql.data<{
      roleRequests: {
        edges: { node: { id: string; note: string; user: { id: string; email: string } } }[];
      };
    }>(
      '{ roleRequests(status: PENDING, first: 100) { edges { node { id note user { id email } } } } }',
    );
    const request = roleRequests.edges
      .map((edge) => edge.node)
      .find((node) => node.user.id === applicant.id);
    expect(request).toMatchObject({
      note: 'Culture bureau, section 2',
      user: { email: applicant.email },
    });

    const { grantRole } = await admin.gql.data<{ grantRole: { roles: string[] } }>(GRANT, {
      input: { userId: applicant.id, role: 'OFFICIAL', cityId: city.cityId, department: 'CULTURE' },
    });
    expect(grantRole.roles).toEqual(['OFFICIAL']);

    const { me } = await applicant.gql.data<{
      me: { officialGrants: { department: string; city: { id: string } }[] };
    }>('{ me { officialGrants { department city { id } } } }');
    expect(me.officialGrants).toEqual([{ department: 'CULTURE', city: { id: city.cityId } }]);
    const { myRoleRequests } = await applicant.gql.data<{
      myRoleRequests: { edges: { node: { status: string } }[] };
    }>('{ myRoleRequests { edges { node { status } } } }');
    expect(myRoleRequests.edges[0].node.status).toBe('APPROVED');

    // same access token, new powers: scoped to the granted city and department only
    expect(
      (await applicant.gql.request(GOVERNMENT, { cityId: city.cityId, department: 'CULTURE' }))
        .errors,
    ).toBeUndefined();
    expect(
      (await applicant.gql.request(GOVERNMENT, { cityId: city.cityId, department: 'FINANCE' }))
        .errors?.[0].extensions?.reason,
    ).toBe('OFFICIAL_SCOPE_REQUIRED');

    // others do not see the grants
    const stranger = await factory.talent();
    const { user } = await stranger.gql.data<{ user: { officialGrants: null; roles: string[] } }>(
      'query($id: ID!) { user(id: $id) { roles officialGrants { department } } }',
      { id: applicant.id },
    );
    expect(user).toEqual({ roles: ['OFFICIAL'], officialGrants: null });

    // revoking the last grant removes the role, again at once
    const { revokeRole } = await admin.gql.data<{ revokeRole: { roles: string[] } }>(REVOKE, {
      input: { userId: applicant.id, role: 'OFFICIAL', cityId: city.cityId, department: 'CULTURE' },
    });
    expect(revokeRole.roles).toEqual([]);
    expect(
      (await applicant.gql.request(GOVERNMENT, { cityId: city.cityId, department: 'CULTURE' }))
        .errors?.[0].extensions?.reason,
    ).toBe('ROLE_REQUIRED');
  });

  it('OFFICIAL grants need both city and department; other roles take neither', async () => {
    const user = await factory.talent();
    const official = await admin.gql.request(GRANT, {
      input: { userId: user.id, role: 'OFFICIAL' },
    });
    expect(
      new Set(
        (official.errors?.[0].extensions?.fieldErrors as { field: string }[]).map((e) => e.field),
      ),
    ).toEqual(new Set(['cityId', 'department']));
    const talent = await admin.gql.request(GRANT, {
      input: { userId: user.id, role: 'RETAILER', department: 'CULTURE' },
    });
    expect(
      (talent.errors?.[0].extensions?.fieldErrors as { field: string }[]).map((e) => e.field),
    ).toEqual(['department']);
  });

  it('a pending request cannot be filed twice, and a decision is final', async () => {
    const user = await factory.talent();
    const request =
      'mutation($cityId: ID!) { requestOfficialRole(input: { cityId: $cityId, department: TOURISM }) { id status } }';
    const { requestOfficialRole } = await user.gql.data<{ requestOfficialRole: { id: string } }>(
      request,
      {
        cityId: city.cityId,
      },
    );
    expect(
      (await user.gql.request(request, { cityId: city.cityId })).errors?.[0].extensions,
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'ROLE_REQUEST_PENDING',
    });
    const reject =
      'mutation($id: ID!) { rejectRoleRequest(input: { requestId: $id, note: "Not a city employee" }) { status decisionNote } }';
    const { rejectRoleRequest } = await admin.gql.data<{ rejectRoleRequest: unknown }>(reject, {
      id: requestOfficialRole.id,
    });
    expect(rejectRoleRequest).toEqual({ status: 'REJECTED', decisionNote: 'Not a city employee' });
    expect(
      (await admin.gql.request(reject, { id: requestOfficialRole.id })).errors?.[0].extensions
        ?.reason,
    ).toBe('ROLE_REQUEST_CLOSED');
  });

  it('an ADMIN grants ADMIN but cannot drop their own', async () => {
    const colleague = await factory.talent();
    await admin.gql.data(GRANT, { input: { userId: colleague.id, role: 'ADMIN' } });
    const { users } = await colleague.gql.data<{ users: { totalCount: number } }>(
      '{ users(role: ADMIN) { totalCount } }',
    );
    expect(users.totalCount).toBeGreaterThanOrEqual(2);
    const self = await admin.gql.request(REVOKE, { input: { userId: admin.id, role: 'ADMIN' } });
    expect(self.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'CANNOT_REVOKE_OWN_ADMIN',
    });
    await colleague.gql.data(REVOKE, { input: { userId: admin.id, role: 'RETAILER' } });
  });

  it('admin lists page through requests with stable cursors', async () => {
    const applicants = await Promise.all(
      [0, 1, 2].map(() =>
        factory.signUp({
          roles: ['OFFICIAL' as never],
          officialRequest: { cityId: city.cityId, department: 'EDUCATION' as never },
        }),
      ),
    );
    const seen: string[] = [];
    let after: string | null = null;
    for (;;) {
      const page: {
        roleRequests: {
          pageInfo: { hasNextPage: boolean; endCursor: string };
          edges: { node: { user: { id: string } } }[];
        };
      } = await admin.gql.data(
        'query($after: String) { roleRequests(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { user { id } } } } }',
        { after },
      );
      seen.push(...page.roleRequests.edges.map((edge) => edge.node.user.id));
      if (!page.roleRequests.pageInfo.hasNextPage) break;
      after = page.roleRequests.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    for (const applicant of applicants) expect(seen).toContain(applicant.id);
  });

  it('ADMIN-only queries are refused to everyone else', async () => {
    const actors = await factory.actors();
    for (const role of ['TALENT', 'MANUFACTURER', 'RETAILER', 'INCUBATOR', 'OFFICIAL'] as const) {
      for (const query of ['{ users { totalCount } }', '{ roleRequests { totalCount } }']) {
        const response = await actors[role].gql.request(query);
        expect(response.errors?.[0].extensions).toMatchObject({
          code: 'FORBIDDEN',
          reason: 'ROLE_REQUIRED',
        });
        expect(response.data).toBeNull();
      }
    }
    expect((await app.gql.request('{ users { totalCount } }')).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
  });
});
