import { SeededCity } from '../support/catalog.factory';
import { GraphqlError } from '../support/graphql-client';
import { TestMember, TestUser } from '../support/identity.factory';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const day = (days: number) => inDays(days).slice(0, 10);

export const APPLICATION_FIELDS =
  'id state cohortId teamId applicantUserId projectIds pitch decisionNote admittedAt endedAt allowedNextStates';

export interface ApplicationView {
  id: string;
  state: string;
  cohortId: string;
  teamId: string | null;
  applicantUserId: string;
  projectIds: string[];
  pitch: string;
  decisionNote: string | null;
  admittedAt: string | null;
  endedAt: string | null;
  allowedNextStates: string[];
}

/** A DRAFT project of the talent (or of its team), in the city. */
export async function draftProject(
  owner: TestUser,
  city: SeededCity,
  options: { teamId?: string; title?: string } = {},
): Promise<string> {
  const { createProject } = await owner.gql.data<{ createProject: { id: string } }>(
    'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
    {
      input: {
        title: options.title ?? 'Palace roof-tile coasters',
        description: 'Coasters cast from the glazed tiles of the Qing palace roofs.',
        cityId: city.cityId,
        ...(options.teamId && { teamId: options.teamId }),
        category: 'PRODUCT',
        culturalResourceIds: city.resourceIds.slice(0, 1),
        processes: ['CERAMICS'],
        materials: ['clay'],
        quantity: 300,
        targetUnitCostFen: 1500,
        requiredCertifications: [],
        bidDeadline: inDays(10),
        deliveryDeadline: inDays(90),
      },
    },
  );
  return createProject.id;
}

export async function createProgram(incubator: TestMember, name?: string): Promise<string> {
  const { createProgram } = await incubator.gql.data<{ createProgram: { id: string } }>(
    'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
    {
      input: {
        organizationId: incubator.organizationId,
        name: name ?? `Industrial Heritage Design Camp ${Math.random().toString(36).slice(2, 7)}`,
        description: 'Twelve weeks in the Tiexi foundry halls.',
      },
    },
  );
  return createProgram.id;
}

export function cohortInput(programId: string, overrides: Record<string, unknown> = {}) {
  return {
    programId,
    name: 'Spring 2027',
    startsOn: day(-30),
    endsOn: day(120),
    capacity: 10,
    focusDisciplines: ['PRODUCT_DESIGN'],
    focusResourceKinds: ['INDUSTRIAL_HERITAGE'],
    kpiCadence: 'QUARTER',
    ...overrides,
  };
}

export async function createCohort(
  incubator: TestMember,
  programId: string,
  overrides: Record<string, unknown> = {},
): Promise<string> {
  const { createCohort } = await incubator.gql.data<{ createCohort: { id: string } }>(
    'mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }',
    { input: cohortInput(programId, overrides) },
  );
  return createCohort.id;
}

export const PITCH = 'We turn foundry moulds into cast-iron homeware for the Tiexi brand.';

export async function apply(
  talent: TestUser,
  cohortId: string,
  projectIds: string[],
  teamId?: string,
): Promise<ApplicationView> {
  const { applyToCohort } = await talent.gql.data<{ applyToCohort: ApplicationView }>(
    `mutation($input: ApplyToCohortInput!) { applyToCohort(input: $input) { ${APPLICATION_FIELDS} } }`,
    { input: { cohortId, projectIds, pitch: PITCH, ...(teamId && { teamId }) } },
  );
  return applyToCohort;
}

export async function admit(
  incubator: TestMember,
  applicationId: string,
  note = 'Welcome aboard.',
): Promise<ApplicationView> {
  const { admitApplication } = await incubator.gql.data<{ admitApplication: ApplicationView }>(
    `mutation($id: ID!, $input: DecisionInput) { admitApplication(id: $id, input: $input) { ${APPLICATION_FIELDS} } }`,
    { id: applicationId, input: { note } },
  );
  return admitApplication;
}

/** The reason and code of the first error. */
export function failure(errors: GraphqlError[] | undefined) {
  const [error] = errors ?? [];
  return { code: error?.extensions?.code, reason: error?.extensions?.reason };
}
