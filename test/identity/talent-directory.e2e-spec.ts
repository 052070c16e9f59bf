import { Role } from '@cc/auth';
import { IdentityFactory, TestUser } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

const UPSERT = `mutation($input: UpsertTalentProfileInput!) {
  upsertTalentProfile(input: $input) { listedInDirectory }
}`;
const SEARCH = `query($name: String, $discipline: Discipline, $university: String, $first: Int, $after: String) {
  talentDirectory(name: $name, discipline: $discipline, university: $university, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { userId displayName disciplines university } }
  }
}`;

interface Page {
  talentDirectory: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: { node: { userId: string; displayName: string; university: string | null } }[];
  };
}

describe('talent directory', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let seeker: TestUser;
  const tag = Math.random().toString(36).slice(2, 8);

  const talent = async (name: string, disciplines: string[], university: string) => {
    const user = await factory.signUp({ roles: [Role.TALENT], displayName: `${name} ${tag}` });
    await user.gql.data(UPSERT, { input: { disciplines, university } });
    return user;
  };

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    seeker = await factory.talent();
  });

  afterAll(() => app.close());

  it('finds talents by name, discipline and university, with public fields only, in pages', async () => {
    const li = await talent('Li Wen', ['PRODUCT_DESIGN'], `Lu Xun Academy ${tag}`);
    const zhao = await talent('Zhao Min', ['DIGITAL_TECHNOLOGY'], `Lu Xun Academy ${tag}`);
    await talent('Wang Fang', ['PRODUCT_DESIGN'], `Northeastern University ${tag}`);

    const byName = await seeker.gql.data<Page>(SEARCH, { name: `li wen ${tag}` });
    expect(byName.talentDirectory.edges.map((edge) => edge.node)).toEqual([
      {
        userId: li.id,
        displayName: `Li Wen ${tag}`,
        disciplines: ['PRODUCT_DESIGN'],
        university: `Lu Xun Academy ${tag}`,
      },
    ]);
    const byUniversity = await seeker.gql.data<Page>(SEARCH, {
      university: `lu xun academy ${tag}`,
      first: 1,
    });
    expect(byUniversity.talentDirectory).toMatchObject({
      totalCount: 2,
      pageInfo: { hasNextPage: true },
    });
    const next = await seeker.gql.data<Page>(SEARCH, {
      university: `lu xun academy ${tag}`,
      first: 1,
      after: byUniversity.talentDirectory.pageInfo.endCursor,
    });
    expect(
      [...byUniversity.talentDirectory.edges, ...next.talentDirectory.edges].map(
        (edge) => edge.node.userId,
      ),
    ).toEqual([li.id, zhao.id]);
    const byDiscipline = await seeker.gql.data<Page>(SEARCH, {
      discipline: 'PRODUCT_DESIGN',
      university: tag,
    });
    expect(byDiscipline.talentDirectory.totalCount).toBe(2);

    const privateField = await seeker.gql.request(
      '{ talentDirectory { edges { node { userId email } } } }',
    );
    expect(privateField.errors?.[0].message).toContain('Cannot query field "email"');
  });

  it('hides a talent who asks to be hidden', async () => {
    const shy = await talent('Sun Yue', ['VISUAL_COMMUNICATION'], `Shenyang Conservatory ${tag}`);
    const { upsertTalentProfile } = await shy.gql.data<{
      upsertTalentProfile: { listedInDirectory: boolean };
    }>(UPSERT, { input: { listedInDirectory: false } });
    expect(upsertTalentProfile.listedInDirectory).toBe(false);
    const found = await seeker.gql.data<Page>(SEARCH, { name: `Sun Yue ${tag}` });
    expect(found.talentDirectory.totalCount).toBe(0);
  });

  it('needs a signed-in user and limits each user to 30 searches a minute', async () => {
    const anonymous = await app.gql.request(SEARCH, {});
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const busy = await factory.talent();
    for (let i = 0; i < 30; i++) {
      expect((await busy.gql.request(SEARCH, { name: 'x' })).errors).toBeUndefined();
    }
    const limited = await busy.gql.request(SEARCH, { name: 'x' });
    expect(limited.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^Too many attempts\. Try again in \d+ seconds$/),
      extensions: { reason: 'RATE_LIMITED' },
    });
    expect((await seeker.gql.request(SEARCH, { name: 'x' })).errors).toBeUndefined();
  });
});
