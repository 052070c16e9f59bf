import { periodOf, periodsBetween } from '@cc/impact';
import {
  acceptPlacement,
  consignment,
  createOutlet,
  createProduct,
  offerPlacement,
  RECORD_SALE,
} from '../retail/retail-test-kit';
import { SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { deliveredProject } from '../support/marketplace.factory';
import { startTestApp, TestApp } from '../support/test-app';
import { admit, apply, createCohort, createProgram, failure } from './incubation-test-kit';

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const DRAFT = `query($applicationId: ID!, $period: String!) {
  kpiReportDraft(applicationId: $applicationId, period: $period) {
    period entries { value platformDerived metric { id kind name unit platformDerived } } } }`;
const SUBMIT = `mutation($input: SubmitKpiReportInput!) { submitKpiReport(input: $input) {
  id period entries { value platformDerived metric { kind } } } }`;

interface Entry {
  value: number | null;
  platformDerived: boolean;
  metric: { id: string; kind: string; name: string; unit: string; platformDerived: boolean };
}

describe('incubation: KPI reports, collected once', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;
  let incubator: TestMember;
  let owner: TestUser;
  let cohortId: string;
  let applicationId: string;
  const metricIds: Record<string, string> = {};
  const period = periodOf(new Date()).key;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    city = await factory.defaultCity();
    incubator = await factory.incubator();
    const delivered = await deliveredProject(factory, city, { quantity: 200 });
    owner = delivered.owner;
    const retailer = await factory.retailer();
    const productId = await createProduct(owner, delivered.projectId);
    const outletId = await createOutlet(retailer, city);
    const offered = await offerPlacement(owner, { productId, outletId, terms: consignment(2000) });
    await acceptPlacement(retailer, offered.id);
    for (const [externalId, quantity, unitPrice] of [
      ['K-1', 3, 12_800],
      ['K-2', 7, 9_950],
    ] as const) {
      await retailer.gql.data(RECORD_SALE, {
        input: {
          outletId,
          productId,
          quantity,
          unitPrice,
          soldAt: new Date().toISOString(),
          externalId,
        },
      });
    }

    cohortId = await createCohort(incubator, await createProgram(incubator), {
      startsOn: day(-400),
      endsOn: day(200),
    });
    for (const input of [
      { kind: 'REVENUE' },
      { kind: 'UNITS_SOLD' },
      { kind: 'PLACEMENTS' },
      { kind: 'JOBS_CREATED' },
    ]) {
      const { defineKpiMetric } = await incubator.gql.data<{ defineKpiMetric: { id: string } }>(
        'mutation($input: DefineKpiMetricInput!) { defineKpiMetric(input: $input) { id } }',
        { input: { cohortId, ...input } },
      );
      metricIds[input.kind] = defineKpiMetric.id;
    }
    const application = await apply(owner, cohortId, [delivered.projectId]);
    await admit(incubator, application.id);
    applicationId = application.id;
  });

  afterAll(() => app.close());

  it('pre-fills revenue, units sold and placements from the recorded sales, read-only', async () => {
    const { kpiReportDraft } = await owner.gql.data<{
      kpiReportDraft: { period: string; entries: Entry[] };
    }>(DRAFT, { applicationId, period });
    const byKind = Object.fromEntries(kpiReportDraft.entries.map((e) => [e.metric.kind, e]));
    // 3 × ¥128.00 + 7 × ¥99.50 = ¥1080.50, 10 units, one placement started this quarter.
    expect(byKind.REVENUE).toMatchObject({ value: 1080.5, platformDerived: true });
    expect(byKind.REVENUE.metric.unit).toBe('CNY');
    expect(byKind.UNITS_SOLD).toMatchObject({ value: 10, platformDerived: true });
    expect(byKind.PLACEMENTS).toMatchObject({ value: 1, platformDerived: true });
    expect(byKind.JOBS_CREATED).toMatchObject({ value: null, platformDerived: false });
  });

  it('refuses a changed platform value and a missing team value; accepts confirmed ones', async () => {
    const submit = (values: { metricId: string; value: number }[]) =>
      owner.gql.request(SUBMIT, { input: { applicationId, period, values } });

    const overwrite = await submit([
      { metricId: metricIds.REVENUE, value: 5000 },
      { metricId: metricIds.JOBS_CREATED, value: 2 },
    ]);
    expect(failure(overwrite.errors)).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'PLATFORM_DERIVED_READ_ONLY',
    });
    expect(overwrite.errors?.[0].extensions?.fieldErrors).toEqual([
      {
        field: 'values.0.value',
        message:
          '“Revenue” is platform-derived: the platform recorded 1080.5; confirm it or leave it out',
      },
    ]);
    const missing = await submit([{ metricId: metricIds.REVENUE, value: 1080.5 }]);
    expect(failure(missing.errors)).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'MISSING_KPI_VALUE',
    });

    const accepted = await submit([
      { metricId: metricIds.REVENUE, value: 1080.5 },
      { metricId: metricIds.JOBS_CREATED, value: 3 },
    ]);
    expect(accepted.errors).toBeUndefined();
    const stored = await app.db.query(
      `SELECT m.kind, v.value, v.platform_derived FROM incubation_kpi_value v
         JOIN incubation_kpi_metric m ON m.id = v.metric_id
         JOIN incubation_kpi_report r ON r.id = v.report_id
        WHERE r.application_id = $1 ORDER BY m.kind::text`,
      [applicationId],
    );
    expect(stored).toEqual(
      [
        { kind: 'REVENUE', value: 1080.5, platform_derived: true },
        { kind: 'UNITS_SOLD', value: 10, platform_derived: true },
        { kind: 'PLACEMENTS', value: 1, platform_derived: true },
        { kind: 'JOBS_CREATED', value: 3, platform_derived: false },
      ].sort((a, b) => a.kind.localeCompare(b.kind)),
    );
  });

  it('refuses reports for periods outside the team’s, and from anyone but the team', async () => {
    const values = [{ metricId: metricIds.JOBS_CREATED, value: 1 }];
    const outside = await owner.gql.request(SUBMIT, {
      input: { applicationId, period: '2020-Q1', values },
    });
    expect(failure(outside.errors)).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_PERIOD' });
    const monthly = await owner.gql.request(SUBMIT, {
      input: { applicationId, period: '2020-01', values },
    });
    expect(failure(monthly.errors).reason).toBe('INVALID_PERIOD');
    const garbage = await owner.gql.request(SUBMIT, {
      input: { applicationId, period: 'last quarter', values },
    });
    expect(failure(garbage.errors).reason).toBe('VALIDATION_FAILED');
    const unknownMetric = await owner.gql.request(SUBMIT, {
      input: { applicationId, period, values: [{ metricId: cohortId, value: 1 }] },
    });
    expect(failure(unknownMetric.errors)).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'METRIC_NOT_FOUND',
    });
    // Resubmitting a period replaces the team's values.
    const resubmitted = await owner.gql.request(SUBMIT, {
      input: { applicationId, period, values },
    });
    expect(resubmitted.errors).toBeUndefined();
    const notTeam = await (
      await factory.talent()
    ).gql.request(SUBMIT, { input: { applicationId, period, values } });
    expect(failure(notTeam.errors)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_APPLICANT' });
    const incubatorTries = await incubator.gql.request(SUBMIT, {
      input: { applicationId, period, values },
    });
    expect(failure(incubatorTries.errors)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_APPLICANT' });
  });

  it('lists overdue reports for the incubator and tells the team once', async () => {
    // Admitted ~200 days ago: the quarters since then have ended without reports.
    await app.db.query(
      `UPDATE incubation_application SET admitted_at = now() - interval '200 days' WHERE id = $1`,
      [applicationId],
    );
    const admittedQuarter = periodOf(new Date(Date.now() - 200 * 86_400_000));
    const expected = periodsBetween(admittedQuarter, periodOf(new Date()))
      .slice(0, -1)
      .map((p) => p.key);
    expect(expected.length).toBeGreaterThanOrEqual(2);
    const { overdueKpiReports } = await incubator.gql.data<{
      overdueKpiReports: { period: string; application: { id: string } }[];
    }>(
      'query($id: ID!) { overdueKpiReports(cohortId: $id) { period dueSince application { id } } }',
      {
        id: cohortId,
      },
    );
    expect(overdueKpiReports.map((o) => o.period)).toEqual(expected);
    expect(new Set(overdueKpiReports.map((o) => o.application.id))).toEqual(
      new Set([applicationId]),
    );

    const remind = () =>
      incubator.gql.data<{ remindOverdueKpiReports: number }>(
        'mutation($id: ID!) { remindOverdueKpiReports(cohortId: $id) }',
        { id: cohortId },
      );
    expect((await remind()).remindOverdueKpiReports).toBe(expected.length);
    expect((await remind()).remindOverdueKpiReports).toBe(0);
    const { notifications } = await owner.gql.data<{
      notifications: { edges: { node: { title: string } }[] };
    }>('{ notifications(first: 50) { edges { node { title } } } }');
    const titles = notifications.edges.map((edge) => edge.node.title);
    for (const key of expected) expect(titles).toContain(`KPI report for ${key} is overdue`);

    const outsider = await (
      await factory.incubator()
    ).gql.request('query($id: ID!) { overdueKpiReports(cohortId: $id) { period } }', {
      id: cohortId,
    });
    expect(failure(outsider.errors)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_INCUBATOR_MEMBER' });
  });
});
