import { seedCity, SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestUser } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

const FIELDS = 'id culturalResourceIds culturalResources { id name }';
const CREATE = `mutation($input: CreateProjectInput!) { createProject(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateProjectInput!) { updateProject(id: $id, input: $input) { ${FIELDS} } }`;
const GET = `query($id: ID!) { project(id: $id) { ${FIELDS} } }`;
const PUBLISH = `mutation($id: ID!) { publishProject(id: $id) { id } }`;
const BY_RESOURCE = `query($resourceId: ID!) {
  projects(filter: { culturalResourceId: $resourceId }) { totalCount edges { node { id culturalResourceIds } } }
}`;
const DELETE_RESOURCE = `mutation($id: ID!) { deleteCulturalResource(id: $id) }`;
const MOVE_RESOURCE = `mutation($id: ID!, $cityId: ID!, $districtId: ID!) {
  updateCulturalResource(id: $id, input: { cityId: $cityId, districtId: $districtId }) { id }
}`;

interface ProjectView {
  id: string;
  culturalResourceIds: string[];
  culturalResources: { id: string; name: string }[];
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Projects link catalogued resources through `project_cultural_resource`, with foreign keys. */
describe('project links to cultural resources', () => {
  let app: TestApp;
  let talent: TestUser;
  let admin: TestUser;
  let city: SeededCity;

  const create = async (culturalResourceIds: string[], cityId = city.cityId) =>
    (
      await talent.gql.data<{ createProject: ProjectView }>(CREATE, {
        input: {
          title: 'Tiexi foundry mugs',
          description: 'Cast-iron mugs after the Tiexi foundry moulds.',
          cityId,
          category: 'PRODUCT',
          culturalResourceIds,
          processes: [],
          materials: ['cast iron'],
          quantity: 300,
          targetUnitCostFen: 2000,
          bidDeadline: inDays(10),
          deliveryDeadline: inDays(90),
        },
      })
    ).createProject;

  const update = (id: string, input: Record<string, unknown>) =>
    talent.gql.request<{ updateProject: ProjectView }>(UPDATE, { id, input });

  const idsByResource = async (resourceId: string) =>
    (
      await app.gql.data<{ projects: { edges: { node: { id: string } }[] } }>(BY_RESOURCE, {
        resourceId,
      })
    ).projects.edges.map((edge) => edge.node.id);

  const storedLinks = async (projectId: string) =>
    (
      await app.db.query<{ cultural_resource_id: string }[]>(
        `SELECT cultural_resource_id FROM project_cultural_resource
          WHERE project_id = $1 ORDER BY position`,
        [projectId],
      )
    ).map((row) => row.cultural_resource_id);

  beforeAll(async () => {
    app = await startTestApp();
    const factory = new IdentityFactory(app);
    [talent, admin] = await Promise.all([factory.talent(), factory.admin()]);
    city = await seedCity(app.db, 4);
  });

  afterAll(() => app.close());

  it('keeps the order given, once each, and reads it back with the project', async () => {
    const [r0, r1, r2] = city.resourceIds;
    const project = await create([r2, r0, r2, r1]);
    expect(project.culturalResourceIds).toEqual([r2, r0, r1]);
    expect(project.culturalResources.map((resource) => resource.name)).toEqual([
      'R02',
      'R00',
      'R01',
    ]);
    expect(await storedLinks(project.id)).toEqual([r2, r0, r1]);
    const { project: read } = await talent.gql.data<{ project: ProjectView }>(GET, {
      id: project.id,
    });
    expect(read.culturalResourceIds).toEqual([r2, r0, r1]);
  });

  it('replaces the links on update, keeps them when the update leaves them out, and filters by them', async () => {
    const [r0, r1, r2, r3] = city.resourceIds;
    const project = await create([r0, r1]);
    await talent.gql.data(PUBLISH, { id: project.id });

    const draft = await create([r0, r1]);
    const replaced = await update(draft.id, { culturalResourceIds: [r3, r1] });
    expect(replaced.errors).toBeUndefined();
    expect(replaced.data?.updateProject.culturalResourceIds).toEqual([r3, r1]);
    expect(await storedLinks(draft.id)).toEqual([r3, r1]);

    const untouched = await update(draft.id, { title: 'Tiexi foundry mugs, second run' });
    expect(untouched.data?.updateProject.culturalResourceIds).toEqual([r3, r1]);

    await talent.gql.data(PUBLISH, { id: draft.id });
    expect(await idsByResource(r3)).toEqual([draft.id]);
    expect(await idsByResource(r1)).toEqual(expect.arrayContaining([project.id, draft.id]));
    expect(await idsByResource(r0)).not.toContain(draft.id);
    expect(await idsByResource(r2)).not.toContain(draft.id);
  });

  it('refuses a resource of another city or none at all by name, and changes nothing', async () => {
    const [r0] = city.resourceIds;
    const elsewhere = await seedCity(app.db, 1);
    const missing = '00000000-0000-4000-8000-000000000000';
    const draft = await create([r0]);

    const refused = await update(draft.id, {
      culturalResourceIds: [r0, elsewhere.resourceIds[0], missing],
    });
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_CULTURAL_RESOURCE',
      fieldErrors: [
        {
          field: 'culturalResourceIds',
          message: `Not cultural resources of this city: ${elsewhere.resourceIds[0]}, ${missing}`,
        },
      ],
    });
    expect(await storedLinks(draft.id)).toEqual([r0]);
  });

  it('holds a linked resource in place until no project links it, and says how to free it', async () => {
    const home = await seedCity(app.db, 1);
    const linked = home.resourceIds[0];
    const draft = await create([linked], home.cityId);

    const deleted = await admin.gql.request(DELETE_RESOURCE, { id: linked });
    expect(deleted.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'RESOURCE_IN_USE',
      culturalResourceId: linked,
    });
    expect(deleted.errors?.[0].message).toContain(
      `remove it from their culturalResourceIds (updateProject), or delete those projects, first; projects(filter: { culturalResourceId: "${linked}" }) lists them`,
    );
    const moved = await admin.gql.request(MOVE_RESOURCE, {
      id: linked,
      cityId: city.cityId,
      districtId: city.districtId,
    });
    expect(moved.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'RESOURCE_IN_USE',
    });
    expect(moved.errors?.[0].message).toContain('cannot be moved to another city');

    // Unlinked, it can be moved and deleted.
    expect((await update(draft.id, { culturalResourceIds: [] })).errors).toBeUndefined();
    expect(
      (
        await admin.gql.request(MOVE_RESOURCE, {
          id: linked,
          cityId: city.cityId,
          districtId: city.districtId,
        })
      ).errors,
    ).toBeUndefined();
    expect(await admin.gql.data(DELETE_RESOURCE, { id: linked })).toEqual({
      deleteCulturalResource: linked,
    });
  });

  it("drops a project's links with the project", async () => {
    const draft = await create([city.resourceIds[0]]);
    await app.db.query('DELETE FROM project WHERE id = $1', [draft.id]);
    expect(await storedLinks(draft.id)).toEqual([]);
  });
});
