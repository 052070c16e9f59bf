import { randomUUID } from 'node:crypto';
import { IdentityFactory, TestMember } from '../support/identity.factory';
import { countQueries } from '../support/sql-counter';
import { startTestApp, TestApp } from '../support/test-app';
import { createCohort, createProgram } from './incubation-test-kit';

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const PORTFOLIO = `query($incubatorId: ID!, $cohortId: ID) {
  portfolio(incubatorId: $incubatorId, cohortId: $cohortId, first: 60) {
    totalCount
    edges { node { id teamName milestonesDone milestonesOverdue revenue sellThrough
      latestKpis { value trend recent metric { name } } projects { projectId } } }
    summary { cohortId teams }
  }
}`;

const APPLICATIONS = `query($cohortId: ID!) {
  cohortApplications(cohortId: $cohortId, first: 60) {
    edges { node { id allowedNextStates team { name }
      cohort { name milestones { title } kpiMetrics { name } }
      milestones { overdue milestone { title } completion { evidence } } } }
  }
}`;

const REPORTS = `query($applicationId: ID!) {
  kpiReports(applicationId: $applicationId) { period entries { value platformDerived metric { name } } }
}`;

describe('N+1 guard: incubation lists load their per-row fields in batches', () => {
  let app: TestApp;
  let incubator: TestMember;
  const cohorts: Record<number, { cohortId: string; applicationIds: string[] }> = {};

  /** `size` admitted talents (applying alone), each with a completion; the first with `size` reports. */
  async function cohortOf(size: number): Promise<{ cohortId: string; applicationIds: string[] }> {
    const cohortId = await createCohort(incubator, await createProgram(incubator), {
      startsOn: day(-400),
      endsOn: day(200),
      capacity: 60,
    });
    const milestones: string[] = [];
    for (const [kind, title] of [
      ['CUSTOM', 'Demo day'],
      ['PROTOTYPE', 'Prototype'],
    ]) {
      const { createMilestone } = await incubator.gql.data<{ createMilestone: { id: string } }>(
        'mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }',
        { input: { cohortId, kind, title, dueOn: day(-1) } },
      );
      milestones.push(createMilestone.id);
    }
    const { defineKpiMetric } = await incubator.gql.data<{ defineKpiMetric: { id: string } }>(
      'mutation($input: DefineKpiMetricInput!) { defineKpiMetric(input: $input) { id } }',
      { input: { cohortId, kind: 'JOBS_CREATED' } },
    );
    const applicationIds = Array.from({ length: size }, () => randomUUID());
    const userIds = applicationIds.map(() => randomUUID());
    await app.db.query(
      `INSERT INTO user_account (id, email, password_hash, display_name, roles)
       SELECT u, 'n1-' || u || '@example.test', 'x', 'Founder ' || left(u::text, 6), '{TALENT}'
         FROM unnest($1::uuid[]) u`,
      [userIds],
    );
    await app.db.query(
      `INSERT INTO incubation_application (id, cohort_id, applicant_user_id, pitch, state, decided_at, admitted_at)
       SELECT a, $2, u, 'A pitch', 'ADMITTED', now() - interval '300 days', now() - interval '300 days'
         FROM unnest($1::uuid[], $3::uuid[]) AS t(a, u)`,
      [applicationIds, cohortId, userIds],
    );
    await app.db.query('UPDATE incubation_cohort SET admitted_count = $2 WHERE id = $1', [
      cohortId,
      size,
    ]);
    await app.db.query(
      `INSERT INTO incubation_milestone_completion (milestone_id, application_id, completed_at, evidence, source, marked_by_user_id)
       SELECT $1, a, now(), 'Jury notes', 'MANUAL', $3 FROM unnest($2::uuid[]) a`,
      [milestones[0], applicationIds, incubator.id],
    );
    const reports: string[] = await app.db
      .query(
        `INSERT INTO incubation_kpi_report (application_id, period, submitted_by_user_id, submitted_at)
         SELECT $1, (1900 + n) || '-Q1', $3, now() FROM generate_series(1, $2::int) n RETURNING id`,
        [applicationIds[0], size, userIds[0]],
      )
      .then((rows: { id: string }[]) => rows.map((row) => row.id));
    await app.db.query(
      `INSERT INTO incubation_kpi_value (report_id, metric_id, value, platform_derived)
       SELECT r, $2, 3, false FROM unnest($1::uuid[]) r`,
      [reports, defineKpiMetric.id],
    );
    return { cohortId, applicationIds };
  }

  beforeAll(async () => {
    app = await startTestApp();
    incubator = await new IdentityFactory(app).incubator();
    for (const size of [2, 50]) cohorts[size] = await cohortOf(size);
  });

  afterAll(() => app.close());

  const statements = (query: string, variables: Record<string, unknown>, rows: number) =>
    countQueries(app.db, async () => {
      const data = await incubator.gql.data<Record<string, unknown>>(query, variables);
      expect(JSON.stringify(data).match(/"id":|"period":/g)?.length).toBeGreaterThanOrEqual(rows);
    });

  it('runs as many statements for a portfolio of 50 teams as for one of 2', async () => {
    const run = (size: number) =>
      statements(
        PORTFOLIO,
        { incubatorId: incubator.organizationId, cohortId: cohorts[size].cohortId },
        size,
      );
    const [small, large] = [await run(2), await run(50)];
    expect(large.length).toBe(small.length);
  });

  it('runs as many statements for 50 applications with their cohort, team and milestones as for 2', async () => {
    const run = (size: number) =>
      statements(APPLICATIONS, { cohortId: cohorts[size].cohortId }, size);
    const [small, large] = [await run(2), await run(50)];
    expect(large.length).toBe(small.length);
    const { cohortApplications } = await incubator.gql.data<{
      cohortApplications: { edges: { node: { milestones: { completion: unknown }[] } }[] };
    }>(APPLICATIONS, { cohortId: cohorts[50].cohortId });
    expect(cohortApplications.edges).toHaveLength(50);
    for (const { node } of cohortApplications.edges) {
      expect(node.milestones.filter((m) => m.completion)).toHaveLength(1);
    }
  });

  it('runs as many statements for 50 KPI reports with their entries as for 2', async () => {
    const run = (size: number) =>
      statements(REPORTS, { applicationId: cohorts[size].applicationIds[0] }, size);
    const [small, large] = [await run(2), await run(50)];
    expect(large.length).toBe(small.length);
    const { kpiReports } = await incubator.gql.data<{
      kpiReports: { entries: { value: number; metric: { name: string } }[] }[];
    }>(REPORTS, { applicationId: cohorts[50].applicationIds[0] });
    expect(kpiReports).toHaveLength(50);
    for (const report of kpiReports)
      expect(report.entries).toEqual([
        { value: 3, platformDerived: false, metric: { name: expect.any(String) } },
      ]);
  });
});
