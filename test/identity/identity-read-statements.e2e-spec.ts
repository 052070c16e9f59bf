import { seedCity, SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { cloneChildren, cloneRow } from '../support/row-cloner';
import { expectFlatRead, pageStatements } from '../support/statement-count';
import { startTestApp, TestApp } from '../support/test-app';

type Page<T> = { edges: { node: T }[] };

const MY_ORGANIZATIONS = `query($first: Int!) {
  myOrganizations(first: $first) {
    edges { node { id viewerRole city { id } district { id } members { role user { id } } } }
  }
}`;

const MY_INVITATIONS = `query($first: Int!) {
  myInvitations(first: $first) { edges { node { id organization { id name } invitedBy { id } } } }
}`;

const MY_TEAMS = `query($first: Int!) {
  myTeams(first: $first) { edges { node { id name members { role user { id displayName } } } } }
}`;

const MY_TEAM_INVITATIONS = `query($first: Int!) {
  myTeamInvitations(first: $first) {
    edges { node { id team { id members { user { id } } } invitedBy { id } } }
  }
}`;

const MY_ROLE_REQUESTS = `query($first: Int!) {
  myRoleRequests(first: $first) { edges { node { id user { id } city { id } } } }
}`;

const ROLE_REQUESTS = `query($first: Int!) {
  roleRequests(status: PENDING, first: $first) { edges { node { id user { id } city { id } } } }
}`;

const USERS = `query($first: Int!) {
  users(role: OFFICIAL, first: $first) {
    edges { node { id officialGrants { department city { id } } talentProfile { university } } }
  }
}`;

const TALENT_DIRECTORY = `query($first: Int!) {
  talentDirectory(university: "Bench University", first: $first) {
    edges { node { userId displayName disciplines university } }
  }
}`;

const NOTIFICATIONS = `query($first: Int!) {
  notifications(first: $first) { edges { node { id kind title payload read } } }
}`;

/**
 * The viewer-scoped and admin lists of libs/identity (and notifications), each with its nested
 * fields, at 2 rows and at 50: the rows are copies of one made through the API.
 */
describe('N+1 guard: identity lists with their nested fields', () => {
  let app: TestApp;
  let city: SeededCity;
  let admin: TestUser;
  let retailer: TestMember;
  let invitee: TestUser;
  let lead: TestUser;
  let applicant: TestUser;

  beforeAll(async () => {
    app = await startTestApp();
    const factory = new IdentityFactory(app);
    city = await factory.defaultCity();
    admin = await factory.admin();
    [retailer, invitee, lead] = await Promise.all([
      factory.retailer(),
      factory.talent(),
      factory.talent(),
    ]);
    const official = await factory.official({ admin });
    applicant = await factory.signUp({
      roles: ['OFFICIAL' as never],
      officialRequest: { cityId: city.cityId, department: 'CULTURE' as never },
    });

    // The invitee: an organization's invitation, a team invitation (and its notification),
    // a team of its own and a directory profile.
    const { inviteMember } = await retailer.gql.data<{ inviteMember: { id: string } }>(
      'mutation($input: InviteMemberInput!) { inviteMember(input: $input) { id } }',
      { input: { organizationId: retailer.organizationId, email: invitee.email, role: 'MEMBER' } },
    );
    const leadTeam = await createTeam(lead, 'Lead team');
    const { inviteTeamMember } = await lead.gql.data<{ inviteTeamMember: { id: string } }>(
      'mutation($input: TeamMemberInput!) { inviteTeamMember(input: $input) { id } }',
      { input: { teamId: leadTeam, userId: invitee.id } },
    );
    const ownTeam = await createTeam(invitee, 'Own team');
    await invitee.gql.data(
      'mutation($input: UpsertTalentProfileInput!) { upsertTalentProfile(input: $input) { listedInDirectory } }',
      { input: { university: 'Bench University', disciplines: ['FINE_ARTS'] } },
    );
    const [{ id: notificationId }]: { id: string }[] = await app.db.query(
      'SELECT id FROM notification WHERE recipient_id = $1 LIMIT 1',
      [invitee.id],
    );
    const [{ id: requestId }]: { id: string }[] = await app.db.query(
      'SELECT id FROM role_request WHERE user_id = $1',
      [applicant.id],
    );
    const [{ id: profileId }]: { id: string }[] = await app.db.query(
      'SELECT id FROM talent_profile WHERE user_id = $1',
      [invitee.id],
    );

    for (let i = 0; i < 49; i += 1) {
      const organization = await cloneRow(app.db, 'organization', retailer.organizationId, {
        name: `Retailer copy ${i}`,
      });
      await cloneChildren(
        app.db,
        'organization_member',
        'organization_id',
        retailer.organizationId,
        organization,
      );
      await cloneRow(app.db, 'organization_invitation', inviteMember.id, {
        organization_id: organization,
      });
      const team = await cloneRow(app.db, 'team', leadTeam, { name: `Lead team ${i}` });
      await cloneChildren(app.db, 'team_member', 'team_id', leadTeam, team);
      await cloneRow(app.db, 'team_invitation', inviteTeamMember.id, { team_id: team });
      const own = await cloneRow(app.db, 'team', ownTeam, { name: `Own team ${i}` });
      await cloneChildren(app.db, 'team_member', 'team_id', ownTeam, own);
      await cloneRow(app.db, 'notification', notificationId, {});
      const otherCity = await seedCity(app.db, 0);
      await cloneRow(app.db, 'role_request', requestId, { city_id: otherCity.cityId });
      const user = await cloneRow(app.db, 'user_account', official.id, {
        email: `official-copy-${i}@test.local`,
      });
      await cloneChildren(app.db, 'official_grant', 'user_id', official.id, user);
      const talent = await cloneRow(app.db, 'user_account', invitee.id, {
        email: `talent-copy-${i}@test.local`,
        display_name: `Talent copy ${i}`,
      });
      await cloneRow(app.db, 'talent_profile', profileId, { user_id: talent });
    }
  }, 300_000);

  afterAll(async () => {
    // Other files read the admin queue oldest first (one page): leave no copies pending in it.
    await app.db.query('DELETE FROM role_request WHERE user_id = $1', [applicant.id]);
    await app.close();
  });

  async function createTeam(user: TestUser, name: string): Promise<string> {
    const { createTeam } = await user.gql.data<{ createTeam: { id: string } }>(
      'mutation($name: String!) { createTeam(input: { name: $name }) { id } }',
      { name },
    );
    return createTeam.id;
  }

  /** Reads `field` as `viewer` at 2 and at 50 rows and holds the statements flat. */
  async function expectFlatList(viewer: TestUser, query: string, field: string) {
    const page = await pageStatements(app.db, async (first) => {
      const data = await viewer.gql.data<Record<string, Page<unknown>>>(query, { first });
      return data[field].edges.length;
    });
    expectFlatRead(app, query, () => ({}), page);
  }

  it('myOrganizations{viewerRole city district members{user}}', () =>
    expectFlatList(retailer, MY_ORGANIZATIONS, 'myOrganizations'));

  it('myInvitations{organization invitedBy}', () =>
    expectFlatList(invitee, MY_INVITATIONS, 'myInvitations'));

  it('myTeams{members{user}}', () => expectFlatList(invitee, MY_TEAMS, 'myTeams'));

  it('myTeamInvitations{team{members{user}} invitedBy}', () =>
    expectFlatList(invitee, MY_TEAM_INVITATIONS, 'myTeamInvitations'));

  it('myRoleRequests{user city}', () =>
    expectFlatList(applicant, MY_ROLE_REQUESTS, 'myRoleRequests'));

  it('roleRequests{user city}, as an ADMIN', () =>
    expectFlatList(admin, ROLE_REQUESTS, 'roleRequests'));

  it('users{officialGrants{city} talentProfile}, as an ADMIN', () =>
    expectFlatList(admin, USERS, 'users'));

  it('talentDirectory', () => expectFlatList(invitee, TALENT_DIRECTORY, 'talentDirectory'));

  it('notifications', () => expectFlatList(invitee, NOTIFICATIONS, 'notifications'));
});
