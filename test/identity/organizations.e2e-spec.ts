import { seedCity, SeededCity } from '../support/catalog.factory';
import { GraphqlError } from '../support/graphql-client';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

const CREATE =
  'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id kind name viewerRole city { id } district { id } } }';
const INVITE =
  'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id status email role token } }';
const ACCEPT =
  'mutation($id: ID!, $token: String!) { acceptInvitation(invitationId: $id, token: $token) { id viewerRole } }';
const REMOVE = 'mutation($input: RemoveMemberInput!) { removeMember(input: $input) }';
const MEMBERS = 'query($id: ID!) { organization(id: $id) { members { role user { id email } } } }';

const fieldsOf = (error?: GraphqlError) =>
  ((error?.extensions?.fieldErrors as { field: string }[]) ?? []).map((e) => e.field);

describe('organizations: profiles, capabilities, membership', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;
  let otherCity: SeededCity;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    city = await factory.defaultCity();
    otherCity = await seedCity(app.db, 0);
  });

  afterAll(() => app.close());

  describe('createOrganization', () => {
    it('makes the creator its OWNER', async () => {
      const user = await factory.signUp({ roles: ['INCUBATOR' as never] });
      const { createOrganization } = await user.gql.data<{
        createOrganization: {
          kind: string;
          viewerRole: string;
          city: { id: string };
          district: { id: string };
        };
      }>(CREATE, {
        input: {
          kind: 'INCUBATOR',
          incubatorType: 'UNIVERSITY_INCUBATOR',
          name: 'Shenyang University Maker Hub',
          cityId: city.cityId,
          districtId: city.districtId,
        },
      });
      expect(createOrganization).toMatchObject({
        kind: 'INCUBATOR',
        viewerRole: 'OWNER',
        city: { id: city.cityId },
        district: { id: city.districtId },
      });
    });

    it('names each field that does not fit the kind or the city', async () => {
      const user = await factory.signUp({ roles: ['INCUBATOR', 'MANUFACTURER'] as never });
      const incubator = await user.gql.request(CREATE, {
        input: { kind: 'INCUBATOR', name: 'No type', cityId: city.cityId, department: 'CULTURE' },
      });
      expect(new Set(fieldsOf(incubator.errors?.[0]))).toEqual(
        new Set(['incubatorType', 'department']),
      );
      const district = await user.gql.request(CREATE, {
        input: {
          kind: 'MANUFACTURER',
          name: 'Far',
          cityId: otherCity.cityId,
          districtId: city.districtId,
        },
      });
      expect(fieldsOf(district.errors?.[0])).toEqual(['districtId']);
      const blank = await user.gql.request(CREATE, {
        input: { kind: 'MANUFACTURER', name: '  ', cityId: 'x' },
      });
      expect(new Set(fieldsOf(blank.errors?.[0]))).toEqual(new Set(['name', 'cityId']));
      const owner = await user.gql.request(CREATE, {
        input: { kind: 'MANUFACTURER', name: 'Sneaky', cityId: city.cityId, ownerId: user.id },
      });
      expect(owner.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(owner.errors?.[0].message).toContain('"ownerId"');
    });
  });

  describe('manufacturer capabilities', () => {
    it('are kept per field and searchable by process', async () => {
      const maker = await factory.manufacturer('Tiexi Casting Works');
      const update = `mutation($input: UpdateManufacturerCapabilitiesInput!) {
        updateManufacturerCapabilities(input: $input) { processes materials certifications moq monthlyCapacity }
      }`;
      await maker.gql.data(update, {
        input: {
          organizationId: maker.organizationId,
          processes: ['METAL_CASTING', 'LASER_ENGRAVING'],
          materials: ['brass', 'bronze'],
          moq: 200,
        },
      });
      const { updateManufacturerCapabilities } = await maker.gql.data<{
        updateManufacturerCapabilities: Record<string, unknown>;
      }>(update, {
        input: {
          organizationId: maker.organizationId,
          certifications: ['ISO 9001'],
          monthlyCapacity: 5000,
        },
      });
      expect(updateManufacturerCapabilities).toEqual({
        processes: ['METAL_CASTING', 'LASER_ENGRAVING'],
        materials: ['brass', 'bronze'],
        certifications: ['ISO 9001'],
        moq: 200,
        monthlyCapacity: 5000,
      });

      const bad = await maker.gql.request(update, {
        input: { organizationId: maker.organizationId, moq: 0, processes: ['TELEPORTATION'] },
      });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

      const { organizations } = await maker.gql.data<{
        organizations: { edges: { node: { id: string; capabilities: { moq: number } } }[] };
      }>(
        `query($cityId: ID!) { organizations(first: 100, filter: { kind: MANUFACTURER, cityId: $cityId, process: METAL_CASTING }) {
          edges { node { id capabilities { moq } } } } }`,
        { cityId: city.cityId },
      );
      expect(organizations.edges.map((edge) => edge.node)).toContainEqual({
        id: maker.organizationId,
        capabilities: { moq: 200 },
      });
    });

    it('belong to manufacturers only', async () => {
      const retailer = await factory.signUp({ roles: ['RETAILER', 'MANUFACTURER'] as never });
      const { createOrganization } = await retailer.gql.data<{
        createOrganization: { id: string };
      }>(CREATE, {
        input: { kind: 'RETAILER', name: 'Palace Museum Shop', cityId: city.cityId },
      });
      const response = await retailer.gql.request(
        'mutation($id: ID!) { updateManufacturerCapabilities(input: { organizationId: $id, moq: 1 }) { moq } }',
        { id: createOrganization.id },
      );
      expect(response.errors?.[0].extensions?.reason).toBe('WRONG_ORGANIZATION_KIND');
    });
  });

  describe('membership', () => {
    let owner: TestMember;
    let invitee: TestUser;
    let invitationId: string;
    let token: string;

    beforeAll(async () => {
      owner = await factory.manufacturer('Shengjing Ceramics');
      invitee = await factory.signUp({ roles: ['MANUFACTURER' as never] });
    });

    it('an owner invites by email; the invitee sees and accepts it', async () => {
      const { inviteMember } = await owner.gql.data<{
        inviteMember: { id: string; status: string; token: string };
      }>(INVITE, {
        input: { organizationId: owner.organizationId, email: invitee.email.toUpperCase() },
      });
      expect(inviteMember.status).toBe('PENDING');
      invitationId = inviteMember.id;
      token = inviteMember.token;

      const again = await owner.gql.request(INVITE, {
        input: { organizationId: owner.organizationId, email: invitee.email },
      });
      expect(again.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'INVITATION_PENDING',
      });

      const { myInvitations } = await invitee.gql.data<{
        myInvitations: {
          edges: {
            node: { id: string; organization: { name: string }; invitedBy: { id: string } };
          }[];
        };
      }>('{ myInvitations { edges { node { id organization { name } invitedBy { id } } } } }');
      expect(myInvitations.edges.map((edge) => edge.node)).toEqual([
        {
          id: invitationId,
          organization: { name: 'Shengjing Ceramics' },
          invitedBy: { id: owner.id },
        },
      ]);

      const { acceptInvitation } = await invitee.gql.data<{
        acceptInvitation: { viewerRole: string };
      }>(ACCEPT, { id: invitationId, token });
      expect(acceptInvitation.viewerRole).toBe('MEMBER');
      const twice = await invitee.gql.request(ACCEPT, { id: invitationId, token });
      expect(twice.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'INVITATION_CLOSED',
      });

      const member = await owner.gql.request(INVITE, {
        input: { organizationId: owner.organizationId, email: invitee.email },
      });
      expect(member.errors?.[0].extensions?.reason).toBe('ALREADY_MEMBER');
    });

    it('members are visible to members and ADMIN, refused to anyone else', async () => {
      const { organization } = await invitee.gql.data<{
        organization: { members: { role: string; user: { id: string; email: string | null } }[] };
      }>(MEMBERS, { id: owner.organizationId });
      expect(organization.members).toEqual([
        { role: 'OWNER', user: { id: owner.id, email: null } },
        { role: 'MEMBER', user: { id: invitee.id, email: invitee.email } },
      ]);
      const admin = await factory.admin();
      const seenByAdmin = await admin.gql.data<{ organization: { members: unknown[] } }>(MEMBERS, {
        id: owner.organizationId,
      });
      expect(seenByAdmin.organization.members).toHaveLength(2);

      const competitor = await factory.manufacturer();
      const refused = await competitor.gql.request(MEMBERS, { id: owner.organizationId });
      expect(refused.errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'NOT_ORGANIZATION_MEMBER',
      });
      expect(refused.errors?.[0].path).toEqual(['organization', 'members']);
    });

    it('the last owner cannot leave; a member can', async () => {
      const lastOwner = await owner.gql.request(REMOVE, {
        input: { organizationId: owner.organizationId, userId: owner.id },
      });
      expect(lastOwner.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'LAST_OWNER',
      });
      const { removeMember } = await invitee.gql.data<{ removeMember: boolean }>(REMOVE, {
        input: { organizationId: owner.organizationId, userId: invitee.id },
      });
      expect(removeMember).toBe(true);
      // and, no longer a member, can no longer edit the organization
      const edit = await invitee.gql.request(
        'mutation($id: ID!) { updateOrganization(input: { organizationId: $id, name: "Mine now" }) { id } }',
        { id: owner.organizationId },
      );
      expect(edit.errors?.[0].extensions?.reason).toBe('NOT_ORGANIZATION_MEMBER');
    });

    it('an invitation cannot be taken by another account, and can be declined', async () => {
      const second = await factory.signUp({ roles: ['MANUFACTURER' as never] });
      const { inviteMember } = await owner.gql.data<{
        inviteMember: { id: string; token: string };
      }>(INVITE, {
        input: { organizationId: owner.organizationId, email: second.email, role: 'OWNER' },
      });
      const variables = { id: inviteMember.id, token: inviteMember.token };
      const thief = await factory.manufacturer();
      expect((await thief.gql.request(ACCEPT, variables)).errors?.[0].extensions?.reason).toBe(
        'INVITATION_NOT_FOR_YOU',
      );
      const { declineInvitation } = await second.gql.data<{
        declineInvitation: { status: string };
      }>(
        'mutation($id: ID!, $token: String!) { declineInvitation(invitationId: $id, token: $token) { status } }',
        variables,
      );
      expect(declineInvitation.status).toBe('DECLINED');
      expect((await second.gql.request(ACCEPT, variables)).errors?.[0].extensions?.reason).toBe(
        'INVITATION_CLOSED',
      );
    });
  });

  it('updateOrganization edits the profile; moving city drops a district of the old one', async () => {
    const owner = await factory.retailer('Zhongjie Corner Shop');
    const { updateOrganization } = await owner.gql.data<{
      updateOrganization: {
        name: string;
        description: string;
        city: { id: string };
        district: null;
      };
    }>(
      `mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) {
        name description city { id } district { id } } }`,
      {
        input: {
          organizationId: owner.organizationId,
          name: 'Zhongjie Street Shop',
          description: 'Business-district outlet',
          cityId: otherCity.cityId,
        },
      },
    );
    expect(updateOrganization).toEqual({
      name: 'Zhongjie Street Shop',
      description: 'Business-district outlet',
      city: { id: otherCity.cityId },
      district: null,
    });
  });

  it('myOrganizations lists the viewer’s organizations only', async () => {
    const owner = await factory.incubator('Tiexi 1905 Creative Park');
    await factory.incubator('Someone else’s park');
    const { myOrganizations } = await owner.gql.data<{
      myOrganizations: { totalCount: number; edges: { node: { id: string } }[] };
    }>('{ myOrganizations { totalCount edges { node { id } } } }');
    expect(myOrganizations.totalCount).toBe(1);
    expect(myOrganizations.edges[0].node.id).toBe(owner.organizationId);
  });
});
