import { IdentityFactory, TestUser } from '../support/identity.factory';
import { teamOf } from '../support/marketplace.factory';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import { EXPLAIN, MATCH_FIELDS, MatchView } from './matching-kit';

const SUGGESTED = `query($teamId: ID, $projectId: ID) {
  suggestedTeammates(teamId: $teamId, projectId: $projectId, first: 50) {
    userId displayName disciplines user { id } ${MATCH_FIELDS}
  }
}`;

type Suggestion = {
  userId: string;
  displayName: string;
  disciplines: string[];
  user: { id: string };
} & MatchView;

describe('matching: teammates', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let lead: TestUser;
  let coder: TestUser;
  let designer: TestUser;
  let outsider: TestUser;
  let teamId: string;

  const profile = (user: TestUser, disciplines: string[]) =>
    user.gql.data(
      'mutation($input: UpsertTalentProfileInput!) { upsertTalentProfile(input: $input) { userId } }',
      { input: { disciplines } },
    );

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    factory = new IdentityFactory(app);
    [lead, coder, designer, outsider] = await Promise.all([
      factory.talent(),
      factory.talent(),
      factory.talent(),
      factory.talent(),
    ]);
    await profile(lead, ['PRODUCT_DESIGN']);
    await profile(coder, ['DIGITAL_TECHNOLOGY']);
    await profile(designer, ['PRODUCT_DESIGN']);
    teamId = await teamOf(lead, []);
  });

  afterAll(() => app.close());

  it('suggests talents who add a discipline the team lacks, to invite', async () => {
    const suggestions = await eventually(async () => {
      const response = await lead.gql.request<{ suggestedTeammates: Suggestion[] }>(SUGGESTED, {
        teamId,
      });
      const rows = response.data?.suggestedTeammates;
      return rows?.some((row) => row.userId === coder.id) && rows;
    });
    const ids = suggestions.map((row) => row.userId);
    expect(ids).not.toContain(designer.id);
    expect(ids).not.toContain(lead.id);
    const suggestion = suggestions.find((row) => row.userId === coder.id)!;
    expect(suggestion.disciplines).toEqual(['DIGITAL_TECHNOLOGY']);
    expect(suggestion.user.id).toBe(coder.id);
    expect(suggestion.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['ADDS_DISCIPLINES', 'INVITE_TO_JOIN']),
    );
    expect(suggestion.reasons.at(-1)?.message).toMatch(/^Invite /);
    // A suggestion adds no one.
    const members = await lead.gql.data<{ team: { members: { user: { id: string } }[] } }>(
      'query($id: ID!) { team(id: $id) { members { user { id } } } }',
      { id: teamId },
    );
    expect(members.team.members.map((m) => m.user.id)).toEqual([lead.id]);
  });

  it('explains a talent against a team, and a member is excluded', async () => {
    // Profiles reach matching through the queue in any order: the coder's being ranked (the test
    // above) does not mean the designer's has arrived. Until it has, the pair is unknown.
    const { explainMatch } = await eventually(async () => {
      const response = await lead.gql.request<{ explainMatch: MatchView & { kind: string } }>(
        EXPLAIN,
        { a: teamId, b: designer.id },
      );
      return response.data ?? undefined;
    });
    expect(explainMatch.kind).toBe('TEAM_TALENT');
    expect(explainMatch.reasons[0].code).toBe('NO_NEW_DISCIPLINE');
    const self = await lead.gql.data<{ explainMatch: MatchView }>(EXPLAIN, {
      a: teamId,
      b: lead.id,
    });
    expect(self.explainMatch.excluded).toBe(true);
    expect(self.explainMatch.reasons[0].code).toBe('ALREADY_MEMBER');
  });

  it('only members see suggestions for a team; a team or project is required', async () => {
    const denied = await outsider.gql.request(SUGGESTED, { teamId });
    expect(denied.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_TEAM_MEMBER',
    });
    const neither = await lead.gql.request(SUGGESTED, {});
    expect(neither.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PROJECT_OR_TEAM_REQUIRED',
    });
  });
});
