import { seedCity, SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestUser } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

const PROJECT_FIELDS =
  'id title state allowedNextStates city { code } culturalResources { name } publishedAt';

const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { ${PROJECT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateProjectInput!) { updateProject(id: $id, input: $input) { ${PROJECT_FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishProject(id: $id) { ${PROJECT_FIELDS} } }`;
const CANCEL = `mutation($id: ID!) { cancelProject(id: $id) { ${PROJECT_FIELDS} } }`;
const LIST = `query($filter: ProjectFilterInput, $orderBy: ProjectOrder, $first: Int) {
  projects(filter: $filter, orderBy: $orderBy, first: $first) { totalCount edges { node { id title state } } }
}`;

interface ProjectView {
  id: string;
  title: string;
  state: string;
  allowedNextStates: string[];
  city: { code: string };
  culturalResources: { name: string }[];
  publishedAt: string | null;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describe('creative projects', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;
  let talent: TestUser;
  let otherTalent: TestUser;

  const input = (overrides: Record<string, unknown> = {}) => ({
    title: 'Fuyun palace bookmarks',
    description: 'Brass bookmarks with Fuyun motifs from the Imperial Palace roofs.',
    cityId: city.cityId,
    category: 'PRODUCT',
    culturalResourceIds: city.resourceIds.slice(0, 2),
    processes: ['METAL_CASTING', 'LASER_ENGRAVING'],
    materials: ['brass'],
    quantity: 500,
    targetUnitCostFen: 1850,
    requiredCertifications: [],
    bidDeadline: inDays(14),
    deliveryDeadline: inDays(60),
    ...overrides,
  });

  const create = async (by: TestUser, overrides: Record<string, unknown> = {}) =>
    (await by.gql.data<{ createProject: ProjectView }>(CREATE, { input: input(overrides) }))
      .createProject;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    city = await seedCity(app.db, 3);
    [talent, otherTalent] = await Promise.all([factory.talent(), factory.talent()]);
  });

  afterAll(() => app.close());

  it('walks a project from DRAFT to OPEN_FOR_BIDS and shows its next states', async () => {
    const draft = await create(talent);
    expect(draft).toMatchObject({
      state: 'DRAFT',
      allowedNextStates: ['OPEN_FOR_BIDS', 'CANCELLED'],
    });
    expect(draft.culturalResources.map((resource) => resource.name)).toEqual(['R00', 'R01']);

    const updated = await talent.gql.data<{ updateProject: ProjectView }>(UPDATE, {
      id: draft.id,
      input: { title: 'Fuyun palace bookmarks, gilt edition' },
    });
    expect(updated.updateProject.title).toBe('Fuyun palace bookmarks, gilt edition');

    const { publishProject } = await talent.gql.data<{ publishProject: ProjectView }>(PUBLISH, {
      id: draft.id,
    });
    expect(publishProject.state).toBe('OPEN_FOR_BIDS');
    expect(publishProject.publishedAt).not.toBeNull();

    // The coupling metrics hear about it through the outbox (then the queue), not a call.
    const [event] = await app.db.query(
      `SELECT job_name, payload FROM outbox_event WHERE payload->>'reason' LIKE $1`,
      [`%${draft.id}%`],
    );
    expect(event?.job_name).toBe('CouplingInputsChangedJob');
    expect(event?.payload).toMatchObject({
      cityId: city.cityId,
      indicators: expect.arrayContaining(['projects_published']),
    });
  });

  it('refuses an illegal transition with CONFLICT naming the current and allowed states', async () => {
    const project = await create(talent);
    await talent.gql.data(CANCEL, { id: project.id });
    const response = await talent.gql.request(PUBLISH, { id: project.id });
    expect(response.errors?.[0].message).toBe(
      'Moving a project to OPEN_FOR_BIDS needs it to be DRAFT (it is CANCELLED); from CANCELLED it may move to nothing',
    );
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ILLEGAL_TRANSITION',
      currentState: 'CANCELLED',
      requiredStates: ['DRAFT'],
      allowedNextStates: [],
    });
  });

  it('edits only drafts', async () => {
    const project = await create(talent);
    await talent.gql.data(PUBLISH, { id: project.id });
    const response = await talent.gql.request(UPDATE, { id: project.id, input: { quantity: 10 } });
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_EDITABLE',
    });
  });

  it("refuses another talent's edit and leaves the project unchanged", async () => {
    const project = await create(talent);
    const response = await otherTalent.gql.request(UPDATE, {
      id: project.id,
      input: { title: 'Taken over' },
    });
    expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const [row] = await app.db.query('SELECT title FROM project WHERE id = $1', [project.id]);
    expect(row.title).toBe('Fuyun palace bookmarks');
  });

  it('refuses non-talents and anonymous callers', async () => {
    const manufacturer = await factory.manufacturer();
    const before = await app.db.query('SELECT count(*)::int AS n FROM project');
    expect(
      (await manufacturer.gql.request(CREATE, { input: input() })).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await app.gql.request(CREATE, { input: input() })).errors?.[0].extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect(await app.db.query('SELECT count(*)::int AS n FROM project')).toEqual(before);
  });

  it.each([
    [{ quantity: 0 }, 'quantity', 'quantity must not be less than 1'],
    [{ title: 'x' }, 'title', 'title must be longer than or equal to 3 characters'],
    [{ cityId: 'not-a-uuid' }, 'cityId', 'cityId must be a UUID'],
  ])('names the bad field for %p', async (overrides, field, message) => {
    const response = await talent.gql.request(CREATE, { input: input(overrides) });
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].extensions?.fieldErrors).toContainEqual({ field, message });
  });

  it('refuses deadlines out of order and resources of another city', async () => {
    const late = await talent.gql.request(CREATE, {
      input: input({ bidDeadline: inDays(30), deliveryDeadline: inDays(10) }),
    });
    expect(late.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_DEADLINES',
      fieldErrors: [
        {
          field: 'deliveryDeadline',
          message: 'The delivery deadline must be after the bid deadline',
        },
      ],
    });
    const elsewhere = await seedCity(app.db, 1);
    const foreign = await talent.gql.request(CREATE, {
      input: input({ culturalResourceIds: elsewhere.resourceIds }),
    });
    expect(foreign.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_CULTURAL_RESOURCE',
    });
  });

  it('lists published projects with filters, and drafts only to their owner', async () => {
    const local = await seedCity(app.db, 2);
    const ceramics = await create(talent, {
      cityId: local.cityId,
      culturalResourceIds: [local.resourceIds[0]],
      title: 'Tiexi foundry mugs',
      processes: ['CERAMICS'],
    });
    await talent.gql.data(PUBLISH, { id: ceramics.id });
    const draft = await create(talent, {
      cityId: local.cityId,
      culturalResourceIds: [local.resourceIds[1]],
    });

    const publicView = await app.gql.data<{
      projects: { totalCount: number; edges: { node: { id: string } }[] };
    }>(LIST, { filter: { cityId: local.cityId } });
    expect(publicView.projects.edges.map((edge) => edge.node.id)).toEqual([ceramics.id]);

    const ownerView = await talent.gql.data<{ projects: { totalCount: number } }>(LIST, {
      filter: { cityId: local.cityId },
    });
    expect(ownerView.projects.totalCount).toBe(2);
    const otherView = await otherTalent.gql.data<{ projects: { totalCount: number } }>(LIST, {
      filter: { cityId: local.cityId },
    });
    expect(otherView.projects.totalCount).toBe(1);

    for (const filter of [
      { cityId: local.cityId, process: 'CERAMICS' },
      { cityId: local.cityId, culturalResourceId: local.resourceIds[0] },
      { cityId: local.cityId, text: 'foundry' },
      { cityId: local.cityId, state: 'OPEN_FOR_BIDS', category: 'PRODUCT' },
    ]) {
      const result = await app.gql.data<{ projects: { edges: { node: { id: string } }[] } }>(LIST, {
        filter,
      });
      expect(result.projects.edges.map((edge) => edge.node.id)).toEqual([ceramics.id]);
    }
    const hidden = await otherTalent.gql.request(`query($id: ID!) { project(id: $id) { id } }`, {
      id: draft.id,
    });
    expect(hidden.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('pages exactly through projects created within the same millisecond', async () => {
    const sameMs = await seedCity(app.db, 1);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const project = await create(talent, {
        cityId: sameMs.cityId,
        culturalResourceIds: sameMs.resourceIds,
      });
      await talent.gql.data(PUBLISH, { id: project.id });
      ids.push(project.id);
    }
    // Microseconds apart, one JavaScript millisecond: the case a millisecond cursor gets wrong.
    await app.db.query(
      `UPDATE project SET created_at = timestamptz '2026-01-01 00:00:00.000100+00' + (array_position($1::uuid[], id) * interval '1 microsecond')
       WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const PAGE = `query($cityId: ID!, $after: String, $before: String, $first: Int, $last: Int) {
      projects(filter: { cityId: $cityId }, first: $first, after: $after, last: $last, before: $before) {
        pageInfo { endCursor startCursor } edges { node { id } }
      }
    }`;
    type Page = {
      projects: {
        pageInfo: { endCursor: string; startCursor: string };
        edges: { node: { id: string } }[];
      };
    };
    const forwards: string[] = [];
    let after: string | undefined;
    for (let guard = 0; guard < 10; guard += 1) {
      const { projects } = await app.gql.data<Page>(PAGE, {
        cityId: sameMs.cityId,
        first: 2,
        after,
      });
      forwards.push(...projects.edges.map((edge) => edge.node.id));
      if (projects.edges.length < 2) break;
      after = projects.pageInfo.endCursor;
    }
    expect(forwards).toHaveLength(5);
    expect([...forwards].sort()).toEqual([...ids].sort());

    const { projects: tail } = await app.gql.data<Page>(PAGE, { cityId: sameMs.cityId, last: 2 });
    const { projects: before } = await app.gql.data<Page>(PAGE, {
      cityId: sameMs.cityId,
      last: 3,
      before: tail.pageInfo.startCursor,
    });
    expect([...before.edges, ...tail.edges].map((edge) => edge.node.id)).toEqual(forwards);
  });

  it('orders by relevance to the text, and pages through it', async () => {
    const search = await seedCity(app.db, 1);
    for (const title of [
      'Palace lantern festival set',
      'Lantern',
      'Folding paper lanterns',
      'Brass bookmarks',
    ]) {
      const project = await create(talent, {
        cityId: search.cityId,
        culturalResourceIds: search.resourceIds,
        title,
      });
      await talent.gql.data(PUBLISH, { id: project.id });
    }
    const RELEVANT = `query($cityId: ID!, $first: Int, $after: String) {
      projects(filter: { cityId: $cityId, text: "lantern" }, orderBy: RELEVANCE, first: $first, after: $after) {
        totalCount pageInfo { endCursor } edges { node { title } }
      }
    }`;
    type Page = {
      projects: {
        totalCount: number;
        pageInfo: { endCursor: string };
        edges: { node: { title: string } }[];
      };
    };
    const all = await app.gql.data<Page>(RELEVANT, { cityId: search.cityId });
    expect(all.projects.totalCount).toBe(3);
    expect(all.projects.edges[0].node.title).toBe('Lantern');

    const first = await app.gql.data<Page>(RELEVANT, { cityId: search.cityId, first: 2 });
    const rest = await app.gql.data<Page>(RELEVANT, {
      cityId: search.cityId,
      first: 2,
      after: first.projects.pageInfo.endCursor,
    });
    expect(
      [...first.projects.edges, ...rest.projects.edges].map((edge) => edge.node.title),
    ).toEqual(all.projects.edges.map((edge) => edge.node.title));
  });

  it.each([
    ['{ project(id: "nope") { id } }', 'id'],
    ['mutation { publishProject(id: "nope") { id } }', 'id'],
    ['{ bidComparison(projectId: "nope") { totalCostFen } }', 'projectId'],
    ['{ productionOrder(orderId: "nope") { id } }', 'orderId'],
  ])('a malformed id in %s names the argument', async (query, field) => {
    const response = await talent.gql.request(query);
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [{ field, message: `${field} must be a UUID` }],
    });
  });
});
