import { periodOf, previousPeriod } from '@cc/impact';
import {
  acceptPlacement,
  consignment,
  createOutlet,
  createProduct,
  offerPlacement,
  RECORD_SALE,
} from '../retail/retail-test-kit';
import { seedCity, SeededCity } from '../support/catalog.factory';
import { GraphqlClient } from '../support/graphql-client';
import { IdentityFactory, TestMember, TestOfficial, TestUser } from '../support/identity.factory';
import { deliveredProject, teamOf } from '../support/marketplace.factory';
import { startTestApp, TestApp } from '../support/test-app';
import {
  admit,
  apply,
  createCohort,
  createProgram,
  draftProject,
  failure,
} from './incubation-test-kit';

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const HOSTILE = '=HYPERLINK("http://evil.example","click")';

const PORTFOLIO = `query($incubatorId: ID!, $cohortId: ID, $filter: PortfolioFilterInput, $orderBy: PortfolioOrder, $first: Int, $after: String) {
  portfolio(incubatorId: $incubatorId, cohortId: $cohortId, filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    summary { cohortId teams revenueTotal revenueMedian unitsSoldTotal unitsSoldMedian sellThroughMedian milestonesDone milestonesOverdue }
    edges { node { id teamName state unitsDelivered unitsSold revenue sellThrough couplingDeltaD
      milestonesTotal milestonesDone milestonesOverdue
      projects { projectId title state unitsDelivered unitsSold revenue coupling { period deltaD } }
      latestKpis { period value previousValue trend recent metric { kind } } } } } }`;

interface Entry {
  id: string;
  teamName: string;
  state: string;
  unitsDelivered: number;
  unitsSold: number;
  revenue: number;
  sellThrough: number | null;
  couplingDeltaD: number;
  milestonesTotal: number;
  milestonesDone: number;
  milestonesOverdue: number;
  projects: { projectId: string; title: string; state: string; unitsSold: number }[];
  latestKpis: {
    period: string;
    value: number;
    previousValue: number | null;
    trend: string;
    recent: number[];
    metric: { kind: string };
  }[];
}

interface PortfolioView {
  portfolio: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    summary: Record<string, unknown>[];
    edges: { node: Entry }[];
  };
}

describe('incubation: the portfolio, its export and who sees what', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;
  let incubator: TestMember;
  let otherIncubator: TestMember;
  let lead: TestUser;
  let official: TestOfficial;
  let admin: TestUser;
  let cohortId: string;
  const applications: Record<string, string> = {};
  const metricIds: Record<string, string> = {};

  const csv = (user: TestUser | undefined, query: string) =>
    fetch(`${app.baseUrl}/incubation/portfolio.csv?${query}`, {
      headers: user ? { authorization: `Bearer ${user.accessToken}` } : {},
    });

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    city = await factory.defaultCity();
    admin = await factory.admin();
    incubator = await factory.incubator('Shenyang Cultural-Creative Park');
    otherIncubator = await factory.incubator();
    official = await factory.official({ admin });
    cohortId = await createCohort(incubator, await createProgram(incubator), {
      startsOn: day(-400),
      endsOn: day(200),
    });
    await incubator.gql.data(
      'mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }',
      { input: { cohortId, kind: 'CUSTOM', title: 'Demo day', dueOn: day(-1) } },
    );
    await incubator.gql.data(
      'mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }',
      { input: { cohortId, kind: 'FIRST_PRODUCTION_ORDER' } },
    );
    for (const kind of ['REVENUE', 'JOBS_CREATED']) {
      const { defineKpiMetric } = await incubator.gql.data<{ defineKpiMetric: { id: string } }>(
        'mutation($input: DefineKpiMetricInput!) { defineKpiMetric(input: $input) { id } }',
        { input: { cohortId, kind } },
      );
      metricIds[kind] = defineKpiMetric.id;
    }

    // Team one: a delivered project with sales.
    lead = await factory.talent();
    const teamId = await teamOf(lead, []);
    await app.db.query(`UPDATE team SET name = 'Tiexi Works' WHERE id = $1`, [teamId]);
    const delivered = await deliveredProject(factory, city, {
      owner: lead,
      teamId,
      quantity: 200,
      title: 'Foundry bookends',
    });
    const retailer = await factory.retailer();
    const productId = await createProduct(lead, delivered.projectId);
    const outletId = await createOutlet(retailer, city);
    const offered = await offerPlacement(lead, { productId, outletId, terms: consignment(2000) });
    await acceptPlacement(retailer, offered.id);
    await retailer.gql.data(RECORD_SALE, {
      input: {
        outletId,
        productId,
        quantity: 50,
        unitPrice: 10_000,
        soldAt: new Date().toISOString(),
        externalId: 'P-1',
      },
    });
    // Held for review (over 5× the list price): counts in no unit or revenue figure.
    const held = await retailer.gql.data<{ recordSale: { held: boolean } }>(
      'mutation($input: RecordSaleInput!) { recordSale(input: $input) { held } }',
      {
        input: {
          outletId,
          productId,
          quantity: 3,
          unitPrice: 100_000,
          soldAt: new Date().toISOString(),
          externalId: 'P-HELD',
        },
      },
    );
    expect(held.recordSale.held).toBe(true);
    applications.tiexi = (await apply(lead, cohortId, [delivered.projectId], teamId)).id;

    // Team two: a hostile name and a draft project.
    const hostileLead = await factory.talent();
    const hostileTeam = await teamOf(hostileLead, []);
    await app.db.query(`UPDATE team SET name = $2 WHERE id = $1`, [hostileTeam, HOSTILE]);
    const draft = await draftProject(hostileLead, city, { teamId: hostileTeam });
    applications.hostile = (await apply(hostileLead, cohortId, [draft], hostileTeam)).id;

    // A talent alone who leaves.
    const leaver = await factory.talent();
    applications.leaver = (await apply(leaver, cohortId, [await draftProject(leaver, city)])).id;

    for (const id of Object.values(applications)) await admit(incubator, id);
    await leaver.gql.data('mutation($id: ID!) { withdrawApplication(id: $id) { id } }', {
      id: applications.leaver,
    });

    // Two quarters of reports for team one: admitted long enough ago for the last quarter.
    await app.db.query(
      `UPDATE incubation_application SET admitted_at = now() - interval '120 days' WHERE id = $1`,
      [applications.tiexi],
    );
    const current = periodOf(new Date());
    for (const [period, jobs] of [
      [previousPeriod(current).key, 2],
      [current.key, 5],
    ] as const) {
      await lead.gql.data(
        'mutation($input: SubmitKpiReportInput!) { submitKpiReport(input: $input) { id } }',
        {
          input: {
            applicationId: applications.tiexi,
            period,
            values: [{ metricId: metricIds.JOBS_CREATED, value: jobs }],
          },
        },
      );
    }
  });

  afterAll(() => app.close());

  const portfolioAs = (client: GraphqlClient, variables: Record<string, unknown> = {}) =>
    client.request<PortfolioView>(PORTFOLIO, {
      incubatorId: incubator.organizationId,
      ...variables,
    });

  it('shows each team with projects, sales, sell-through, milestones and KPI trends, sortable', async () => {
    const { data, errors } = await portfolioAs(incubator.gql, { orderBy: 'REVENUE_DESC' });
    expect(errors).toBeUndefined();
    const { portfolio } = data!;
    expect(portfolio.totalCount).toBe(2);
    const [tiexi, hostile] = portfolio.edges.map((edge) => edge.node);
    expect(tiexi).toMatchObject({
      id: applications.tiexi,
      teamName: 'Tiexi Works',
      state: 'ADMITTED',
      unitsDelivered: 200,
      unitsSold: 50,
      revenue: 5000,
      sellThrough: 0.25,
      couplingDeltaD: 0,
      milestonesTotal: 2,
      // The bid accepted before the admission was ticked at admission; demo day is overdue.
      milestonesDone: 1,
      milestonesOverdue: 1,
    });
    expect(tiexi.projects).toEqual([
      expect.objectContaining({ title: 'Foundry bookends', state: 'IN_MARKET', unitsSold: 50 }),
    ]);
    const kpis = Object.fromEntries(tiexi.latestKpis.map((kpi) => [kpi.metric.kind, kpi]));
    expect(kpis.JOBS_CREATED).toMatchObject({
      period: periodOf(new Date()).key,
      value: 5,
      previousValue: 2,
      trend: 'UP',
      recent: [2, 5],
    });
    expect(kpis.REVENUE).toMatchObject({ value: 5000, previousValue: 0, trend: 'UP' });
    expect(hostile).toMatchObject({ teamName: HOSTILE, revenue: 0, sellThrough: null });
    expect(hostile.projects[0].state).toBe('DRAFT');

    expect(portfolio.summary).toEqual([
      {
        cohortId,
        teams: 2,
        revenueTotal: 5000,
        revenueMedian: 2500,
        unitsSoldTotal: 50,
        unitsSoldMedian: 25,
        sellThroughMedian: 0.25,
        milestonesDone: 1,
        milestonesOverdue: 2,
      },
    ]);
  });

  it('filters by name, state and overdue milestones, and pages', async () => {
    const names = async (variables: Record<string, unknown>) =>
      (await portfolioAs(incubator.gql, variables)).data!.portfolio.edges.map(
        (e) => e.node.teamName,
      );
    expect(await names({ filter: { text: 'tiexi' } })).toEqual(['Tiexi Works']);
    expect(await names({ filter: { states: ['WITHDRAWN'] } })).toHaveLength(1);
    expect(await names({ filter: { hasOverdueMilestones: false } })).toEqual([]);
    expect(await names({ orderBy: 'TEAM_NAME' })).toEqual([HOSTILE, 'Tiexi Works']);
    const first = (await portfolioAs(incubator.gql, { first: 1, orderBy: 'TEAM_NAME' })).data!
      .portfolio;
    expect(first.pageInfo.hasNextPage).toBe(true);
    expect(
      await names({ first: 1, after: first.pageInfo.endCursor, orderBy: 'TEAM_NAME' }),
    ).toEqual(['Tiexi Works']);
    const badCohort = await portfolioAs(incubator.gql, { cohortId: otherIncubator.organizationId });
    expect(failure(badCohort.errors)).toEqual({ code: 'NOT_FOUND', reason: 'COHORT_NOT_FOUND' });
    const badState = await portfolioAs(incubator.gql, { filter: { states: ['NOPE'] } });
    expect(failure(badState.errors).code).toBe('BAD_USER_INPUT');
  });

  it('authorization matrix: incubator its own, team its own, officials aggregates of their city', async () => {
    const portfolioCode = async (client: GraphqlClient) =>
      failure((await portfolioAs(client)).errors);
    expect(await portfolioCode(incubator.gql)).toEqual({ code: undefined, reason: undefined });
    expect(await portfolioCode(otherIncubator.gql)).toEqual({
      code: 'FORBIDDEN',
      reason: 'NOT_INCUBATOR_MEMBER',
    });
    for (const user of [lead, official, admin]) {
      expect(await portfolioCode(user.gql)).toEqual({ code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' });
    }
    expect((await portfolioCode(app.gql)).code).toBe('UNAUTHENTICATED');

    const AGGREGATES = `query($cityId: ID!) { incubatorAggregates(cityId: $cityId) {
      organizationId name cohorts activeVentures graduated revenueTotal revenueMedian unitsSoldTotal milestonesDone } }`;
    const { incubatorAggregates } = await official.gql.data<{
      incubatorAggregates: Record<string, unknown>[];
    }>(AGGREGATES, { cityId: city.cityId });
    expect(incubatorAggregates).toContainEqual({
      organizationId: incubator.organizationId,
      name: 'Shenyang Cultural-Creative Park',
      cohorts: 1,
      activeVentures: 2,
      graduated: 0,
      revenueTotal: 5000,
      revenueMedian: 2500,
      unitsSoldTotal: 50,
      milestonesDone: 1,
    });
    expect(JSON.stringify(incubatorAggregates)).not.toContain('Tiexi Works');
    expect((await admin.gql.request(AGGREGATES, { cityId: city.cityId })).errors).toBeUndefined();
    const elsewhere = await seedCity(app.db, 0);
    expect(
      failure((await official.gql.request(AGGREGATES, { cityId: elsewhere.cityId })).errors),
    ).toEqual({ code: 'FORBIDDEN', reason: 'OFFICIAL_SCOPE_REQUIRED' });
    expect(
      failure((await incubator.gql.request(AGGREGATES, { cityId: city.cityId })).errors),
    ).toEqual({
      code: 'FORBIDDEN',
      reason: 'ROLE_REQUIRED',
    });

    const REPORTS = 'query($id: ID!) { kpiReports(applicationId: $id) { period } }';
    expect((await lead.gql.request(REPORTS, { id: applications.tiexi })).errors).toBeUndefined();
    expect(
      (await incubator.gql.request(REPORTS, { id: applications.tiexi })).errors,
    ).toBeUndefined();
    for (const user of [otherIncubator, await factory.talent()]) {
      expect(failure((await user.gql.request(REPORTS, { id: applications.tiexi })).errors)).toEqual(
        {
          code: 'NOT_FOUND',
          reason: 'APPLICATION_NOT_FOUND',
        },
      );
    }

    const query = `incubatorId=${incubator.organizationId}`;
    expect((await csv(incubator, query)).status).toBe(200);
    const foreign = await csv(otherIncubator, query);
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { reason: 'NOT_INCUBATOR_MEMBER' } });
    expect((await csv(lead, query)).status).toBe(403);
    expect((await csv(official, query)).status).toBe(403);
    expect((await csv(undefined, query)).status).toBe(401);
    const malformed = await csv(incubator, 'incubatorId=nope');
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ error: { reason: 'INVALID_FILTER' } });
  });

  it('exports the portfolio as CSV with every text cell quoted and formulas defused', async () => {
    const response = await csv(
      incubator,
      `incubatorId=${incubator.organizationId}&cohortId=${cohortId}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const lines = (await response.text()).split('\r\n');
    expect(lines[0]).toBe(
      '"cohort","team","state","admitted_at","projects","project_states","units_delivered","units_sold","revenue_cny","sell_through","milestones_done","milestones_overdue","milestones_total","coupling_delta_d","latest_kpis"',
    );
    expect(lines).toHaveLength(4); // header, two teams, and the final empty string
    expect(lines[3]).toBe('');
    const hostileRow = lines.find((line) => line.includes('HYPERLINK'))!;
    expect(
      hostileRow.startsWith(
        '"Spring 2027","\'=HYPERLINK(""http://evil.example"",""click"")","ADMITTED",',
      ),
    ).toBe(true);
    const tiexiRow = lines.find((line) => line.includes('Tiexi Works'))!;
    expect(tiexiRow).toContain('"Foundry bookends","IN_MARKET",200,50,5000,0.25,1,1,2,0,');
    expect(tiexiRow).toContain(`Jobs created ${periodOf(new Date()).key}=5 (UP)`);
  });
});
