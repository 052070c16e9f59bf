import { periodOf, PeriodGranularity } from '@cc/impact';
import { RETAIL_INDICATORS, RetailIndicatorSource } from '@cc/retail';
import { IdentityFactory } from '../support/identity.factory';
import { deliveredProject } from '../support/marketplace.factory';
import { startTestApp, TestApp } from '../support/test-app';
import {
  acceptPlacement,
  consignment,
  createOutlet,
  createProduct,
  offerPlacement,
  RECORD_SALE,
} from './retail-test-kit';

describe('retail: platform indicators for the coupling metrics', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  it('feeds sales, reach, coverage, activation, sell-through, earnings and products in market, per project', async () => {
    const factory = new IdentityFactory(app);
    const city = await factory.defaultCity();
    const delivered = await deliveredProject(factory, city, { quantity: 500 });
    const retailer = await factory.retailer();
    const productId = await createProduct(delivered.owner, delivered.projectId, { brand: 'Fuyun' });
    const outletId = await createOutlet(retailer, city);
    const online = await createOutlet(retailer, city, { name: 'Web shop', type: 'ONLINE' });
    for (const outlet of [outletId, online]) {
      const offered = await offerPlacement(delivered.owner, {
        productId,
        outletId: outlet,
        terms: consignment(3330),
      });
      await acceptPlacement(retailer, offered.id);
    }
    const sale = (outlet: string, quantity: number, unitPrice: number, externalId: string) =>
      retailer.gql.data(RECORD_SALE, {
        input: {
          outletId: outlet,
          productId,
          quantity,
          unitPrice,
          soldAt: new Date().toISOString(),
          externalId,
        },
      });
    await sale(outletId, 3, 1000, 'I-1');
    await sale(outletId, 1, 2000, 'I-2');
    await sale(online, 1, 1000, 'I-3');

    // Not registered with the impact registry yet (see RetailWorkerModule): called directly.
    const values = await new RetailIndicatorSource(app.db).collect({
      granularity: PeriodGranularity.QUARTER,
      cityIds: [city.cityId],
      indicators: RETAIL_INDICATORS,
      utcOffsetMinutes: 480,
    });
    const period = periodOf(new Date()).key;
    const byIndicator = Object.fromEntries(
      values
        .filter((value) => value.period === period)
        .map((value) => [value.indicator, { total: value.total, parts: value.parts }]),
    );
    const only = (amount: unknown) => [{ projectId: delivered.projectId, amount }];
    expect(byIndicator).toEqual({
      creative_sales_revenue: { total: 60, parts: only(60) },
      // 6000 fen at 33.3% commission, one talent: 6000 × 0.667 = 4002 fen.
      talent_earnings: { total: 40.02, parts: only(40.02) },
      sell_through: {
        total: { numerator: 5, denominator: 500 },
        parts: only({ numerator: 5, denominator: 500 }),
      },
      // One brand at two outlets.
      brand_reach: { total: 2, parts: only(2) },
      // The ONLINE shop is no scene.
      scene_coverage: { total: 1, parts: only(1) },
      // The city's one catalogued resource is the project's.
      resource_activation: {
        total: { numerator: 1, denominator: 1 },
        parts: only({ numerator: 1, denominator: 0 }),
      },
      products_in_market: { total: 1, parts: only(1) },
    });
  });
});
