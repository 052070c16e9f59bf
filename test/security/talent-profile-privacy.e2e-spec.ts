import { IdentityFactory, TestUser } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

interface IntrospectedType {
  name: string;
  fields: { name: string; type: IntrospectedTypeRef }[] | null;
}
interface IntrospectedTypeRef {
  name: string | null;
  ofType: IntrospectedTypeRef | null;
}

const named = (ref: IntrospectedTypeRef): string =>
  ref.name ?? (ref.ofType ? named(ref.ofType) : '');

const PRIVATE_FIELDS = 'university portfolioLinks abilities { creativeThinking }';

describe('talent profiles follow one privacy rule on every path', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let talent: TestUser;
  let projectId: string;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    talent = await factory.talent();
    await talent.gql.data(
      'mutation { upsertTalentProfile(input: { university: "Lu Xun Academy of Fine Arts", portfolioLinks: ["https://example.org/p"], abilities: { creativeThinking: 5 } }) { userId } }',
    );
    const city = await factory.defaultCity();
    const { createProject } = await talent.gql.data<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      {
        input: {
          title: 'Privacy probe',
          description: 'A project whose owner is a talent with a profile.',
          cityId: city.cityId,
          category: 'PRODUCT',
          culturalResourceIds: city.resourceIds.slice(0, 1),
          processes: ['METAL_CASTING'],
          materials: ['cast iron'],
          quantity: 100,
          targetUnitCostFen: 2000,
          requiredCertifications: [],
          bidDeadline: new Date(Date.now() + 10 * 86_400_000).toISOString(),
          deliveryDeadline: new Date(Date.now() + 90 * 86_400_000).toISOString(),
        },
      },
    );
    projectId = createProject.id;
    await talent.gql.data('mutation($id: ID!) { publishProject(id: $id) { id } }', {
      id: projectId,
    });
  });

  afterAll(() => app.close());

  it('knows every field that leads to TalentProfile (a new one must be added here)', async () => {
    const { __schema } = await app.gql.data<{ __schema: { types: IntrospectedType[] } }>(
      '{ __schema { types { name fields { name type { name ofType { name ofType { name ofType { name } } } } } } } }',
    );
    const leadingToProfile = __schema.types.flatMap((type) =>
      (type.fields ?? [])
        .filter((field) => named(field.type) === 'TalentProfile')
        .map((field) => `${type.name}.${field.name}`),
    );
    expect(leadingToProfile.sort()).toEqual([
      'Mutation.upsertTalentProfile',
      'Query.talentProfile',
      'User.talentProfile',
    ]);
  });

  const paths: [
    string,
    (vars: { projectId: string; userId: string }) => [string, Record<string, unknown>],
  ][] = [
    [
      'Query.talentProfile',
      ({ userId }) => [
        `query($userId: ID!) { talentProfile(userId: $userId) { ${PRIVATE_FIELDS} } }`,
        { userId },
      ],
    ],
    [
      'Query.project → Project.owner → User.talentProfile',
      ({ projectId: id }) => [
        `query($id: ID!) { project(id: $id) { owner { talentProfile { ${PRIVATE_FIELDS} } } } }`,
        { id },
      ],
    ],
    [
      'Query.projects → Project.owner → User.talentProfile',
      () => [
        `{ projects(first: 100) { edges { node { owner { id talentProfile { ${PRIVATE_FIELDS} } } } } } }`,
        {},
      ],
    ],
  ];

  it.each(paths)('anonymous callers never see a profile through %s', async (_name, build) => {
    const [query, variables] = build({ projectId, userId: talent.id });
    const response = await app.gql.request(query, variables);
    expect(JSON.stringify(response)).not.toContain('Lu Xun');
    expect(JSON.stringify(response)).not.toContain('example.org');
  });

  it.each(paths)('signed-in viewers see it through %s', async (_name, build) => {
    const [query, variables] = build({ projectId, userId: talent.id });
    const viewer = await factory.manufacturer();
    const response = await viewer.gql.request(query, variables);
    expect(response.errors).toBeUndefined();
    expect(JSON.stringify(response.data)).toContain('Lu Xun Academy of Fine Arts');
  });
});
