import { IdentityFactory, TestUser } from '../support/identity.factory';
import { expectFlatRead, pageStatements } from '../support/statement-count';
import { startTestApp, TestApp } from '../support/test-app';
import { importCsv, seedTestCity, TestCity, uniqueKeys } from './impact-test-kit';

const STATISTICS = `query($cityId: ID!, $first: Int!) {
  officialStatistics(cityId: $cityId, first: $first) {
    edges { node { id indicator period periodStart value importId } }
  }
}`;

/** A city's official statistics (one imported CSV of 50 quarters), at 2 rows and at 50. */
describe('N+1 guard: official statistics', () => {
  let app: TestApp;
  let admin: TestUser;
  let city: TestCity;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await new IdentityFactory(app).admin();
    city = await seedTestCity(app);
    const { visitors } = uniqueKeys('visitors');
    const rows = Array.from(
      { length: 50 },
      (_, i) => `${city.code},${2000 + Math.floor(i / 4)}-Q${1 + (i % 4)},${1000 + i}`,
    );
    const imported = await importCsv(admin.gql, `city,period,${visitors}\n${rows.join('\n')}\n`);
    expect(imported.rowsImported).toBe(50);
  });

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
});
