import { GraphqlError } from '../support/graphql-client';
import { IdentityFactory, TestUser } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

const UPSERT = `mutation($input: UpsertTalentProfileInput!) {
  upsertTalentProfile(input: $input) {
    disciplines university portfolioLinks
    abilities { creativeThinking marketInsight entrepreneurialOperation crossDisciplinaryIntegration localCultureInheritance }
  }
}`;
const INVITE = 'mutation($input: TeamMemberInput!) { inviteTeamMember(input: $input) { id } }';
const ACCEPT = 'mutation($id: ID!) { acceptTeamInvitation(invitationId: $id) { id } }';
const REMOVE = 'mutation($input: TeamMemberInput!) { removeTeamMember(input: $input) { id } }';

const fieldsOf = (error?: GraphqlError) =>
  ((error?.extensions?.fieldErrors as { field: string }[]) ?? []).map((e) => e.field);

describe('talent profiles and teams', () => {
  let app: TestApp;
  let factory: IdentityFactory;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
  });

  afterAll(() => app.close());

  describe('upsertTalentProfile', () => {
    it('creates, then updates only the given fields', async () => {
      const talent = await factory.talent();
      await talent.gql.data(UPSERT, {
        input: {
          disciplines: ['PRODUCT_DESIGN', 'CULTURAL_HERITAGE_HISTORY'],
          university: 'Lu Xun Academy of Fine Arts',
          portfolioLinks: ['https://example.org/fuyun-series'],
          abilities: { creativeThinking: 5, localCultureInheritance: 4 },
        },
      });
      const { upsertTalentProfile } = await talent.gql.data<{ upsertTalentProfile: unknown }>(
        UPSERT,
        {
          input: { abilities: { marketInsight: 2, creativeThinking: null } },
        },
      );
      expect(upsertTalentProfile).toEqual({
        disciplines: ['PRODUCT_DESIGN', 'CULTURAL_HERITAGE_HISTORY'],
        university: 'Lu Xun Academy of Fine Arts',
        portfolioLinks: ['https://example.org/fuyun-series'],
        abilities: {
          creativeThinking: null,
          marketInsight: 2,
          entrepreneurialOperation: null,
          crossDisciplinaryIntegration: null,
          localCultureInheritance: 4,
        },
      });
      const { user } = await (
        await factory.manufacturer()
      ).gql.data<{
        user: { talentProfile: { disciplines: string[] } };
      }>('query($id: ID!) { user(id: $id) { talentProfile { disciplines } } }', { id: talent.id });
      expect(user.talentProfile.disciplines).toEqual([
        'PRODUCT_DESIGN',
        'CULTURAL_HERITAGE_HISTORY',
      ]);
    });

    it('names each bad field, nested ones by path', async () => {
      const talent = await factory.talent();
      const response = await talent.gql.request(UPSERT, {
        input: {
          portfolioLinks: ['javascript:alert(1)'],
          abilities: { creativeThinking: 6, marketInsight: 0 },
        },
      });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(new Set(fieldsOf(response.errors?.[0]))).toEqual(
        new Set(['portfolioLinks', 'abilities.creativeThinking', 'abilities.marketInsight']),
      );
    });

    it('has no way to name another user', async () => {
      const [talent, victim] = await Promise.all([factory.talent(), factory.talent()]);
      const response = await talent.gql.request(UPSERT, {
        input: { userId: victim.id, university: 'Hijacked' },
      });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toContain('"userId"');
      expect(
        await app.db.query('SELECT 1 FROM talent_profile WHERE user_id = $1', [victim.id]),
      ).toHaveLength(0);
    });
  });

  describe('teams', () => {
    let lead: TestUser;
    let designer: TestUser;
    let engineer: TestUser;
    let teamId: string;

    beforeAll(async () => {
      [lead, designer, engineer] = await Promise.all([
        factory.talent(),
        factory.talent(),
        factory.talent(),
      ]);
      await lead.gql.data(UPSERT, { input: { disciplines: ['PRODUCT_DESIGN'] } });
      await designer.gql.data(UPSERT, {
        input: { disciplines: ['VISUAL_COMMUNICATION', 'PRODUCT_DESIGN'] },
      });
      await engineer.gql.data(UPSERT, { input: { disciplines: ['DIGITAL_TECHNOLOGY'] } });
      const { createTeam } = await lead.gql.data<{ createTeam: { id: string } }>(
        'mutation { createTeam(input: { name: "Fuyun Studio", description: "Palace-culture IP" }) { id } }',
      );
      teamId = createTeam.id;
    });

    it('members invite talents, who join by accepting; the team has its members’ disciplines', async () => {
      const join = async (by: TestUser, talent: TestUser) => {
        const { inviteTeamMember } = await by.gql.data<{ inviteTeamMember: { id: string } }>(
          INVITE,
          { input: { teamId, userId: talent.id } },
        );
        await talent.gql.data(ACCEPT, { id: inviteTeamMember.id });
      };
      await join(lead, designer);
      // any member may act for the team
      await join(designer, engineer);
      const { team } = await lead.gql.data<{
        team: {
          name: string;
          disciplines: string[];
          members: { role: string; user: { id: string } }[];
        };
      }>('query($id: ID!) { team(id: $id) { name disciplines members { role user { id } } } }', {
        id: teamId,
      });
      // each once, in the Discipline enum's order
      expect(team.disciplines).toEqual([
        'PRODUCT_DESIGN',
        'VISUAL_COMMUNICATION',
        'DIGITAL_TECHNOLOGY',
      ]);
      expect(team.members).toEqual([
        { role: 'LEAD', user: { id: lead.id } },
        { role: 'MEMBER', user: { id: designer.id } },
        { role: 'MEMBER', user: { id: engineer.id } },
      ]);
      const { myTeams } = await engineer.gql.data<{
        myTeams: { edges: { node: { id: string } }[] };
      }>('{ myTeams { edges { node { id } } } }');
      expect(myTeams.edges.map((edge) => edge.node.id)).toEqual([teamId]);
    });

    it('only talents join, once', async () => {
      const maker = await factory.manufacturer();
      expect(
        (await lead.gql.request(INVITE, { input: { teamId, userId: maker.id } })).errors?.[0]
          .extensions?.reason,
      ).toBe('NOT_A_TALENT');
      expect(
        (await lead.gql.request(INVITE, { input: { teamId, userId: designer.id } })).errors?.[0]
          .extensions,
      ).toMatchObject({
        code: 'CONFLICT',
        reason: 'ALREADY_MEMBER',
      });
    });

    it('members leave; only the lead removes others; the only lead stays', async () => {
      expect(
        (await designer.gql.request(REMOVE, { input: { teamId, userId: engineer.id } })).errors?.[0]
          .extensions?.code,
      ).toBe('FORBIDDEN');
      expect(
        (await lead.gql.request(REMOVE, { input: { teamId, userId: lead.id } })).errors?.[0]
          .extensions?.reason,
      ).toBe('LAST_TEAM_LEAD');
      await engineer.gql.data(REMOVE, { input: { teamId, userId: engineer.id } });
      await lead.gql.data(REMOVE, { input: { teamId, userId: designer.id } });
      // gone members no longer act for the team
      const outsider = await factory.talent();
      expect(
        (await engineer.gql.request(INVITE, { input: { teamId, userId: outsider.id } })).errors?.[0]
          .extensions?.reason,
      ).toBe('NOT_TEAM_MEMBER');
    });
  });
});
