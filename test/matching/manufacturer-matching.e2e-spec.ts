import { Role } from '@cc/auth';
import { encodeCursor } from '@cc/graphql';
import { SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { deliveredProject } from '../support/marketplace.factory';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import {
  EXPLAIN,
  MatchView,
  publishedProject,
  RECOMMENDED_MANUFACTURERS,
  RECOMMENDED_PROJECTS,
  setCapabilities,
} from './matching-kit';

type Ranked = { organizationId: string; organization: { name: string } } & MatchView;

describe('matching: projects and manufacturers', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;
  let owner: TestUser;
  let stranger: TestUser;
  let best: TestMember;
  let partial: TestMember;
  let uncertified: TestMember;
  let tiny: TestMember;
  let woodworker: TestMember;
  let projectId: string;

  /**
   * The whole ranking, page by page: the database is shared with other test files, whose
   * manufacturers can fill a first page and push this file's own below it.
   */
  const ranking = async (): Promise<Ranked[]> => {
    const rows: Ranked[] = [];
    let after: string | undefined;
    for (;;) {
      const { recommendedManufacturers: page } = await owner.gql.data<{
        recommendedManufacturers: {
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          edges: { node: Ranked }[];
        };
      }>(RECOMMENDED_MANUFACTURERS, { projectId, first: 50, after });
      rows.push(...page.edges.map((edge) => edge.node));
      if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return rows;
      after = page.pageInfo.endCursor;
    }
  };
  const ids = (rows: Ranked[]) => rows.map((row) => row.organizationId);
  const mine = (rows: Ranked[]) =>
    ids(rows).filter((id) =>
      [best, partial, uncertified, tiny, woodworker].some((m) => m.organizationId === id),
    );

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    factory = new IdentityFactory(app);
    city = await factory.defaultCity();
    [owner, stranger, best, partial, uncertified, tiny, woodworker] = await Promise.all([
      factory.talent(),
      factory.talent(),
      factory.manufacturer('Best foundry'),
      factory.manufacturer('Casting only'),
      factory.manufacturer('No certificate'),
      factory.manufacturer('Tiny workshop'),
      factory.manufacturer('Woodworks'),
    ]);
    const full = {
      processes: ['METAL_CASTING', 'LASER_ENGRAVING'],
      materials: ['Brass'],
      certifications: ['ISO 9001'],
      monthlyCapacity: 1000,
      moq: 100,
    };
    await setCapabilities(best, full);
    await setCapabilities(partial, { ...full, processes: ['METAL_CASTING'], materials: [] });
    await setCapabilities(uncertified, { ...full, certifications: [] });
    await setCapabilities(tiny, { ...full, monthlyCapacity: 10 });
    await setCapabilities(woodworker, { ...full, processes: ['WOODWORKING'] });
    projectId = await publishedProject(owner, city);
  });

  afterAll(() => app.close());

  it('publishing makes ranked matches appear once the queue drains, each explaining itself', async () => {
    // Until the worker has scored the project, matching does not know it yet.
    const rows = await eventually(async () => {
      const ranked = await ranking().catch(() => undefined);
      return ranked && mine(ranked).length >= 2 && ranked;
    });
    expect(mine(rows)).toEqual([best.organizationId, partial.organizationId]);
    const top = rows.find((row) => row.organizationId === best.organizationId)!;
    expect(top.organization.name).toBe('Best foundry');
    expect(top.excluded).toBe(false);
    expect(top.score).toBeGreaterThan(0.7);
    expect(top.score).toBeLessThanOrEqual(1);
    expect(top.components.map((c) => c.name)).toContain('process_coverage');
    expect(top.components.reduce((sum, c) => sum + c.weight, 0)).toBeCloseTo(1, 3);
    expect(top.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['PROCESSES_COVERED', 'SAME_DISTRICT', 'NO_TRACK_RECORD']),
    );
    expect(top.reasons.every((r) => r.message && r.messageZh)).toBe(true);
    const second = rows.find((row) => row.organizationId === partial.organizationId)!;
    expect(second.reasons.find((r) => r.code === 'PROCESSES_MISSING')?.message).toContain(
      'LASER_ENGRAVING',
    );
    // Sorted best first; equal scores by id.
    for (let i = 1; i < rows.length; i += 1) {
      const [a, b] = [rows[i - 1], rows[i]];
      expect(
        a.score > b.score || (a.score === b.score && a.organizationId < b.organizationId),
      ).toBe(true);
    }
  });

  it('excluded makers stay out of the ranking, and explainMatch says why', async () => {
    const rows = await ranking();
    expect(ids(rows)).not.toContain(uncertified.organizationId);
    expect(ids(rows)).not.toContain(tiny.organizationId);
    expect(ids(rows)).not.toContain(woodworker.organizationId);

    const why = async (organizationId: string) =>
      (
        await owner.gql.data<{ explainMatch: MatchView & { kind: string } }>(EXPLAIN, {
          a: projectId,
          b: organizationId,
        })
      ).explainMatch;
    const noCertificate = await why(uncertified.organizationId);
    expect(noCertificate.kind).toBe('PROJECT_MANUFACTURER');
    expect(noCertificate.excluded).toBe(true);
    expect(noCertificate.reasons[0]).toEqual({
      code: 'MISSING_CERTIFICATION',
      message: 'Lacks the required certification ISO 9001',
      messageZh: '缺少必需的认证：ISO 9001',
    });
    const small = await why(tiny.organizationId);
    expect(small.excluded).toBe(true);
    expect(small.reasons[0].code).toBe('CAPACITY_FAR_TOO_SMALL');
    // Either order; a manufacturer may ask about itself.
    const reversed = await tiny.gql.data<{ explainMatch: MatchView }>(EXPLAIN, {
      a: tiny.organizationId,
      b: projectId,
    });
    expect(reversed.explainMatch.reasons[0].code).toBe('CAPACITY_FAR_TOO_SMALL');
    const notCandidate = await why(woodworker.organizationId);
    expect(notCandidate.excluded).toBe(false);
    expect(notCandidate.components.find((c) => c.name === 'process_coverage')?.value).toBe(0);
  });

  it("a capability change reorders the project's matches", async () => {
    await setCapabilities(partial, {
      processes: ['METAL_CASTING', 'LASER_ENGRAVING'],
      materials: ['brass'],
    });
    await setCapabilities(best, { processes: ['METAL_CASTING'] });
    const rows = await eventually(async () => {
      const ranked = await ranking();
      return mine(ranked)[0] === partial.organizationId && ranked;
    });
    expect(mine(rows)).toEqual([partial.organizationId, best.organizationId]);
  });

  it("a delivery and a review move the maker's track record", async () => {
    const trackOf = async () =>
      (await ranking())
        .find((row) => row.organizationId === partial.organizationId)
        ?.reasons.find((r) => r.code === 'TRACK_RECORD' || r.code === 'NO_TRACK_RECORD');
    expect((await trackOf())?.code).toBe('NO_TRACK_RECORD');
    const order = await deliveredProject(factory, city, { manufacturer: partial });
    const delivered = await eventually(async () => {
      const reason = await trackOf();
      return reason?.code === 'TRACK_RECORD' && reason;
    });
    expect(delivered.message).toBe('Track record: 100% on time, 1 order delivered');
    await order.owner.gql.data(
      'mutation($id: ID!, $input: ReviewInput!) { reviewProductionOrder(orderId: $id, input: $input) { side } }',
      { id: order.orderId, input: { quality: 5, onTimeDelivery: 5, communication: 4 } },
    );
    const reviewed = await eventually(async () => {
      const reason = await trackOf();
      return reason?.message.includes('rated') && reason;
    });
    expect(reviewed.message).toBe('Track record: rated 4.7/5, 100% on time, 1 order delivered');
    expect(reviewed.messageZh).toBe('履约记录：评分 4.7/5，准时率 100%，已交付 1 单');
  });

  it("a manufacturer's feed shows the project from its side; others' feeds do not", async () => {
    const feed = async (maker: TestMember) =>
      (
        await maker.gql.data<{
          recommendedProjects: {
            edges: { node: { projectId: string; project: { title: string } } & MatchView }[];
          };
        }>(RECOMMENDED_PROJECTS, { organizationId: maker.organizationId })
      ).recommendedProjects.edges.map((edge) => edge.node);
    const partialFeed = await feed(partial);
    expect(partialFeed.map((row) => row.projectId)).toContain(projectId);
    expect(partialFeed.find((row) => row.projectId === projectId)?.project.title).toBe(
      'Fuyun bookmarks',
    );
    expect((await feed(woodworker)).map((row) => row.projectId)).not.toContain(projectId);
    expect((await feed(uncertified)).map((row) => row.projectId)).not.toContain(projectId);
  });

  it('a member of one manufacturer organization gets its feed without naming it; otherwise it says to name one', async () => {
    const named = await best.gql.data<{ recommendedProjects: { edges: unknown[] } }>(
      RECOMMENDED_PROJECTS,
      { organizationId: best.organizationId },
    );
    const implied = await best.gql.data<{ recommendedProjects: { edges: unknown[] } }>(
      RECOMMENDED_PROJECTS,
      {},
    );
    expect(implied.recommendedProjects.edges.length).toBeGreaterThan(0);
    expect(implied).toEqual(named);

    const twoShops = await factory.manufacturer('First shop');
    const { createOrganization } = await twoShops.gql.data<{ createOrganization: { id: string } }>(
      'mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }',
      {
        input: {
          kind: 'MANUFACTURER',
          name: 'Second shop',
          cityId: city.cityId,
          districtId: city.districtId,
        },
      },
    );
    const several = await twoShops.gql.request(RECOMMENDED_PROJECTS, {});
    expect(several.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ORGANIZATION_REQUIRED',
    });
    expect(several.errors?.[0].message).toContain('give organizationId');
    expect(several.errors?.[0].message).toContain(createOrganization.id);
    const chosen = await twoShops.gql.request(RECOMMENDED_PROJECTS, {
      organizationId: createOrganization.id,
    });
    expect(chosen.errors).toBeUndefined();

    const unattached = await factory.signUp({ roles: [Role.MANUFACTURER] });
    const none = await unattached.gql.request(RECOMMENDED_PROJECTS, {});
    expect(none.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ORGANIZATION_REQUIRED',
    });
    expect(none.errors?.[0].message).toContain('join or create one');
  });

  it('pages with cursors, best first', async () => {
    const first = await owner.gql.data<{
      recommendedManufacturers: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string };
        edges: { node: Ranked }[];
      };
    }>(RECOMMENDED_MANUFACTURERS, { projectId, first: 1 });
    const page1 = first.recommendedManufacturers;
    expect(page1.edges).toHaveLength(1);
    expect(page1.totalCount).toBeGreaterThanOrEqual(2);
    expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = await owner.gql.data<{
      recommendedManufacturers: {
        pageInfo: { hasPreviousPage: boolean };
        edges: { node: Ranked }[];
      };
    }>(RECOMMENDED_MANUFACTURERS, { projectId, first: 1, after: page1.pageInfo.endCursor });
    const all = await ranking();
    expect(next.recommendedManufacturers.edges[0].node.organizationId).toBe(all[1].organizationId);
    expect(next.recommendedManufacturers.pageInfo.hasPreviousPage).toBe(true);
    // A cursor above everything ranked (scores are at most 1): nothing precedes the page.
    const aboveAll = await owner.gql.data<{
      recommendedManufacturers: { pageInfo: { hasPreviousPage: boolean }; edges: unknown[] };
    }>(RECOMMENDED_MANUFACTURERS, {
      projectId,
      first: 50,
      after: encodeCursor([2, '00000000-0000-4000-8000-000000000000']),
    });
    expect(aboveAll.recommendedManufacturers.pageInfo.hasPreviousPage).toBe(false);
    expect(aboveAll.recommendedManufacturers.edges).toHaveLength(Math.min(all.length, 50));
  });

  it("only the project's owners see its matches; only members see an organization's feed", async () => {
    const denied = await stranger.gql.request(RECOMMENDED_MANUFACTURERS, { projectId });
    expect(denied.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_PROJECT_OWNER',
    });
    const explainDenied = await stranger.gql.request(EXPLAIN, {
      a: projectId,
      b: best.organizationId,
    });
    expect(explainDenied.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const feedDenied = await woodworker.gql.request(RECOMMENDED_PROJECTS, {
      organizationId: best.organizationId,
    });
    expect(feedDenied.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_ORGANIZATION_MEMBER',
    });
    const talentFeed = await owner.gql.request(RECOMMENDED_PROJECTS, {
      organizationId: best.organizationId,
    });
    expect(talentFeed.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const anonymous = await app.gql.request(RECOMMENDED_MANUFACTURERS, { projectId });
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('bad input names the problem', async () => {
    const tooMany = await owner.gql.request(RECOMMENDED_MANUFACTURERS, { projectId, first: 500 });
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const badId = await owner.gql.request(RECOMMENDED_MANUFACTURERS, { projectId: 'nope' });
    expect(badId.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    const badCursor = await owner.gql.request(RECOMMENDED_MANUFACTURERS, {
      projectId,
      after: 'garbage',
    });
    expect(badCursor.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_CURSOR',
    });
    const unknown = await owner.gql.request(RECOMMENDED_MANUFACTURERS, {
      projectId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'NOT_MATCHED_YET',
    });
    const unknownPair = await owner.gql.request(EXPLAIN, {
      a: projectId,
      b: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownPair.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_PAIR',
    });
  });

  it('the full rebuild restores every match from the sources', async () => {
    const before = await ranking();
    await app.db.query('DELETE FROM match_score');
    await app.db.query('DELETE FROM match_manufacturer');
    const { MatchRefresher } = await import('@cc/matching');
    const summary = await app.worker!.get(MatchRefresher).rebuild();
    expect(summary.manufacturers).toBeGreaterThanOrEqual(5);
    // Other test files share the database: the rebuild may add their makers, never lose ours.
    expect(mine(await ranking())).toEqual(mine(before));
  });
});
