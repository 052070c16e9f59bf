import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';
import { COUPLING_LEVELS } from '@cc/coupling';
import {
  couplingQueueDrained,
  importCsv,
  seedTestCity,
  TestCity,
  uniqueKeys,
} from '../impact/impact-test-kit';
import { IdentityFactory, TestOfficial, TestUser } from '../support/identity.factory';
import {
  createIndicatorSystemVersion,
  officialStatistic,
  twoSubsystems,
} from '../support/indicator-system.kit';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import {
  ARTIFACTS,
  buildDashboard,
  CHROMIUM,
  CHROMIUM_FLAGS,
  requireChromium,
} from './browser-kit';

// The browser, the Vite build and the worker's snapshots take longer than a plain API test.
jest.setTimeout(120_000);

const QUARTERS = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];

interface SeriesNode {
  period: string;
  status: string;
  revision: number;
  coordinationDegree: number;
  couplingDegree: number;
  coordinationIndex: number;
  level: string;
}

describe('dashboard in a real browser', () => {
  let app: TestApp;
  let browser: Browser;
  let admin: TestUser;
  let official: TestOfficial;
  let talent: TestUser;
  let city: TestCity;
  let series: SeriesNode[];
  const keys = uniqueKeys('visitors', 'heritage', 'patents', 'unemployed');
  /** Uncaught errors in the dashboard's pages; every test ends expecting none. */
  const pageErrors: string[] = [];

  async function signIn(user: TestUser): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({
      acceptDownloads: true,
      viewport: { width: 1400, height: 1000 },
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${app.baseUrl}/dashboard/`);
    await page.getByLabel(/Email/).fill(user.email);
    await page.getByLabel(/Password/).fill(user.password);
    await page.getByRole('button', { name: /Sign in/ }).click();
    await page.getByRole('button', { name: /Sign out/ }).waitFor();
    return { context, page };
  }

  beforeAll(async () => {
    requireChromium();
    buildDashboard();
    mkdirSync(ARTIFACTS, { recursive: true });
    app = await startTestApp({ worker: true });
    const identity = new IdentityFactory(app);
    admin = await identity.admin();
    city = await seedTestCity(app);
    [official, talent] = await Promise.all([
      identity.official({ cityId: city.id, admin }),
      identity.talent(),
    ]);

    // The city's own indicator system, so snapshots of other test files never mix in.
    await createIndicatorSystemVersion(admin.gql, {
      cityId: city.id,
      subsystems: twoSubsystems(
        [
          officialStatistic(keys.visitors, 'Museum visitors'),
          officialStatistic(keys.heritage, 'Heritage sites open'),
        ],
        [
          officialStatistic(keys.patents, 'Design patents'),
          officialStatistic(keys.unemployed, 'Graduate unemployment', { direction: 'NEGATIVE' }),
        ],
      ),
    });
    const rows = QUARTERS.map((quarter, q) =>
      [
        city.code,
        quarter,
        120_000 + 30_000 * q,
        12 + 3 * q + (q % 2),
        40 + 15 * ((q * 5) % 4),
        0.05 - 0.01 * q,
      ].join(','),
    );
    await importCsv(
      admin.gql,
      [
        `city,period,${keys.visitors},${keys.heritage},${keys.patents},${keys.unemployed}`,
        ...rows,
      ].join('\n') + '\n',
    );
    series = await eventually(async () => {
      const { couplingSnapshots } = await official.gql.data<{
        couplingSnapshots: { edges: { node: SeriesNode }[] };
      }>(
        `query($cityId: ID!) { couplingSnapshots(cityId: $cityId, from: "2026-Q1", to: "2026-Q4", first: 10) {
          edges { node { period status revision coordinationDegree couplingDegree coordinationIndex level } } } }`,
        { cityId: city.id },
      );
      const nodes = couplingSnapshots.edges.map((edge) => edge.node);
      return nodes.length === QUARTERS.length && nodes;
    }, 45_000);
    await couplingQueueDrained(app);

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_FLAGS,
      headless: true,
    });
  });

  afterEach(() => expect(pageErrors.splice(0)).toEqual([]));

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it('is served by the api at /dashboard', async () => {
    const page = await fetch(`${app.baseUrl}/dashboard/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<main id="app"');
  });

  it('shows the official every seeded period on the level bands, and each period’s basis one click away', async () => {
    const { context, page } = await signIn(official);
    const chart = page.getByTestId('series-chart');
    await chart.locator('svg').waitFor();
    const texts = await chart.locator('svg text').allTextContents();
    for (const period of QUARTERS) expect(texts).toContain(period);
    // The ten bands are shaded and named in Chinese and English.
    for (const band of COUPLING_LEVELS) expect(texts).toContain(`${band.labelZh} ${band.label}`);
    // D, C, T of each period in the table beside the chart, from the API.
    const table = page.getByRole('table', { name: /Values per period/ });
    for (const node of series) {
      const row = table.getByRole('row', { name: new RegExp(`^${node.period}`) });
      await expect(row.getByRole('cell').first().textContent()).resolves.toBe(
        node.coordinationDegree.toFixed(4),
      );
    }
    await page.getByTestId('subsystems-chart').locator('svg').waitFor();
    await page.getByTestId('obstacle-chart').locator('svg').waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-official.png'), fullPage: true });

    // Basis and trace: a keyboard user opens the dialog from the table, and Esc closes it.
    await page.getByRole('button', { name: /Basis and trace of 2026-Q2/ }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: /Basis and trace: 2026-Q2/ });
    await dialog.getByRole('table').waitFor();
    for (const key of Object.values(keys)) await dialog.getByText(`(${key})`).waitFor();
    await expect(dialog.getByText('official-statistic').count()).resolves.toBe(4);
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-basis.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await context.close();
  });

  it('runs a what-if and shows D moving as the API computes it', async () => {
    const { context, page } = await signIn(official);
    const indicator = page.getByLabel(/^Indicator/);
    await indicator.locator(`option[value="${keys.patents}"]`).waitFor({ state: 'attached' });
    await indicator.selectOption(keys.patents);
    await page.getByLabel(/Add to its raw value/).fill('-30');
    await page.getByRole('button', { name: /Simulate/ }).click();
    const simulated = page.getByTestId('whatif-d');
    await simulated.waitFor();

    const { simulateCoupling } = await official.gql.data<{
      simulateCoupling: { coordinationDegree: number; base: { coordinationDegree: number } };
    }>(
      `query($cityId: ID!, $changes: [IndicatorDeltaInput!]!) {
        simulateCoupling(cityId: $cityId, period: "2026-Q4", changes: $changes) { coordinationDegree base { coordinationDegree } } }`,
      { cityId: city.id, changes: [{ indicator: keys.patents, delta: -30 }] },
    );
    expect(simulateCoupling.coordinationDegree).not.toBeCloseTo(
      simulateCoupling.base.coordinationDegree,
      4,
    );
    await expect(simulated.textContent()).resolves.toBe(
      simulateCoupling.coordinationDegree.toFixed(4),
    );
    await expect(page.getByTestId('whatif-base-d').textContent()).resolves.toBe(
      series[3].coordinationDegree.toFixed(4),
    );
    await page.screenshot({ path: join(ARTIFACTS, 'dashboard-what-if.png'), fullPage: true });

    // A bad what-if is explained, not swallowed.
    await indicator.selectOption('');
    await page.getByLabel(/Add to its raw value/).fill('0');
    await page.getByRole('button', { name: /Simulate/ }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /Nothing to simulate/ })
      .waitFor();
    await context.close();
  });

  it('downloads the time series as CSV with the rows the API returns', async () => {
    const { context, page } = await signIn(official);
    const panel = page.getByRole('region', { name: /Coupling coordination over time/ });
    await panel.locator('svg').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: /Download CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`${city.code}-coupling.csv`);
    const text = readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, '');
    const [header, ...lines] = text.trimEnd().split('\r\n');
    expect(header).toBe(
      'period,status,revision,D,C,T,level,level_en,level_zh,U_cultural_soft_power,U_talent_innovation',
    );
    expect(lines).toHaveLength(series.length);
    lines.forEach((line, i) => {
      const [period, status, revision, d, c, t, level, , levelZh] = line.split(',');
      const node = series[i];
      expect([period, status, Number(revision), Number(d), Number(c), Number(t), level]).toEqual([
        node.period,
        node.status,
        node.revision,
        node.coordinationDegree,
        node.couplingDegree,
        node.coordinationIndex,
        node.level,
      ]);
      expect(levelZh).toBe(COUPLING_LEVELS.find((band) => band.code === node.level)!.labelZh);
    });
    await context.close();
  });

  it('renews a refused access token with the refresh token, and explains a wrong password', async () => {
    const { context, page } = await signIn(official);
    await page.getByTestId('series-chart').locator('svg').waitFor();
    const storedToken = `(() => JSON.parse(sessionStorage.getItem('creative-chain.dashboard.session')).token)()`;
    await page.evaluate(`(() => {
      const key = 'creative-chain.dashboard.session';
      const session = JSON.parse(sessionStorage.getItem(key));
      sessionStorage.setItem(key, JSON.stringify({ ...session, token: 'an.expired.token' }));
    })()`);
    await page.reload();
    await page.getByTestId('series-chart').locator('svg').waitFor();
    const renewed = await page.evaluate<string>(storedToken);
    expect(renewed).not.toBe('an.expired.token');
    expect(renewed.split('.')).toHaveLength(3);
    await context.close();

    const anonymous = await browser.newContext();
    const login = await anonymous.newPage();
    login.on('pageerror', (error) => pageErrors.push(error.message));
    await login.goto(`${app.baseUrl}/dashboard/`);
    await login.getByLabel(/Email/).fill(official.email);
    await login.getByLabel(/Password/).fill('not-the-password');
    await login.getByRole('button', { name: /Sign in/ }).click();
    await login.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
    await expect(login.getByRole('button', { name: /Sign out/ }).count()).resolves.toBe(0);
    await anonymous.close();
  });

  it('refuses the queue board to a non-admin and opens it for an ADMIN', async () => {
    for (const user of [talent, official]) {
      const { context, page } = await signIn(user);
      // Each role lands on its own view: the talent on "my impact", the official on the city.
      const view = user === talent ? /My impact on the city/ : /Coupling coordination over time/;
      await page.getByRole('heading', { name: view }).waitFor();
      await expect(page.getByRole('button', { name: /Queue board/ }).count()).resolves.toBe(0);
      // The page's own request, with a valid token of a non-admin.
      const status = await page.evaluate(async (token) => {
        const response = await fetch('/admin/queues/session', {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        });
        return response.status;
      }, user.accessToken);
      expect(status).toBe(403);
      const board = await page.goto(`${app.baseUrl}/admin/queues`);
      expect(board!.status()).toBe(401);
      await context.close();
    }

    const { context, page } = await signIn(admin);
    await page.getByRole('button', { name: /Queue board/ }).click();
    await page.waitForURL(/\/admin\/queues/);
    await page.getByText('coupling', { exact: true }).first().waitFor();
    await page.screenshot({ path: join(ARTIFACTS, 'queue-board.png') });
    await context.close();
  });
});
