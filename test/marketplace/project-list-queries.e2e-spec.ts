import { seedCity, SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { countQueries } from '../support/sql-counter';
import { startTestApp, TestApp } from '../support/test-app';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const LIST = `query($cityId: ID!, $first: Int!) {
  projects(filter: { cityId: $cityId }, first: $first) {
    totalCount
    edges { node { id title owner { displayName } culturalResources { name } bidCount myBid { id } } }
  }
}`;

describe('N+1 guard: listing projects', () => {
  let app: TestApp;
  let city: SeededCity;
  let maker: TestMember;

  beforeAll(async () => {
    app = await startTestApp();
    city = await seedCity(app.db, 3);
    const factory = new IdentityFactory(app);
    maker = await factory.manufacturer();
    const talents: TestUser[] = await Promise.all(
      Array.from({ length: 4 }, () => factory.talent()),
    );
    for (let i = 0; i < 20; i += 1) {
      const owner = talents[i % talents.length];
      const { createProject } = await owner.gql.data<{ createProject: { id: string } }>(
        'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
        {
          input: {
            title: `Project ${i}`,
            description: 'A project to list with all its relations.',
            cityId: city.cityId,
            category: 'PRODUCT',
            culturalResourceIds: city.resourceIds.slice(0, 1 + (i % 3)),
            processes: ['CERAMICS'],
            materials: [],
            quantity: 100,
            targetUnitCostFen: 1000,
            bidDeadline: inDays(10),
            deliveryDeadline: inDays(40),
          },
        },
      );
      await owner.gql.data('mutation($id: ID!) { publishProject(id: $id) { id } }', {
        id: createProject.id,
      });
      if (i % 2 === 0) {
        await maker.gql.data(
          'mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }',
          {
            input: {
              projectId: createProject.id,
              organizationId: maker.organizationId,
              priceTiers: [{ minQuantity: 1, unitPriceFen: 900 }],
              moq: 1,
              leadTimeDays: 10,
              sampleCostFen: 0,
              note: '',
            },
          },
        );
      }
    }
  });

  afterAll(() => app.close());

  it('runs the same small number of SQL statements for 20 projects as for 2', async () => {
    const run = (first: number) =>
      countQueries(app.db, async () => {
        const data = await maker.gql.data<{
          projects: {
            edges: {
              node: {
                owner: { displayName: string };
                bidCount: number;
                myBid: { id: string } | null;
              };
            }[];
          };
        }>(LIST, { cityId: city.cityId, first });
        expect(data.projects.edges).toHaveLength(first);
        expect(data.projects.edges.every((edge) => edge.node.owner.displayName)).toBe(true);
      });
    // Viewer resolution (token → user, grants) is part of every request; it is counted too.
    const forTwo = await run(2);
    const forTwenty = await run(20);
    expect(forTwenty.length).toBe(forTwo.length);
    expect(forTwenty.length).toBeLessThanOrEqual(10);
    // Each relation is one batched statement, whatever the page size.
    expect(forTwenty.filter((sql) => sql.includes('FROM "bid"'))).toHaveLength(1);
    expect(forTwenty.filter((sql) => sql.includes('FROM "user_account"'))).toHaveLength(1);
  });
});
