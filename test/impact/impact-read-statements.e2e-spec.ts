import { IdentityFactory, TestUser } from '../support/identity.factory';
import { createIndicatorSystemVersion, officialPairInput } from '../support/indicator-system.kit';
import { expectFlatRead, pageStatements } from '../support/statement-count';
import { startTestApp, TestApp } from '../support/test-app';
import {
  couplingQueueDrained,
  importCsv,
  seedTestCity,
  TestCity,
  uniqueKeys,
} from './impact-test-kit';

jest.setTimeout(120_000);

const STATISTICS = `query($cityId: ID!, $first: Int!) {
  officialStatistics(cityId: $cityId, first: $first) {
    edges { node { id indicator period periodStart value importId } }
  }
}`;

const SNAPSHOT_FIELDS = `id period city { id } systemVersion { version } run { id }
  subsystems { name score } indicators { key raw } warnings { code }`;

const SERIES = `query($cityId: ID!, $version: Int!, $first: Int!) {
  couplingSnapshots(cityId: $cityId, from: "2014-Q1", to: "2026-Q4", version: $version, first: $first) {
    edges { node { ${SNAPSHOT_FIELDS} } }
  }
}`;

const COMPARE = `query($version: Int!, $first: Int!) {
  compareCities(period: "2026-Q1", version: $version, first: $first) {
    edges { node { ${SNAPSHOT_FIELDS} } }
  }
}`;

/**
 * A city's official statistics (one imported CSV of 50 quarters) and the snapshots the worker
 * computes from them with a version of two official-statistic indicators: that city's series of
 * 50 quarters, and 50 cities compared in one quarter, at 2 rows and at 50.
 */
describe('N+1 guard: official statistics and coupling snapshots', () => {
  let app: TestApp;
  let admin: TestUser;
  let city: TestCity;
  let version: number;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    admin = await new IdentityFactory(app).admin();
    city = await seedTestCity(app);
    const others: TestCity[] = [];
    for (let i = 0; i < 49; i += 1) others.push(await seedTestCity(app));
    const keys = uniqueKeys('visitors', 'patents');
    ({ version } = await createIndicatorSystemVersion(
      admin.gql,
      officialPairInput(keys, { basis: { origin: 'PANEL' } }),
    ));
    // 50 quarters of one city (2014-Q1 … 2026-Q2), and 2026-Q1 of 49 more.
    const rows = [
      ...Array.from(
        { length: 50 },
        (_, i) =>
          `${city.code},${2014 + Math.floor(i / 4)}-Q${1 + (i % 4)},${1000 + 37 * i},${20 + (i % 7)}`,
      ),
      ...others.map((other, i) => `${other.code},2026-Q1,${900 + 53 * i},${15 + (i % 5)}`),
    ];
    const imported = await importCsv(
      admin.gql,
      `city,period,${keys.visitors},${keys.patents}\n${rows.join('\n')}\n`,
    );
    expect(imported.rowsImported).toBe(99);
    await couplingQueueDrained(app, 90_000);
  }, 180_000);

  afterAll(() => app.close());

  it('officialStatistics', async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await admin.gql.data<{ officialStatistics: { edges: unknown[] } }>(STATISTICS, {
        cityId: city.id,
        first,
      });
      return data.officialStatistics.edges.length;
    });
    expectFlatRead(app, STATISTICS, () => ({ cityId: city.id }), page);
  });

  it('couplingSnapshots{city systemVersion run subsystems indicators}: a city over 50 quarters', async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await admin.gql.data<{ couplingSnapshots: { edges: unknown[] } }>(SERIES, {
        cityId: city.id,
        version,
        first,
      });
      return data.couplingSnapshots.edges.length;
    });
    expectFlatRead(app, SERIES, () => ({ cityId: city.id, version }), page);
  });

  it('compareCities{city systemVersion run subsystems indicators}: 50 cities in one quarter', async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await admin.gql.data<{ compareCities: { edges: unknown[] } }>(COMPARE, {
        version,
        first,
      });
      return data.compareCities.edges.length;
    });
    expectFlatRead(app, COMPARE, () => ({ version }), page);
  });
});
