import { randomUUID } from 'node:crypto';
import { seedCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { cloneChildren, cloneRow } from '../support/row-cloner';
import { expectFlatRead, expectFlatStatements, pageStatements } from '../support/statement-count';
import { startTestApp, TestApp } from '../support/test-app';
import { createCohort, createProgram } from './incubation-test-kit';

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

type Page<T> = { edges: { node: T }[] };

const PROGRAMS = `query($organizationId: ID!, $first: Int!) {
  programs(organizationId: $organizationId, first: $first) {
    edges { node { id organization { id }
      cohorts { id kpiMetrics { name } milestones { title } } } }
  }
}`;

const MY_APPLICATIONS = `query($first: Int!) {
  myCohortApplications(first: $first) {
    edges { node { id allowedNextStates team { name }
      cohort { name kpiMetrics { name } milestones { title } }
      milestones { overdue milestone { title } completion { evidence } } } }
  }
}`;

const OVERDUE = `query($cohortId: ID!) {
  overdueKpiReports(cohortId: $cohortId) {
    period dueSince application { id team { name } cohort { name } }
  }
}`;

const DRAFT = `query($applicationId: ID!, $period: String!) {
  kpiReportDraft(applicationId: $applicationId, period: $period) {
    period entries { value platformDerived metric { name } }
  }
}`;

const AGGREGATES = `query($cityId: ID!) {
  incubatorAggregates(cityId: $cityId) { organizationId name cohorts activeVentures revenueTotal }
}`;

/**
 * Incubation lists not covered by incubation-queries.e2e-spec.ts: programs with their cohorts, a
 * talent's own applications, overdue reports and a report draft's entries, at 2 rows and at 50.
 */
describe('N+1 guard: programs, my applications, overdue reports, report drafts', () => {
  let app: TestApp;
  let incubator: TestMember;
  let founder: TestUser;
  let admin: TestUser;
  /** Cities by how many incubators (each with a program and a cohort) they have. */
  const cities: Record<number, string> = {};
  /** Cohorts by size: `size` admitted applications and `size` KPI metrics. */
  const cohorts: Record<number, { cohortId: string; applicationIds: string[] }> = {};

  async function cohortOf(size: number) {
    const cohortId = await createCohort(incubator, await createProgram(incubator), {
      startsOn: day(-400),
      endsOn: day(200),
      capacity: 60,
    });
    await incubator.gql.data(
      'mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }',
      { input: { cohortId, kind: 'CUSTOM', title: 'Demo day', dueOn: day(-1) } },
    );
    const { defineKpiMetric } = await incubator.gql.data<{ defineKpiMetric: { id: string } }>(
      'mutation($input: DefineKpiMetricInput!) { defineKpiMetric(input: $input) { id } }',
      { input: { cohortId, kind: 'CUSTOM', name: 'Workshops held', unit: 'workshops' } },
    );
    for (let i = 1; i < size; i += 1) {
      await cloneRow(app.db, 'incubation_kpi_metric', defineKpiMetric.id, {
        name: `Workshops held ${i}`,
      });
    }
    const applicationIds = Array.from({ length: size }, () => randomUUID());
    const userIds = applicationIds.map(() => randomUUID());
    await app.db.query(
      `INSERT INTO user_account (id, email, password_hash, display_name, roles)
       SELECT u, 'rs-' || u || '@example.test', 'x', 'Founder ' || left(u::text, 6), '{TALENT}'
         FROM unnest($1::uuid[]) u`,
      [userIds],
    );
    await app.db.query(
      `INSERT INTO incubation_application (id, cohort_id, applicant_user_id, pitch, state, decided_at, admitted_at)
       SELECT a, $2, u, 'A pitch', 'ADMITTED', now() - interval '300 days', now() - interval '300 days'
         FROM unnest($1::uuid[], $3::uuid[]) AS t(a, u)`,
      [applicationIds, cohortId, userIds],
    );
    return { cohortId, applicationIds };
  }

  beforeAll(async () => {
    app = await startTestApp();
    const factory = new IdentityFactory(app);
    incubator = await factory.incubator();
    founder = await factory.talent();
    admin = await factory.admin();
    for (const size of [2, 50]) cohorts[size] = await cohortOf(size);
    // 50 more programs with a cohort each; the founder was admitted to every one of them.
    const programId = await createProgram(incubator);
    const firstCohort = await createCohort(incubator, programId);
    const [{ id: applicationId }]: { id: string }[] = await app.db.query(
      `INSERT INTO incubation_application (cohort_id, applicant_user_id, pitch, state, decided_at, admitted_at)
       VALUES ($1, $2, 'A pitch', 'ADMITTED', now(), now()) RETURNING id`,
      [firstCohort, founder.id],
    );
    for (let i = 0; i < 49; i += 1) {
      const program = await cloneRow(app.db, 'incubation_program', programId, {
        name: `Program copy ${i}`,
      });
      await cloneChildren(app.db, 'incubation_cohort', 'program_id', programId, program);
      const [{ id: cohortId }]: { id: string }[] = await app.db.query(
        'SELECT id FROM incubation_cohort WHERE program_id = $1',
        [program],
      );
      await cloneRow(app.db, 'incubation_application', applicationId, { cohort_id: cohortId });
    }
    for (const size of [2, 50]) {
      const { cityId } = await seedCity(app.db, 0);
      cities[size] = cityId;
      for (let i = 0; i < size; i += 1) {
        const organization = await cloneRow(app.db, 'organization', incubator.organizationId, {
          city_id: cityId,
          district_id: null,
          name: `Incubator ${size}-${i}`,
        });
        const program = await cloneRow(app.db, 'incubation_program', programId, {
          organization_id: organization,
          city_id: cityId,
        });
        await cloneRow(app.db, 'incubation_cohort', firstCohort, {
          program_id: program,
          organization_id: organization,
          city_id: cityId,
        });
      }
    }
  }, 300_000);

  afterAll(() => app.close());

  it('programs{organization cohorts{kpiMetrics milestones}}', async () => {
    const variables = { organizationId: incubator.organizationId };
    const page = await pageStatements(app.db, async (first) => {
      const data = await app.gql.data<{ programs: Page<{ cohorts: unknown[] }> }>(PROGRAMS, {
        ...variables,
        first,
      });
      expect(data.programs.edges.every((edge) => edge.node.cohorts.length === 1)).toBe(true);
      return data.programs.edges.length;
    });
    expectFlatRead(app, PROGRAMS, () => variables, page);
  });

  it('myCohortApplications{cohort team milestones}', async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await founder.gql.data<{ myCohortApplications: Page<unknown> }>(
        MY_APPLICATIONS,
        { first },
      );
      return data.myCohortApplications.edges.length;
    });
    expectFlatRead(app, MY_APPLICATIONS, () => ({}), page);
  });

  it('overdueKpiReports{application{team cohort}}: 2 admitted teams vs 50', async () => {
    const page = await pageStatements(app.db, async (size) => {
      const { overdueKpiReports } = await incubator.gql.data<{
        overdueKpiReports: { application: { id: string } }[];
      }>(OVERDUE, { cohortId: cohorts[size].cohortId });
      return new Set(overdueKpiReports.map((report) => report.application.id)).size;
    });
    expect(page.rows).toEqual({ small: 2, large: 50 });
    expectFlatStatements(page);
  });

  it('kpiReportDraft{entries{metric}}: 2 metrics vs 50', async () => {
    const page = await pageStatements(app.db, async (size) => {
      const { kpiReportDraft } = await incubator.gql.data<{
        kpiReportDraft: { entries: { metric: { name: string } }[] };
      }>(DRAFT, { applicationId: cohorts[size].applicationIds[0], period: '2026-Q1' });
      return kpiReportDraft.entries.length;
    });
    expect(page.rows).toEqual({ small: 2, large: 50 });
    expectFlatStatements(page);
  });

  it('incubatorAggregates: 2 incubators in a city vs 50, as an ADMIN', async () => {
    const page = await pageStatements(app.db, async (size) => {
      const { incubatorAggregates } = await admin.gql.data<{
        incubatorAggregates: { cohorts: number }[];
      }>(AGGREGATES, { cityId: cities[size] });
      expect(incubatorAggregates.every((aggregate) => aggregate.cohorts === 1)).toBe(true);
      return incubatorAggregates.length;
    });
    expect(page.rows).toEqual({ small: 2, large: 50 });
    expectFlatStatements(page);
  });
});
