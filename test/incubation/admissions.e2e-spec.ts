import { SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { teamOf } from '../support/marketplace.factory';
import { startTestApp, TestApp } from '../support/test-app';
import {
  admit,
  apply,
  APPLICATION_FIELDS,
  ApplicationView,
  cohortInput,
  createCohort,
  createProgram,
  draftProject,
  failure,
  PITCH,
} from './incubation-test-kit';

const NOTIFICATIONS = '{ notifications(first: 20) { edges { node { kind title body } } } }';

interface Notifications {
  notifications: { edges: { node: { kind: string; title: string; body: string } }[] };
}

describe('incubation: programs, cohorts and admissions', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;
  let incubator: TestMember;
  let programId: string;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    city = await factory.defaultCity();
    incubator = await factory.incubator('Tiexi Makerspace');
    programId = await createProgram(incubator, 'Industrial Heritage Design Camp 2027');
  });

  afterAll(() => app.close());

  it('an incubator creates a program with cohorts that anyone can read', async () => {
    const cohortId = await createCohort(incubator, programId, { capacity: 12 });
    const { program } = await app.gql.data<{
      program: {
        name: string;
        organization: { id: string };
        cohorts: {
          id: string;
          capacity: number;
          admittedCount: number;
          focusDisciplines: string[];
          focusResourceKinds: string[];
          kpiCadence: string;
        }[];
      };
    }>(
      `query($id: ID!) { program(id: $id) { name organization { id }
         cohorts { id capacity admittedCount focusDisciplines focusResourceKinds kpiCadence } } }`,
      { id: programId },
    );
    expect(program.name).toBe('Industrial Heritage Design Camp 2027');
    expect(program.organization.id).toBe(incubator.organizationId);
    expect(program.cohorts).toContainEqual({
      id: cohortId,
      capacity: 12,
      admittedCount: 0,
      focusDisciplines: ['PRODUCT_DESIGN'],
      focusResourceKinds: ['INDUSTRIAL_HERITAGE'],
      kpiCadence: 'QUARTER',
    });
  });

  it('refuses bad programs and cohorts, each with its reason', async () => {
    const manufacturer = await factory.manufacturer();
    const other = await factory.incubator();
    const programAs = (user: TestUser, organizationId: string) =>
      user.gql.request(
        'mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }',
        { input: { organizationId, name: 'A program' } },
      );
    expect(failure((await programAs(manufacturer, manufacturer.organizationId)).errors)).toEqual({
      code: 'FORBIDDEN',
      reason: 'ROLE_REQUIRED',
    });
    expect(failure((await programAs(other, incubator.organizationId)).errors)).toEqual({
      code: 'FORBIDDEN',
      reason: 'NOT_INCUBATOR_MEMBER',
    });
    const duplicate = await programAs(incubator, incubator.organizationId);
    expect(duplicate.errors).toBeUndefined();
    expect(failure((await programAs(incubator, incubator.organizationId)).errors)).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'DUPLICATE_PROGRAM',
    });

    const cohortAs = (user: TestUser, overrides: Record<string, unknown>) =>
      user.gql.request(
        'mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }',
        { input: cohortInput(programId, overrides) },
      );
    const backwards = await cohortAs(incubator, { startsOn: '2027-06-01', endsOn: '2027-03-01' });
    expect(failure(backwards.errors)).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_DATES' });
    const noSeats = await cohortAs(incubator, { capacity: 0 });
    expect(failure(noSeats.errors)).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'VALIDATION_FAILED',
    });
    expect(noSeats.errors?.[0].extensions?.fieldErrors).toEqual([
      { field: 'capacity', message: 'capacity must not be less than 1' },
    ]);
    const notADate = await cohortAs(incubator, { startsOn: 'soon' });
    expect(failure(notADate.errors).reason).toBe('VALIDATION_FAILED');
    expect(failure((await cohortAs(other, {})).errors)).toEqual({
      code: 'FORBIDDEN',
      reason: 'NOT_INCUBATOR_MEMBER',
    });
  });

  it('a team applies with its projects; admission and rejection notify it with the note', async () => {
    const cohortId = await createCohort(incubator, programId);
    const lead = await factory.talent();
    const member = await factory.talent();
    const teamId = await teamOf(lead, [member]);
    const projectId = await draftProject(lead, city, { teamId });
    const application = await apply(lead, cohortId, [projectId], teamId);
    expect(application).toMatchObject({
      state: 'SUBMITTED',
      teamId,
      projectIds: [projectId],
      pitch: PITCH,
      allowedNextStates: ['ADMITTED', 'REJECTED', 'WITHDRAWN'],
    });

    const again = await member.gql.request(
      `mutation($input: ApplyToCohortInput!) { applyToCohort(input: $input) { id } }`,
      { input: { cohortId, teamId, projectIds: [projectId], pitch: PITCH } },
    );
    expect(failure(again.errors)).toEqual({ code: 'CONFLICT', reason: 'ALREADY_APPLIED' });

    const admitted = await admit(incubator, application.id, 'Strong heritage angle.');
    expect(admitted).toMatchObject({
      state: 'ADMITTED',
      decisionNote: 'Strong heritage angle.',
      allowedNextStates: ['WITHDRAWN', 'GRADUATED'],
    });
    expect(admitted.admittedAt).not.toBeNull();
    const { notifications } = await member.gql.data<Notifications>(NOTIFICATIONS);
    expect(notifications.edges.map((edge) => edge.node)).toContainEqual({
      kind: 'GENERAL',
      title: 'Your application to “Spring 2027”: admitted',
      body: 'Strong heritage angle.',
    });

    const illegal = await incubator.gql.request(
      'mutation($id: ID!) { rejectApplication(id: $id) { id } }',
      { id: application.id },
    );
    expect(failure(illegal.errors)).toEqual({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION' });
    expect(illegal.errors?.[0].extensions?.allowedNextStates).toEqual(['WITHDRAWN', 'GRADUATED']);

    const solo = await factory.talent();
    const soloApplication = await apply(solo, cohortId, [await draftProject(solo, city)]);
    const { rejectApplication } = await incubator.gql.data<{ rejectApplication: ApplicationView }>(
      `mutation($id: ID!, $input: DecisionInput) { rejectApplication(id: $id, input: $input) { ${APPLICATION_FIELDS} } }`,
      { id: soloApplication.id, input: { note: 'Come back with a prototype.' } },
    );
    expect(rejectApplication).toMatchObject({ state: 'REJECTED', allowedNextStates: [] });
    const soloNotes = await solo.gql.data<Notifications>(NOTIFICATIONS);
    expect(soloNotes.notifications.edges.map((edge) => edge.node.body)).toContain(
      'Come back with a prototype.',
    );
  });

  it('refuses applications with projects that are not the applicant’s, or for a team not theirs', async () => {
    const cohortId = await createCohort(incubator, programId);
    const talent = await factory.talent();
    const stranger = await factory.talent();
    const theirs = await draftProject(stranger, city);
    const bad = await talent.gql.request(
      'mutation($input: ApplyToCohortInput!) { applyToCohort(input: $input) { id } }',
      { input: { cohortId, projectIds: [theirs], pitch: PITCH } },
    );
    expect(failure(bad.errors)).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_PROJECTS' });
    expect(bad.errors?.[0].extensions?.fieldErrors).toEqual([
      { field: 'projectIds.0', message: 'not a project of yours' },
    ]);
    const strangersTeam = await teamOf(stranger, []);
    const notMember = await talent.gql.request(
      'mutation($input: ApplyToCohortInput!) { applyToCohort(input: $input) { id } }',
      { input: { cohortId, teamId: strangersTeam, projectIds: [theirs], pitch: PITCH } },
    );
    expect(failure(notMember.errors)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_TEAM_MEMBER' });
    const shortPitch = await talent.gql.request(
      'mutation($input: ApplyToCohortInput!) { applyToCohort(input: $input) { id } }',
      { input: { cohortId, projectIds: [await draftProject(talent, city)], pitch: 'hi' } },
    );
    expect(failure(shortPitch.errors).reason).toBe('VALIDATION_FAILED');
    const ended = await createCohort(incubator, programId, {
      startsOn: '2024-01-01',
      endsOn: '2024-06-30',
    });
    const late = await talent.gql.request(
      'mutation($input: ApplyToCohortInput!) { applyToCohort(input: $input) { id } }',
      { input: { cohortId: ended, projectIds: [await draftProject(talent, city)], pitch: PITCH } },
    );
    expect(failure(late.errors)).toEqual({ code: 'CONFLICT', reason: 'COHORT_CLOSED' });
  });

  it('withdrawal frees the seat; graduation keeps it; others cannot withdraw for the team', async () => {
    const cohortId = await createCohort(incubator, programId, { capacity: 1 });
    const first = await factory.talent();
    const second = await factory.talent();
    const a = await apply(first, cohortId, [await draftProject(first, city)]);
    const b = await apply(second, cohortId, [await draftProject(second, city)]);
    await admit(incubator, a.id);
    const full = await incubator.gql.request(
      'mutation($id: ID!) { admitApplication(id: $id) { id } }',
      { id: b.id },
    );
    expect(failure(full.errors)).toEqual({ code: 'CONFLICT', reason: 'COHORT_FULL' });

    const notTheirs = await second.gql.request(
      'mutation($id: ID!) { withdrawApplication(id: $id) { id } }',
      { id: a.id },
    );
    expect(failure(notTheirs.errors)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_APPLICANT' });
    const { withdrawApplication } = await first.gql.data<{ withdrawApplication: ApplicationView }>(
      `mutation($id: ID!) { withdrawApplication(id: $id) { ${APPLICATION_FIELDS} } }`,
      { id: a.id },
    );
    expect(withdrawApplication.state).toBe('WITHDRAWN');
    expect(withdrawApplication.endedAt).not.toBeNull();

    await admit(incubator, b.id);
    const { graduateApplication } = await incubator.gql.data<{
      graduateApplication: ApplicationView;
    }>(`mutation($id: ID!) { graduateApplication(id: $id) { ${APPLICATION_FIELDS} } }`, {
      id: b.id,
    });
    expect(graduateApplication.state).toBe('GRADUATED');
    const { cohort } = await app.gql.data<{ cohort: { admittedCount: number } }>(
      'query($id: ID!) { cohort(id: $id) { admittedCount } }',
      { id: cohortId },
    );
    expect(cohort.admittedCount).toBe(1);
  });

  it('applications are seen by the applicant and the incubator only', async () => {
    const cohortId = await createCohort(incubator, programId);
    const talent = await factory.talent();
    const application = await apply(talent, cohortId, [await draftProject(talent, city)]);
    const read = (user: TestUser) =>
      user.gql.request('query($id: ID!) { cohortApplication(id: $id) { id } }', {
        id: application.id,
      });
    expect((await read(talent)).errors).toBeUndefined();
    expect((await read(incubator)).errors).toBeUndefined();
    expect(failure((await read(await factory.talent())).errors)).toEqual({
      code: 'NOT_FOUND',
      reason: 'APPLICATION_NOT_FOUND',
    });
    expect(failure((await read(await factory.incubator())).errors).code).toBe('NOT_FOUND');
    const { myCohortApplications } = await talent.gql.data<{
      myCohortApplications: { edges: { node: { id: string } }[] };
    }>('{ myCohortApplications(first: 10) { edges { node { id } } } }');
    expect(myCohortApplications.edges.map((edge) => edge.node.id)).toEqual([application.id]);
    const listed = await (
      await factory.incubator()
    ).gql.request(
      'query($cohortId: ID!) { cohortApplications(cohortId: $cohortId) { totalCount } }',
      { cohortId },
    );
    expect(failure(listed.errors)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_INCUBATOR_MEMBER' });
  });

  it('20 concurrent admissions to 5 seats admit exactly 5', async () => {
    const cohortId = await createCohort(incubator, programId, { capacity: 5 });
    const talents = await Promise.all(Array.from({ length: 20 }, () => factory.talent()));
    const applications = await Promise.all(
      talents.map(async (talent) => apply(talent, cohortId, [await draftProject(talent, city)])),
    );
    const results = await Promise.all(
      applications.map((application) =>
        incubator.gql.request('mutation($id: ID!) { admitApplication(id: $id) { id state } }', {
          id: application.id,
        }),
      ),
    );
    const admitted = results.filter((result) => !result.errors);
    const refused = results.filter((result) => result.errors);
    expect(admitted).toHaveLength(5);
    expect(refused.map((result) => failure(result.errors))).toEqual(
      Array.from({ length: 15 }, () => ({ code: 'CONFLICT', reason: 'COHORT_FULL' })),
    );
    const [row] = await app.db.query(
      `SELECT c.admitted_count, (SELECT count(*)::int FROM incubation_application a
          WHERE a.cohort_id = c.id AND a.state = 'ADMITTED') AS admitted
         FROM incubation_cohort c WHERE c.id = $1`,
      [cohortId],
    );
    expect(row).toEqual({ admitted_count: 5, admitted: 5 });
  });
});
