import { IdentityFactory, TestUser } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

const INVITE = `mutation($input: TeamMemberInput!) {
  inviteTeamMember(input: $input) { id status teamId userId team { name } invitedBy { id } }
}`;
const ACCEPT =
  'mutation($id: ID!) { acceptTeamInvitation(invitationId: $id) { id members { user { id } } } }';
const DECLINE =
  'mutation($id: ID!) { declineTeamInvitation(invitationId: $id) { id status respondedAt } }';
const PENDING = '{ myTeamInvitations { edges { node { id team { name } } } } }';
const NOTES = '{ notifications(first: 5) { edges { node { kind title payload } } } }';
const MEMBERS = 'query($id: ID!) { team(id: $id) { members { user { id } } } }';

describe('team invitations', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let lead: TestUser;
  let teamId: string;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    lead = await factory.talent();
    const { createTeam } = await lead.gql.data<{ createTeam: { id: string } }>(
      'mutation { createTeam(input: { name: "Lantern Works" }) { id } }',
    );
    teamId = createTeam.id;
  });

  afterAll(() => app.close());

  const memberIds = async () =>
    (
      await lead.gql.data<{ team: { members: { user: { id: string } }[] } }>(MEMBERS, {
        id: teamId,
      })
    ).team.members.map((member) => member.user.id);

  it('adds nobody without consent: the talent is told, and joins only by accepting', async () => {
    const talent = await factory.talent();
    const { inviteTeamMember } = await lead.gql.data<{
      inviteTeamMember: { id: string; status: string; invitedBy: { id: string } };
    }>(INVITE, { input: { teamId, userId: talent.id } });
    expect(inviteTeamMember).toMatchObject({
      status: 'PENDING',
      userId: talent.id,
      team: { name: 'Lantern Works' },
      invitedBy: { id: lead.id },
    });
    expect(await memberIds()).toEqual([lead.id]);

    const { notifications } = await talent.gql.data<{
      notifications: { edges: { node: { kind: string; title: string; payload: unknown } }[] };
    }>(NOTES);
    const [note] = notifications.edges.map((edge) => edge.node);
    expect(note).toMatchObject({
      kind: 'TEAM_INVITATION',
      title: 'You are invited to join “Lantern Works”',
    });
    // the payload is a JSON scalar, sent as a string
    expect(JSON.parse(note.payload as string)).toEqual({
      teamId,
      invitationId: inviteTeamMember.id,
    });
    const { myTeamInvitations } = await talent.gql.data<{
      myTeamInvitations: { edges: { node: { id: string } }[] };
    }>(PENDING);
    expect(myTeamInvitations.edges.map((edge) => edge.node.id)).toEqual([inviteTeamMember.id]);

    const twice = await lead.gql.request(INVITE, { input: { teamId, userId: talent.id } });
    expect(twice.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVITATION_PENDING',
    });
    const stranger = await factory.talent();
    const notYours = await stranger.gql.request(ACCEPT, { id: inviteTeamMember.id });
    expect(notYours.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'INVITATION_NOT_FOR_YOU',
    });

    await talent.gql.data(ACCEPT, { id: inviteTeamMember.id });
    expect(await memberIds()).toEqual([lead.id, talent.id]);
    const again = await talent.gql.request(ACCEPT, { id: inviteTeamMember.id });
    expect(again.errors?.[0]).toMatchObject({
      message:
        'Answering needs the invitation to be PENDING (it is ACCEPTED); ask a team member for a new one',
      extensions: { code: 'CONFLICT', reason: 'INVITATION_CLOSED' },
    });
  });

  it('lets the talent decline, leaving the team unchanged', async () => {
    const talent = await factory.talent();
    const { inviteTeamMember } = await lead.gql.data<{ inviteTeamMember: { id: string } }>(INVITE, {
      input: { teamId, userId: talent.id },
    });
    const { declineTeamInvitation } = await talent.gql.data<{
      declineTeamInvitation: { status: string; respondedAt: string };
    }>(DECLINE, { id: inviteTeamMember.id });
    expect(declineTeamInvitation.status).toBe('DECLINED');
    expect(await memberIds()).not.toContain(talent.id);
  });

  it('lapses after its expiry: hidden, refused with the fix, renewed by inviting again', async () => {
    const talent = await factory.talent();
    const { inviteTeamMember } = await lead.gql.data<{ inviteTeamMember: { id: string } }>(INVITE, {
      input: { teamId, userId: talent.id },
    });
    await app.db.query(
      `UPDATE team_invitation SET expires_at = '2026-01-02T03:00:00Z' WHERE id = $1`,
      [inviteTeamMember.id],
    );
    const pending = await talent.gql.data<{ myTeamInvitations: { edges: unknown[] } }>(PENDING);
    expect(pending.myTeamInvitations.edges).toEqual([]);
    const late = await talent.gql.request(ACCEPT, { id: inviteTeamMember.id });
    expect(late.errors?.[0]).toMatchObject({
      message: 'This invitation lapsed on 2026-01-02; ask a team member to invite you again',
      extensions: { code: 'CONFLICT', reason: 'INVITATION_CLOSED' },
    });
    expect(await memberIds()).not.toContain(talent.id);

    // inviting again renews the lapsed invitation instead of "already pending"
    const again = await lead.gql.data<{ inviteTeamMember: { id: string } }>(INVITE, {
      input: { teamId, userId: talent.id },
    });
    expect(again.inviteTeamMember.id).toBe(inviteTeamMember.id);
    const [{ expires_at: expiresAt }] = await app.db.query(
      'SELECT expires_at FROM team_invitation WHERE id = $1',
      [inviteTeamMember.id],
    );
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 3600 * 1000);
    await talent.gql.data(ACCEPT, { id: inviteTeamMember.id });
    expect(await memberIds()).toContain(talent.id);
  });

  it('is refused for non-talents and by non-members, naming the fix', async () => {
    const maker = await factory.manufacturer();
    const notTalent = await lead.gql.request(INVITE, { input: { teamId, userId: maker.id } });
    expect(notTalent.errors?.[0]).toMatchObject({
      message: expect.stringContaining('invite a talent'),
      extensions: { code: 'BAD_USER_INPUT', reason: 'NOT_A_TALENT' },
    });
    const outsider = await factory.talent();
    const byOutsider = await outsider.gql.request(INVITE, {
      input: { teamId, userId: (await factory.talent()).id },
    });
    expect(byOutsider.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_TEAM_MEMBER',
    });
    const old = await lead.gql.request(
      'mutation($input: TeamMemberInput!) { addTeamMember(input: $input) { id } }',
      { input: { teamId, userId: outsider.id } },
    );
    expect(old.errors?.[0].message).toContain('Cannot query field "addTeamMember"');
  });
});
