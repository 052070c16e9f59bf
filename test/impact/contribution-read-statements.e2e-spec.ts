import { periodOf, previousPeriod } from '@cc/impact';
import { seedCity, SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestUser } from '../support/identity.factory';
import {
  createIndicatorSystemVersion,
  officialStatistic,
  twoSubsystems,
} from '../support/indicator-system.kit';
import { cloneRow } from '../support/row-cloner';
import { expectFlatRead, pageStatements } from '../support/statement-count';
import { startTestApp, TestApp } from '../support/test-app';
import { publishedProject } from '../matching/matching-kit';
import { couplingQueueDrained, importCsv, uniqueKeys } from './impact-test-kit';

jest.setTimeout(120_000);

const CONTRIBUTIONS = `query($cityId: ID!, $period: String!, $version: Int!, $first: Int!) {
  projectContributions(cityId: $cityId, period: $period, version: $version, first: $first) {
    edges { node { id projectId period deltaD systemVersion status run { id }
      deltaU { name delta } parts { indicator amount numerator }
      shares { deltaD deltaU { name delta } parts { indicator amount } }
      project { id title } } }
  }
}`;

const VERSIONS = `query($cityId: ID!, $first: Int!) {
  indicatorSystemVersions(cityId: $cityId, first: $first) {
    edges { node { id version cityId city { id name } periodGranularity note createdAt
      basis { origin fixedAt } method { indicatorWeighting subsystemWeighting }
      subsystems { name indicators { key source } } modelJson } }
  }
}`;

/** A city-scoped version: an official statistic (U1) and the projects published there (U2). */
function versionInput(cityId: string, statistic: string, note: string) {
  return {
    cityId,
    note,
    basis: { origin: 'PANEL' },
    subsystems: twoSubsystems(
      [officialStatistic(statistic, 'Visitors')],
      [{ key: 'projects_published', label: 'Projects', source: 'PLATFORM' }],
    ),
  };
}

/**
 * The officials' ranking of a city's period (50 projects published in it, one through the API
 * and 49 copies, computed by the worker with a version of that city) and the indicator-system
 * versions of a city (50 of its own), at 2 rows and at 50. Both versions' cities are this
 * file's own, so the versions in force elsewhere stay as they were.
 */
describe('N+1 guard: project contributions and indicator-system versions', () => {
  let app: TestApp;
  let admin: TestUser;
  let ranked: SeededCity;
  let listed: SeededCity;
  let version: number;
  const period = periodOf(new Date());

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    const factory = new IdentityFactory(app);
    admin = await factory.admin();
    const owner = await factory.talent();
    [ranked, listed] = [await seedCity(app.db, 0), await seedCity(app.db, 0)];

    const projectId = await publishedProject(owner, ranked);
    for (let i = 1; i < 50; i += 1) {
      await cloneRow(app.db, 'project', projectId, { title: `Bookmarks ${i}` });
    }
    // Two samples (entropy weights need two): a quarter without projects and this one.
    const [{ code }] = await app.db.query('SELECT code FROM city WHERE id = $1', [ranked.cityId]);
    const { visitors } = uniqueKeys('visitors');
    const imported = await importCsv(
      admin.gql,
      `city,period,${visitors}\n${code},${previousPeriod(period).key},800\n${code},${period.key},1000\n`,
    );
    expect(imported.rowsImported).toBe(2);
    // Created last, its first run reads every project and statistic above.
    ({ version } = await createIndicatorSystemVersion(
      admin.gql,
      versionInput(ranked.cityId, visitors, 'ranked'),
    ));

    // A city without data: each version's first run finds no sample and writes no snapshot.
    for (let i = 0; i < 50; i += 1) {
      await createIndicatorSystemVersion(
        admin.gql,
        versionInput(listed.cityId, visitors, `listed ${i}`),
      );
    }
    await couplingQueueDrained(app, 90_000);
  }, 240_000);

  afterAll(() => app?.close());

  it('projectContributions{systemVersion status run deltaU parts shares project}: 50 projects of one period', async () => {
    const variables = { cityId: ranked.cityId, period: period.key, version };
    const page = await pageStatements(app.db, async (first) => {
      const data = await admin.gql.data<{ projectContributions: { edges: unknown[] } }>(
        CONTRIBUTIONS,
        { ...variables, first },
      );
      return data.projectContributions.edges.length;
    });
    expectFlatRead(app, CONTRIBUTIONS, () => variables, page);
  });

  it('indicatorSystemVersions{city basis method subsystems}: 50 versions of one city', async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await admin.gql.data<{ indicatorSystemVersions: { edges: unknown[] } }>(
        VERSIONS,
        { cityId: listed.cityId, first },
      );
      return data.indicatorSystemVersions.edges.length;
    });
    expectFlatRead(app, VERSIONS, () => ({ cityId: listed.cityId }), page);
  });
});
