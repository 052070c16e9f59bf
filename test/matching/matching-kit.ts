import { SeededCity } from '../support/catalog.factory';
import { TestMember, TestUser } from '../support/identity.factory';

export const MATCH_FIELDS =
  'score excluded components { name weight value } reasons { code message messageZh }';

export const RECOMMENDED_MANUFACTURERS = `query($projectId: ID!, $first: Int, $after: String) {
  recommendedManufacturers(projectId: $projectId, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { organizationId organization { name } ${MATCH_FIELDS} } }
  }
}`;

export const RECOMMENDED_PROJECTS = `query($organizationId: ID) {
  recommendedProjects(organizationId: $organizationId, first: 50) {
    pageInfo { hasPreviousPage }
    edges { node { projectId project { title } ${MATCH_FIELDS} } }
  }
}`;

export const EXPLAIN = `query($a: ID!, $b: ID!) {
  explainMatch(a: $a, b: $b) { kind subjectId candidateId ${MATCH_FIELDS} }
}`;

export interface MatchView {
  score: number;
  excluded: boolean;
  components: { name: string; weight: number; value: number }[];
  reasons: { code: string; message: string; messageZh: string }[];
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

export async function setCapabilities(
  maker: TestMember,
  capabilities: Record<string, unknown>,
): Promise<void> {
  await maker.gql.data(
    'mutation($input: UpdateManufacturerCapabilitiesInput!) { updateManufacturerCapabilities(input: $input) { organizationId } }',
    { input: { organizationId: maker.organizationId, ...capabilities } },
  );
}

/** A published project needing casting and engraving in brass, with an ISO 9001 requirement. */
export async function publishedProject(
  owner: TestUser,
  city: SeededCity,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const { createProject } = await owner.gql.data<{ createProject: { id: string } }>(
    'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    {
      input: {
        title: 'Fuyun bookmarks',
        description: 'Brass bookmarks with Fuyun motifs.',
        cityId: city.cityId,
        category: 'PRODUCT',
        culturalResourceIds: city.resourceIds.slice(0, 1),
        processes: ['METAL_CASTING', 'LASER_ENGRAVING'],
        materials: ['brass'],
        quantity: 600,
        targetUnitCostFen: 1800,
        requiredCertifications: ['ISO 9001'],
        bidDeadline: inDays(10),
        deliveryDeadline: inDays(100),
        ...overrides,
      },
    },
  );
  await owner.gql.data('mutation($id: ID!) { publishProject(id: $id) { id } }', {
    id: createProject.id,
  });
  return createProject.id;
}
