import { IdentityFactory, TestUser } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

const INVITE = 'mutation($input: TeamMemberInput!) { inviteTeamMember(input: $input) { id } }';
const ACCEPT = 'mutation($id: ID!) { acceptTeamInvitation(invitationId: $id) { id } }';
const REMOVE = 'mutation($input: TeamMemberInput!) { removeTeamMember(input: $input) { id } }';
const SET_ROLE = `mutation($input: SetTeamMemberRoleInput!) {
  setTeamMemberRole(input: $input) { members { role user { id } } }
}`;

/**
 * A lead who wants to leave was told "the only lead cannot leave" with nothing to do about it.
 * The refusal now names the fix, setTeamMemberRole, and the fix works.
 */
describe('team roles: the lead hands over', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let lead: TestUser;
  let designer: TestUser;
  let teamId: string;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    [lead, designer] = await Promise.all([factory.talent(), factory.talent()]);
    const { createTeam } = await lead.gql.data<{ createTeam: { id: string } }>(
      'mutation { createTeam(input: { name: "Shengjing Makers" }) { id } }',
    );
    teamId = createTeam.id;
    const { inviteTeamMember } = await lead.gql.data<{ inviteTeamMember: { id: string } }>(INVITE, {
      input: { teamId, userId: designer.id },
    });
    await designer.gql.data(ACCEPT, { id: inviteTeamMember.id });
  });

  afterAll(() => app.close());

  it('the only lead is refused with the way out', async () => {
    const refused = await lead.gql.request(REMOVE, { input: { teamId, userId: lead.id } });
    expect(refused.errors?.[0]).toMatchObject({
      message:
        'A team needs a lead and this is its only one: make another member a lead first (setTeamMemberRole)',
      extensions: { code: 'CONFLICT', reason: 'LAST_TEAM_LEAD' },
    });
  });

  it('only the lead changes roles, only of members, only to a known role', async () => {
    const byMember = await designer.gql.request(SET_ROLE, {
      input: { teamId, userId: designer.id, role: 'LEAD' },
    });
    expect(byMember.errors?.[0]).toMatchObject({
      message: "Only the team's lead may change roles; ask the lead",
      extensions: { code: 'FORBIDDEN', reason: 'NOT_A_MEMBER' },
    });
    const stranger = await factory.talent();
    const notInTeam = await lead.gql.request(SET_ROLE, {
      input: { teamId, userId: stranger.id, role: 'LEAD' },
    });
    expect(notInTeam.errors?.[0]).toMatchObject({
      message: 'That user is not in this team; invite them first (inviteTeamMember)',
      extensions: { code: 'BAD_USER_INPUT', reason: 'NOT_A_MEMBER', field: 'userId' },
    });
    const unknownRole = await lead.gql.request(SET_ROLE, {
      input: { teamId, userId: designer.id, role: 'OWNER' },
    });
    expect(unknownRole.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(unknownRole.errors?.[0].message).toContain('role');
    const outsider = await stranger.gql.request(SET_ROLE, {
      input: { teamId, userId: designer.id, role: 'LEAD' },
    });
    expect(outsider.errors?.[0].extensions?.reason).toBe('NOT_TEAM_MEMBER');
    const leads = await app.db.query(
      `SELECT user_id FROM team_member WHERE team_id = $1 AND role = 'LEAD'`,
      [teamId],
    );
    expect(leads).toEqual([{ user_id: lead.id }]);
  });

  it('the lead makes a member a lead, steps down, and may then leave', async () => {
    await lead.gql.data(SET_ROLE, { input: { teamId, userId: designer.id, role: 'LEAD' } });
    const { setTeamMemberRole } = await lead.gql.data<{
      setTeamMemberRole: { members: { role: string; user: { id: string } }[] };
    }>(SET_ROLE, { input: { teamId, userId: lead.id, role: 'MEMBER' } });
    expect(setTeamMemberRole.members).toEqual(
      expect.arrayContaining([
        { role: 'LEAD', user: { id: designer.id } },
        { role: 'MEMBER', user: { id: lead.id } },
      ]),
    );
    // the new only lead cannot step down either
    const last = await designer.gql.request(SET_ROLE, {
      input: { teamId, userId: designer.id, role: 'MEMBER' },
    });
    expect(last.errors?.[0].extensions?.reason).toBe('LAST_TEAM_LEAD');
    await lead.gql.data(REMOVE, { input: { teamId, userId: lead.id } });
    const members = await app.db.query('SELECT user_id FROM team_member WHERE team_id = $1', [
      teamId,
    ]);
    expect(members).toEqual([{ user_id: designer.id }]);
  });
});
