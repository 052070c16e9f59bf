import { seedCity, SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestUser } from '../support/identity.factory';
import { countQueries, recordQueries } from '../support/sql-counter';
import { startTestApp, TestApp } from '../support/test-app';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const PROJECTS = 12;

interface Page {
  projects: {
    edges: { cursor: string; node: { id: string; createdAt: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('Relay pages: counts only when asked, timestamp keysets served by their index', () => {
  let app: TestApp;
  let city: SeededCity;
  let talent: TestUser;
  let projectIds: string[];

  beforeAll(async () => {
    app = await startTestApp();
    city = await seedCity(app.db, 1);
    talent = await new IdentityFactory(app).talent();
    projectIds = [];
    for (let i = 0; i < PROJECTS; i += 1) {
      const { createProject } = await talent.gql.data<{ createProject: { id: string } }>(
        'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
        {
          input: {
            title: `Keyset ${i}`,
            description: 'A project to page through.',
            cityId: city.cityId,
            category: 'PRODUCT',
            culturalResourceIds: city.resourceIds,
            processes: ['CERAMICS'],
            materials: [],
            quantity: 100,
            targetUnitCostFen: 1000,
            bidDeadline: inDays(10),
            deliveryDeadline: inDays(40),
          },
        },
      );
      projectIds.push(createProject.id);
    }
    // Half of them share one millisecond: only the id tie-breaker orders them.
    await app.db.query(
      `UPDATE project SET created_at = '2026-01-01T00:00:00.123Z' WHERE id = ANY($1::uuid[])`,
      [projectIds.slice(0, PROJECTS / 2)],
    );
  });

  afterAll(() => app.close());

  const page = (after: string | null, withCount = false) =>
    talent.gql.data<Page>(
      `query($cityId: ID!, $after: String) {
        projects(filter: { cityId: $cityId, mine: true }, first: 5, after: $after) {
          ${withCount ? 'totalCount again: totalCount' : ''}
          edges { cursor node { id createdAt } }
          pageInfo { hasNextPage endCursor }
        }
      }`,
      { cityId: city.cityId, after },
    );

  it('walks every row exactly once, newest first, through ties within one millisecond', async () => {
    const seen: { id: string; createdAt: string }[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 10; guard += 1) {
      const { projects }: Page = await page(after);
      seen.push(...projects.edges.map((edge) => edge.node));
      if (!projects.pageInfo.hasNextPage) break;
      after = projects.pageInfo.endCursor;
    }
    expect(seen.map((row) => row.id).sort()).toEqual([...projectIds].sort());
    const times = seen.map((row) => Date.parse(row.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('counts only when totalCount is selected, once however often it is selected', async () => {
    const counts = (statements: string[]) =>
      statements.filter((sql) => /SELECT COUNT\(/i.test(sql));
    expect(counts(await countQueries(app.db, () => page(null)))).toHaveLength(0);

    let answer: Page | undefined;
    const withCount = await countQueries(app.db, async () => {
      answer = await page(null, true);
    });
    expect(counts(withCount)).toHaveLength(1);
    expect(answer!.projects).toMatchObject({ totalCount: PROJECTS, again: PROJECTS });
  });

  it('pages by the bare created_at column, so the planner can use its index instead of a sort', async () => {
    const statements = await recordQueries(app.db, () => page(null));
    const pageQuery = statements.find(
      ({ query }) => query.includes('FROM "project"') && /ORDER BY/i.test(query),
    );
    expect(pageQuery).toBeDefined();
    expect(pageQuery!.query).not.toContain('date_trunc');

    const runner = app.db.createQueryRunner();
    try {
      await runner.startTransaction();
      // A tiny table would be seq-scanned and sorted anyway; forbid both to ask whether the
      // index *can* serve the order. A date_trunc sort still needs a Sort node.
      await runner.query('SET LOCAL enable_seqscan = off');
      await runner.query('SET LOCAL enable_sort = off');
      const [{ 'QUERY PLAN': plan }] = (await runner.query(
        `EXPLAIN (FORMAT JSON) ${pageQuery!.query}`,
        pageQuery!.parameters,
      )) as { 'QUERY PLAN': unknown }[];
      const text = JSON.stringify(plan);
      expect(text).toContain('IDX_project_created_id');
      expect(text).not.toContain('"Node Type":"Sort"');
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
