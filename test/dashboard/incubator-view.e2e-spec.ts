import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, chromium, Page } from 'playwright-core';
import { runMigrations } from '@cc/database';
import { createDatabaseIfMissing, databaseUrl, dropDatabase } from '@cc/local-infra';
import { DEMO_LOGINS } from '../../apps/seed/src/generators/people.generator';
import { DEMO_PASSWORD, seedDatabase } from '../../apps/seed/src/seed';
import { TEST_STATE_KEYS } from '../setup/test-env';
import { withEnv } from '../support/env-override';
import { GraphqlClient } from '../support/graphql-client';
import { testIp } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';
import {
  ARTIFACTS,
  buildDashboard,
  CHROMIUM,
  CHROMIUM_FLAGS,
  requireChromium,
} from './browser-kit';

jest.setTimeout(180_000);

interface Team {
  teamName: string;
  cohortName: string;
  state: string;
  revenue: number;
  unitsSold: number;
  milestonesDone: number;
  milestonesTotal: number;
  milestonesOverdue: number;
  latestKpis: { recent: number[] }[];
}

/** Each body row of the table as its cells' texts (the row header first). */
async function rowsOf(page: Page, caption: RegExp): Promise<string[][]> {
  const table = page.getByRole('table', { name: caption });
  await table.waitFor();
  return table
    .locator('tbody tr')
    .evaluateAll((rows) =>
      rows.map((row) => [...row.children].map((cell) => (cell.textContent ?? '').trim())),
    );
}

describe('the incubator view in a real browser, on the demo city', () => {
  const serverUrl = process.env[TEST_STATE_KEYS.serverUrl]!;
  const name = `${process.env[TEST_STATE_KEYS.database]!}_incubator_view`;
  const url = databaseUrl(serverUrl, name);
  let env: { restore(): void };
  let app: TestApp;
  let browser: Browser;
  let incubator: GraphqlClient;
  let incubatorId: string;
  let teams: Team[];
  const pageErrors: string[] = [];

  async function signIn(): Promise<Page> {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1400, height: 1000 },
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${app.baseUrl}/dashboard/`);
    await page.getByLabel(/Email/).fill(DEMO_LOGINS.incubator);
    await page.getByLabel(/Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: /Sign in/ }).click();
    await page.getByRole('button', { name: /Sign out/ }).waitFor();
    return page;
  }

  beforeAll(async () => {
    requireChromium();
    buildDashboard();
    mkdirSync(ARTIFACTS, { recursive: true });
    await createDatabaseIfMissing(serverUrl, name);
    await runMigrations(url);
    await seedDatabase(url, { scale: 0.1, seed: 'incubator-view', now: new Date() });
    env = withEnv({ DATABASE_URL: url });
    app = await startTestApp();
    const response = await app.gql.request<{ login: { accessToken: string } }>(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email: DEMO_LOGINS.incubator, password: DEMO_PASSWORD },
      { 'x-forwarded-for': testIp() },
    );
    incubator = app.gql.as(response.data!.login.accessToken);
    const { myOrganizations } = await incubator.data<{
      myOrganizations: { edges: { node: { id: string } }[] };
    }>('{ myOrganizations(filter: { kind: INCUBATOR }, first: 5) { edges { node { id } } } }');
    incubatorId = myOrganizations.edges[0].node.id;
    const { portfolio } = await incubator.data<{ portfolio: { edges: { node: Team }[] } }>(
      `query($id: ID!) { portfolio(incubatorId: $id, first: 50) { edges { node {
        teamName cohortName state revenue unitsSold milestonesDone milestonesTotal milestonesOverdue
        latestKpis { recent } } } } }`,
      { id: incubatorId },
    );
    teams = portfolio.edges.map((edge) => edge.node);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  }, 300_000);

  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    env?.restore();
    await dropDatabase(serverUrl, name);
  });

  it('shows the demo incubator’s portfolio as the API gives it, with a KPI trend per team', async () => {
    // The demo owns a portfolio with sales: graduated and admitted teams.
    expect(teams.length).toBeGreaterThanOrEqual(4);
    expect(new Set(teams.map((t) => t.state))).toEqual(new Set(['ADMITTED', 'GRADUATED']));
    expect(teams.some((t) => t.revenue > 0)).toBe(true);
    const page = await signIn();
    await page.getByRole('link', { name: /Portfolio/ }).waitFor();
    const rows = await rowsOf(page, /Teams holding a seat/);
    expect(rows.map((row) => row.slice(0, 8))).toEqual(
      teams.map((t) => [
        t.teamName,
        t.cohortName,
        t.state,
        t.revenue.toFixed(2),
        String(t.unitsSold),
        expect.any(String),
        `${t.milestonesDone}/${t.milestonesTotal}`,
        String(t.milestonesOverdue),
      ]),
    );
    const withKpis = teams.filter((t) => t.latestKpis.length).length;
    expect(withKpis).toBeGreaterThan(0);
    await page.getByTestId('kpi-sparkline').first().locator('svg').waitFor();
    await expect(page.getByTestId('kpi-sparkline').count()).resolves.toBe(withKpis);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-incubator.png'), fullPage: true });
    await page.context().close();
  });

  it('lists the overdue KPI reports the API lists', async () => {
    const { programs } = await incubator.data<{
      programs: { edges: { node: { cohorts: { id: string; name: string }[] } }[] };
    }>(
      'query($id: ID!) { programs(organizationId: $id, first: 10) { edges { node { cohorts { id name } } } } }',
      {
        id: incubatorId,
      },
    );
    const expected: string[][] = [];
    for (const cohort of programs.edges.flatMap((edge) => edge.node.cohorts)) {
      const { overdueKpiReports } = await incubator.data<{
        overdueKpiReports: {
          period: string;
          dueSince: string;
          application: { team: { name: string } };
        }[];
      }>(
        'query($id: ID!) { overdueKpiReports(cohortId: $id) { period dueSince application { team { name } } } }',
        { id: cohort.id },
      );
      for (const report of overdueKpiReports) {
        expected.push([
          report.application.team.name,
          cohort.name,
          report.period,
          report.dueSince.slice(0, 10),
        ]);
      }
    }
    // The demo leaves one report overdue.
    expect(expected.length).toBeGreaterThanOrEqual(1);
    const page = await signIn();
    await expect(rowsOf(page, /KPI reports past due/)).resolves.toEqual(expected);
    await page.context().close();
  });

  it('downloads the portfolio export: one line per team the table shows', async () => {
    const page = await signIn();
    await page.getByRole('table', { name: /Teams holding a seat/ }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: /Download CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('portfolio.csv');
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const [header, ...lines] = text.trimEnd().split(/\r?\n/);
    expect(header).toMatch(/team/i);
    expect(lines).toHaveLength(teams.length);
    for (const team of teams) expect(text).toContain(team.teamName);
    await page.context().close();
  });

  it('starts the download from the keyboard', async () => {
    const page = await signIn();
    await page.getByRole('table', { name: /Teams holding a seat/ }).waitFor();
    const download = page.getByRole('button', { name: /Download CSV/ });
    await download.focus();
    const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(file.suggestedFilename()).toBe('portfolio.csv');
    await page.context().close();
  });
});
