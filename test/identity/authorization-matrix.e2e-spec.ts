import { randomBytes } from 'node:crypto';
import { AccessDeclarations } from '@cc/auth';
import { GraphqlClient, GraphqlResponse } from '../support/graphql-client';
import { IdentityFactory, RoleActors, TestMember, TestUser } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * For every identity mutation: each caller that must be refused is refused with the right
 * code, and no identity row that the fixtures or the input mention changes. The allowed caller
 * then succeeds (and changes something), so the refusals are not vacuous.
 */

type RoleName = keyof RoleActors;
type Refusal = [who: string, code: 'UNAUTHENTICATED' | 'FORBIDDEN', reason: string];

interface Fixture {
  variables: Record<string, unknown>;
  /** Extra callers for this case (e.g. a member who is not an owner), by name. */
  callers?: Record<string, TestUser>;
  /** Values (ids, names, emails) that identify the rows this case could touch. */
  watch?: string[];
  /** Variables for the allowed caller, when they differ. */
  allowedVariables?: Record<string, unknown>;
}

interface MatrixCase {
  mutation: string;
  document: string;
  setup(): Promise<Fixture>;
  refused: Refusal[];
  allowed: string;
}

const IDENTITY_TABLES = [
  'user_account',
  'session',
  'organization',
  'organization_member',
  'organization_invitation',
  'manufacturer_capability',
  'talent_profile',
  'team',
  'team_member',
  'team_invitation',
  'role_request',
  'official_grant',
];

const ROLES: RoleName[] = ['TALENT', 'MANUFACTURER', 'RETAILER', 'INCUBATOR', 'OFFICIAL', 'ADMIN'];
const UNAUTHENTICATED: Refusal = ['anonymous', 'UNAUTHENTICATED', 'UNAUTHENTICATED'];
const refuseRoles = (roles: RoleName[], reason: string): Refusal[] =>
  roles.map((role) => [role, 'FORBIDDEN', reason]);
const except = (...roles: RoleName[]) => ROLES.filter((role) => !roles.includes(role));
const unique = (label: string) => `${label} ${randomBytes(4).toString('hex')}`;

describe('authorization matrix: identity mutations', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let actors: RoleActors;
  const watched = new Set<string>();

  /** Every identity row in which any column equals a watched value, as text. */
  async function snapshot(): Promise<Record<string, string[]>> {
    const values = [...watched];
    const state: Record<string, string[]> = {};
    for (const table of IDENTITY_TABLES) {
      const rows: { row: string }[] = await app.db.query(
        `SELECT to_jsonb(t)::text AS row FROM ${table} t
          WHERE EXISTS (SELECT 1 FROM jsonb_each_text(to_jsonb(t)) kv WHERE kv.value = ANY($1::text[]))
          ORDER BY 1`,
        [values],
      );
      state[table] = rows.map((row) => row.row);
    }
    return state;
  }

  const watch = (...values: (string | undefined)[]) =>
    values.forEach((value) => value && watched.add(value));

  async function member(owner: TestMember, role: 'MANUFACTURER' | 'RETAILER' | 'INCUBATOR') {
    const user = await factory.signUp({ roles: [role as never] });
    const { inviteMember } = await owner.gql.data<{ inviteMember: { id: string; token: string } }>(
      `mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id token } }`,
      { input: { organizationId: owner.organizationId, email: user.email } },
    );
    await user.gql.data(
      'mutation($id: ID!, $token: String!) { acceptInvitation(invitationId: $id, token: $token) { id } }',
      { id: inviteMember.id, token: inviteMember.token },
    );
    return user;
  }

  async function team(lead: TestUser, members: TestUser[] = []) {
    const { createTeam } = await lead.gql.data<{ createTeam: { id: string } }>(
      'mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }',
      { input: { name: unique('team') } },
    );
    for (const added of members) {
      const { inviteTeamMember } = await lead.gql.data<{ inviteTeamMember: { id: string } }>(
        'mutation($input: TeamMemberInput!) { inviteTeamMember(input: $input) { id } }',
        { input: { teamId: createTeam.id, userId: added.id } },
      );
      await added.gql.data(
        'mutation($id: ID!) { acceptTeamInvitation(invitationId: $id) { id } }',
        { id: inviteTeamMember.id },
      );
    }
    return createTeam.id;
  }

  async function teamInvitation(lead: TestUser, teamId: string, invitee: TestUser) {
    const { inviteTeamMember } = await lead.gql.data<{ inviteTeamMember: { id: string } }>(
      'mutation($input: TeamMemberInput!) { inviteTeamMember(input: $input) { id } }',
      { input: { teamId, userId: invitee.id } },
    );
    return inviteTeamMember.id;
  }

  /** The invitation's id and the secret of its link. */
  async function invitation(owner: TestMember, invitee: TestUser) {
    const { inviteMember } = await owner.gql.data<{ inviteMember: { id: string; token: string } }>(
      'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id token } }',
      { input: { organizationId: owner.organizationId, email: invitee.email } },
    );
    return inviteMember;
  }

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    actors = await factory.actors();
    for (const actor of Object.values(actors) as (TestUser & { organizationId?: string })[]) {
      watch(actor.id, actor.email, actor.organizationId);
    }
  });

  afterAll(() => app.close());

  const cases: MatrixCase[] = [
    {
      mutation: 'createOrganization (MANUFACTURER)',
      document:
        'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      async setup() {
        const city = await factory.defaultCity();
        const name = unique('maker');
        return {
          variables: { input: { kind: 'MANUFACTURER', name, cityId: city.cityId } },
          watch: [name],
        };
      },
      refused: [
        UNAUTHENTICATED,
        ...refuseRoles(['TALENT', 'ADMIN'], 'ROLE_REQUIRED'),
        ...refuseRoles(['RETAILER', 'INCUBATOR', 'OFFICIAL'], 'ROLE_MISSING'),
      ],
      allowed: 'MANUFACTURER',
    },
    {
      mutation: 'createOrganization (GOVERNMENT_DEPARTMENT)',
      document:
        'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      async setup() {
        const city = await factory.defaultCity();
        const name = unique('bureau');
        // an OFFICIAL of this city, but of another department
        const otherDepartment = await factory.official({
          department: 'FINANCE' as never,
          admin: actors.ADMIN,
        });
        return {
          variables: {
            input: {
              kind: 'GOVERNMENT_DEPARTMENT',
              name,
              cityId: city.cityId,
              department: 'CULTURE',
            },
          },
          callers: { otherDepartment },
          watch: [name, otherDepartment.id],
        };
      },
      refused: [
        UNAUTHENTICATED,
        ['otherDepartment', 'FORBIDDEN', 'OFFICIAL_SCOPE_REQUIRED'],
        ...refuseRoles(['TALENT', 'ADMIN'], 'ROLE_REQUIRED'),
        ...refuseRoles(['MANUFACTURER', 'RETAILER', 'INCUBATOR'], 'ROLE_MISSING'),
      ],
      allowed: 'OFFICIAL',
    },
    {
      mutation: 'updateOrganization',
      document:
        'mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { id } }',
      async setup() {
        const owner = await factory.manufacturer();
        const plainMember = await member(owner, 'MANUFACTURER');
        return {
          variables: { input: { organizationId: owner.organizationId, name: unique('renamed') } },
          callers: { plainMember },
          watch: [owner.organizationId, owner.id, plainMember.id],
        };
      },
      // every role, including a MANUFACTURER owner of another company, and ADMIN
      refused: [UNAUTHENTICATED, ...refuseRoles(ROLES, 'NOT_ORGANIZATION_MEMBER')],
      allowed: 'plainMember',
    },
    {
      mutation: 'updateManufacturerCapabilities',
      document:
        'mutation($input: UpdateManufacturerCapabilitiesInput!) { updateManufacturerCapabilities(input: $input) { moq } }',
      async setup() {
        const owner = await factory.manufacturer();
        return {
          variables: {
            input: { organizationId: owner.organizationId, processes: ['CERAMICS'], moq: 500 },
          },
          callers: { owner },
          watch: [owner.organizationId, owner.id],
        };
      },
      refused: [
        UNAUTHENTICATED,
        ['MANUFACTURER', 'FORBIDDEN', 'NOT_ORGANIZATION_MEMBER'],
        ...refuseRoles(except('MANUFACTURER'), 'ROLE_REQUIRED'),
      ],
      allowed: 'owner',
    },
    {
      mutation: 'inviteMember',
      document: 'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }',
      async setup() {
        const owner = await factory.retailer();
        const plainMember = await member(owner, 'RETAILER');
        const email = factory.email('invitee');
        return {
          variables: { input: { organizationId: owner.organizationId, email, role: 'OWNER' } },
          callers: { owner, plainMember },
          watch: [owner.organizationId, owner.id, plainMember.id, email],
        };
      },
      refused: [
        UNAUTHENTICATED,
        ['plainMember', 'FORBIDDEN', 'ORGANIZATION_OWNER_REQUIRED'],
        ...refuseRoles(ROLES, 'NOT_ORGANIZATION_MEMBER'),
      ],
      allowed: 'owner',
    },
    {
      mutation: 'acceptInvitation',
      document:
        'mutation($id: ID!, $token: String!) { acceptInvitation(invitationId: $id, token: $token) { id } }',
      async setup() {
        const owner = await factory.incubator();
        const invitee = await factory.signUp({ roles: ['INCUBATOR' as never] });
        const { id, token } = await invitation(owner, invitee);
        return {
          variables: { id, token },
          callers: { invitee },
          watch: [owner.organizationId, id, invitee.id],
        };
      },
      // nobody else may take the seat, not even an INCUBATOR or an ADMIN
      refused: [UNAUTHENTICATED, ...refuseRoles(ROLES, 'INVITATION_NOT_FOR_YOU')],
      allowed: 'invitee',
    },
    {
      mutation: 'acceptInvitation (invitee lacks the role the kind needs)',
      document:
        'mutation($id: ID!, $token: String!) { acceptInvitation(invitationId: $id, token: $token) { id } }',
      async setup() {
        const owner = await factory.manufacturer();
        const talentInvitee = await factory.talent();
        const { id, token } = await invitation(owner, talentInvitee);
        const roleHolder = await factory.signUp({
          roles: ['TALENT', 'MANUFACTURER'] as never,
          email: factory.email('both'),
        });
        const second = await invitation(owner, roleHolder);
        return {
          variables: { id, token },
          callers: { talentInvitee, roleHolder },
          watch: [owner.organizationId, id, second.id, talentInvitee.id, roleHolder.id],
          allowedVariables: { id: second.id, token: second.token },
        };
      },
      refused: [['talentInvitee', 'FORBIDDEN', 'ROLE_MISSING']],
      allowed: 'roleHolder',
    },
    {
      mutation: 'declineInvitation',
      document:
        'mutation($id: ID!, $token: String!) { declineInvitation(invitationId: $id, token: $token) { status } }',
      async setup() {
        const owner = await factory.retailer();
        const invitee = await factory.signUp({ roles: ['RETAILER' as never] });
        const { id, token } = await invitation(owner, invitee);
        return {
          variables: { id, token },
          callers: { invitee, owner },
          watch: [id, invitee.id],
        };
      },
      refused: [
        UNAUTHENTICATED,
        ['owner', 'FORBIDDEN', 'INVITATION_NOT_FOR_YOU'],
        ...refuseRoles(ROLES, 'INVITATION_NOT_FOR_YOU'),
      ],
      allowed: 'invitee',
    },
    {
      mutation: 'removeMember',
      document: 'mutation($input: RemoveMemberInput!) { removeMember(input: $input) }',
      async setup() {
        const owner = await factory.manufacturer();
        const target = await member(owner, 'MANUFACTURER');
        const otherMember = await member(owner, 'MANUFACTURER');
        return {
          variables: { input: { organizationId: owner.organizationId, userId: target.id } },
          callers: { owner, otherMember },
          watch: [owner.organizationId, owner.id, target.id, otherMember.id],
        };
      },
      refused: [
        UNAUTHENTICATED,
        ['otherMember', 'FORBIDDEN', 'ORGANIZATION_OWNER_REQUIRED'],
        ...refuseRoles(ROLES, 'NOT_ORGANIZATION_MEMBER'),
      ],
      allowed: 'owner',
    },
    {
      mutation: 'upsertTalentProfile',
      document:
        'mutation($input: UpsertTalentProfileInput!) { upsertTalentProfile(input: $input) { userId } }',
      async setup() {
        return { variables: { input: { disciplines: ['PRODUCT_DESIGN'], university: 'LNU' } } };
      },
      refused: [UNAUTHENTICATED, ...refuseRoles(except('TALENT'), 'ROLE_REQUIRED')],
      allowed: 'TALENT',
    },
    {
      mutation: 'createTeam',
      document: 'mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }',
      async setup() {
        const name = unique('crew');
        return { variables: { input: { name } }, watch: [name] };
      },
      refused: [UNAUTHENTICATED, ...refuseRoles(except('TALENT'), 'ROLE_REQUIRED')],
      allowed: 'TALENT',
    },
    {
      mutation: 'inviteTeamMember',
      document: 'mutation($input: TeamMemberInput!) { inviteTeamMember(input: $input) { id } }',
      async setup() {
        const lead = await factory.talent();
        const newcomer = await factory.talent();
        const teamId = await team(lead);
        return {
          variables: { input: { teamId, userId: newcomer.id } },
          callers: { lead, newcomer },
          watch: [teamId, lead.id, newcomer.id],
        };
      },
      refused: [
        UNAUTHENTICATED,
        // a talent outside the team, and the newcomer inviting themselves
        ['TALENT', 'FORBIDDEN', 'NOT_TEAM_MEMBER'],
        ['newcomer', 'FORBIDDEN', 'NOT_TEAM_MEMBER'],
        ...refuseRoles(except('TALENT'), 'ROLE_REQUIRED'),
      ],
      allowed: 'lead',
    },
    {
      mutation: 'acceptTeamInvitation',
      document: 'mutation($id: ID!) { acceptTeamInvitation(invitationId: $id) { id } }',
      async setup() {
        const lead = await factory.talent();
        const invitee = await factory.talent();
        const teamId = await team(lead);
        const id = await teamInvitation(lead, teamId, invitee);
        return { variables: { id }, callers: { lead, invitee }, watch: [teamId, id, invitee.id] };
      },
      refused: [
        UNAUTHENTICATED,
        ['lead', 'FORBIDDEN', 'INVITATION_NOT_FOR_YOU'],
        ['TALENT', 'FORBIDDEN', 'INVITATION_NOT_FOR_YOU'],
        ...refuseRoles(except('TALENT'), 'ROLE_REQUIRED'),
      ],
      allowed: 'invitee',
    },
    {
      mutation: 'declineTeamInvitation',
      document: 'mutation($id: ID!) { declineTeamInvitation(invitationId: $id) { status } }',
      async setup() {
        const lead = await factory.talent();
        const invitee = await factory.talent();
        const teamId = await team(lead);
        const id = await teamInvitation(lead, teamId, invitee);
        return { variables: { id }, callers: { lead, invitee }, watch: [id, invitee.id] };
      },
      refused: [
        UNAUTHENTICATED,
        ['lead', 'FORBIDDEN', 'INVITATION_NOT_FOR_YOU'],
        ...refuseRoles(ROLES, 'INVITATION_NOT_FOR_YOU'),
      ],
      allowed: 'invitee',
    },
    {
      mutation: 'removeTeamMember',
      document: 'mutation($input: TeamMemberInput!) { removeTeamMember(input: $input) { id } }',
      async setup() {
        const lead = await factory.talent();
        const target = await factory.talent();
        const teammate = await factory.talent();
        const teamId = await team(lead, [target, teammate]);
        return {
          variables: { input: { teamId, userId: target.id } },
          callers: { lead, teammate },
          watch: [teamId, lead.id, target.id, teammate.id],
        };
      },
      refused: [
        UNAUTHENTICATED,
        ['teammate', 'FORBIDDEN', 'NOT_A_MEMBER'],
        ...refuseRoles(ROLES, 'NOT_TEAM_MEMBER'),
      ],
      allowed: 'lead',
    },
    {
      mutation: 'setTeamMemberRole',
      document:
        'mutation($input: SetTeamMemberRoleInput!) { setTeamMemberRole(input: $input) { id } }',
      async setup() {
        const lead = await factory.talent();
        const target = await factory.talent();
        const teammate = await factory.talent();
        const teamId = await team(lead, [target, teammate]);
        return {
          variables: { input: { teamId, userId: target.id, role: 'LEAD' } },
          callers: { lead, teammate },
          watch: [teamId, lead.id, target.id, teammate.id],
        };
      },
      refused: [
        UNAUTHENTICATED,
        ['teammate', 'FORBIDDEN', 'NOT_A_MEMBER'],
        ...refuseRoles(ROLES, 'NOT_TEAM_MEMBER'),
      ],
      allowed: 'lead',
    },
    ...(['grantRole', 'revokeRole'] as const).map((mutation): MatrixCase => ({
      mutation,
      document: `mutation($input: RoleGrantInput!) { ${mutation}(input: $input) { id roles } }`,
      async setup() {
        const target = await factory.signUp({ roles: ['TALENT', 'RETAILER'] as never });
        const role = mutation === 'grantRole' ? 'INCUBATOR' : 'RETAILER';
        return { variables: { input: { userId: target.id, role } }, watch: [target.id] };
      },
      refused: [UNAUTHENTICATED, ...refuseRoles(except('ADMIN'), 'ROLE_REQUIRED')],
      allowed: 'ADMIN',
    })),
    {
      mutation: 'grantRole (ADMIN to oneself)',
      document: 'mutation($input: RoleGrantInput!) { grantRole(input: $input) { id } }',
      async setup() {
        return { variables: { input: { userId: actors.OFFICIAL.id, role: 'ADMIN' } } };
      },
      refused: [['OFFICIAL', 'FORBIDDEN', 'ROLE_REQUIRED']],
      allowed: 'skip',
    },
    {
      mutation: 'rejectRoleRequest',
      document:
        'mutation($input: RejectRoleRequestInput!) { rejectRoleRequest(input: $input) { status } }',
      async setup() {
        const city = await factory.defaultCity();
        const applicant = await factory.signUp({
          roles: ['OFFICIAL' as never],
          officialRequest: { cityId: city.cityId, department: 'EDUCATION' as never },
        });
        const [request] = await app.db.query('SELECT id FROM role_request WHERE user_id = $1', [
          applicant.id,
        ]);
        return {
          variables: { input: { requestId: request.id } },
          callers: { applicant },
          watch: [request.id, applicant.id],
        };
      },
      refused: [
        UNAUTHENTICATED,
        ['applicant', 'FORBIDDEN', 'ROLE_REQUIRED'],
        ...refuseRoles(except('ADMIN'), 'ROLE_REQUIRED'),
      ],
      allowed: 'ADMIN',
    },
    {
      mutation: 'requestOfficialRole',
      document:
        'mutation($input: OfficialRoleRequestInput!) { requestOfficialRole(input: $input) { id } }',
      async setup() {
        const city = await factory.defaultCity();
        return { variables: { input: { cityId: city.cityId, department: 'SCIENCE_TECHNOLOGY' } } };
      },
      refused: [UNAUTHENTICATED],
      allowed: 'TALENT',
    },
    ...(
      [
        [
          'updateMyProfile',
          'mutation { updateMyProfile(input: { displayName: "Renamed" }) { id } }',
        ],
        [
          'changePassword',
          'mutation { changePassword(input: { currentPassword: "x", newPassword: "long-enough-pass" }) }',
        ],
        ['logout', 'mutation { logout }'],
      ] as const
    ).map(([mutation, document]): MatrixCase => ({
      mutation,
      document,
      setup: async () => ({ variables: {} }),
      refused: [UNAUTHENTICATED],
      allowed: 'skip',
    })),
  ];

  it('covers every non-public identity mutation', () => {
    const identityResolvers =
      /^(User|Session|Organization|TalentProfile|Team|RoleRequest)Resolver\./;
    const mutations = app.api
      .get(AccessDeclarations)
      .rootOperations()
      .filter(
        (operation) => operation.type === 'Mutation' && identityResolvers.test(operation.handler),
      )
      .filter((operation) => operation.rule?.kind !== 'public')
      .map((operation) => operation.name);
    const covered = new Set(cases.map((matrixCase) => matrixCase.mutation.split(' ')[0]));
    expect(mutations.length).toBeGreaterThan(10);
    expect(mutations.filter((name) => !covered.has(name))).toEqual([]);
  });

  describe.each(cases)('$mutation', (matrixCase) => {
    let fixture: Fixture;

    beforeAll(async () => {
      fixture = await matrixCase.setup();
      watch(...(fixture.watch ?? []), ...Object.values(fixture.callers ?? {}).map((c) => c.id));
    });

    const clientFor = (who: string): GraphqlClient => {
      if (who === 'anonymous') return app.gql;
      const caller = fixture.callers?.[who] ?? actors[who as RoleName];
      if (!caller) throw new Error(`no caller named ${who}`);
      return caller.gql;
    };

    it.each(matrixCase.refused)(
      'refuses %s (%s %s) and changes nothing',
      async (who, code, reason) => {
        const before = await snapshot();
        const response: GraphqlResponse<unknown> = await clientFor(who).request(
          matrixCase.document,
          fixture.variables,
        );
        expect(response.data ?? null).toBeNull();
        expect(response.errors?.[0].extensions).toMatchObject({ code, reason });
        expect(await snapshot()).toEqual(before);
      },
    );

    if (matrixCase.allowed !== 'skip') {
      it(`allows ${matrixCase.allowed}`, async () => {
        const before = await snapshot();
        const response = await clientFor(matrixCase.allowed).request(
          matrixCase.document,
          fixture.allowedVariables ?? fixture.variables,
        );
        expect(response.errors).toBeUndefined();
        // watch what was created, then prove the state moved
        const created = Object.values(response.data as Record<string, { id?: string } | null>)[0];
        if (created && typeof created === 'object' && created.id) watch(created.id);
        watch(clientFor(matrixCase.allowed) === app.gql ? undefined : actorId(matrixCase.allowed));
        expect(await snapshot()).not.toEqual(before);
      });
    }

    const actorId = (who: string) => (fixture.callers?.[who] ?? actors[who as RoleName])?.id;
  });
});
