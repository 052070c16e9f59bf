import { periodOf, PeriodGranularity } from '@cc/impact';
import { RETAIL_INDICATORS, RetailIndicatorSource } from '@cc/retail';
import { CouplingRecomputeService } from '../../libs/impact/src/coupling-jobs/coupling-recompute.service';
import { SALES_INDICATORS } from '../../libs/retail/src/retail-coupling';
import { seedCity } from '../support/catalog.factory';
import { IdentityFactory } from '../support/identity.factory';
import {
  createIndicatorSystemVersion,
  goalpostedPlatformInput,
  revenueAndSellThroughInput,
} from '../support/indicator-system.kit';
import { deliveredProject } from '../support/marketplace.factory';
import { placedProduct } from '../support/placed-product';
import { eventually, startTestApp, TestApp } from '../support/test-app';
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

    // Called directly here; the end-to-end path through the worker is tested below.
    const values = await app.api.get(RetailIndicatorSource, { strict: false }).collect({
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
      // One brand at two outlets (the project's alone: no other project shares them).
      brand_reach: { total: 2, parts: [{ projectId: delivered.projectId, amount: 2, alone: 2 }] },
      // The ONLINE shop is no scene.
      scene_coverage: {
        total: 1,
        parts: [{ projectId: delivered.projectId, amount: 1, alone: 1 }],
      },
      // The city's one catalogued resource is the project's.
      resource_activation: {
        total: { numerator: 1, denominator: 1 },
        parts: [
          {
            projectId: delivered.projectId,
            amount: { numerator: 1, denominator: 0 },
            alone: { numerator: 1, denominator: 0 },
          },
        ],
      },
      products_in_market: { total: 1, parts: only(1) },
    });
  });

  it('a sale announces the outlet’s city and the product’s city when they differ', async () => {
    const factory = new IdentityFactory(app);
    const home = await factory.defaultCity();
    const elsewhere = await seedCity(app.db, 1);
    const delivered = await deliveredProject(factory, home, { quantity: 50 });
    const retailer = await factory.retailer();
    const productId = await createProduct(delivered.owner, delivered.projectId, { brand: 'Away' });
    const outletId = await createOutlet(retailer, elsewhere);
    const offered = await offerPlacement(delivered.owner, {
      productId,
      outletId,
      terms: consignment(2000),
    });
    await acceptPlacement(retailer, offered.id);
    // Written to the outbox with the sale (this app runs no worker to relay them).
    const announced = async () =>
      (
        (await app.db.query(
          `SELECT payload FROM outbox_event WHERE job_name = 'CouplingInputsChangedJob'
              AND payload->>'reason' = 'sale recorded' AND payload->>'cityId' = ANY($1::text[])
            ORDER BY id`,
          [[home.cityId, elsewhere.cityId]],
        )) as { payload: { cityId: string; indicators: string[] } }[]
      ).map(({ payload }) => ({
        cityId: payload.cityId,
        indicators: [...payload.indicators].sort(),
      }));
    const before = await announced();
    await retailer.gql.data(RECORD_SALE, {
      input: {
        outletId,
        productId,
        quantity: 2,
        unitPrice: 1000,
        soldAt: new Date().toISOString(),
        externalId: 'AWAY-1',
      },
    });
    const after = (await announced()).slice(before.length);
    expect(after).toEqual(
      expect.arrayContaining([
        { cityId: elsewhere.cityId, indicators: [...SALES_INDICATORS].sort() },
        { cityId: home.cityId, indicators: ['resource_activation', 'sell_through'] },
      ]),
    );
  });
});

describe('retail: a recorded sale reaches the city coupling snapshot', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
  });

  afterAll(() => app.close());

  it('is reflected in the stored snapshot after the queue drains', async () => {
    const { city, retailer, productId, outletId } = await placedProduct(app, {
      quantity: 100,
      commissionBp: 2000,
      brand: 'Tiexi',
    });
    await retailer.gql.data(RECORD_SALE, {
      input: {
        outletId,
        productId,
        quantity: 4,
        unitPrice: 2500,
        soldAt: new Date().toISOString(),
        externalId: 'E2E-1',
      },
    });

    const period = periodOf(new Date()).key;
    const [row] = await eventually(async () => {
      const rows: { raw_values: Record<string, number> }[] = await app.db.query(
        `SELECT raw_values FROM coupling_snapshot WHERE city_id = $1 AND period = $2 AND run_id = (SELECT current_run_id FROM indicator_system_version v WHERE v.id = system_version_id)`,
        [city.cityId, period],
      );
      // 4 × 2500 fen = 100 yuan, from this city's only sale.
      return rows.length && rows[0].raw_values.creative_sales_revenue === 100 ? rows : undefined;
    }, 30_000);
    expect(row.raw_values.creative_sales_revenue).toBe(100);
  });

  it('a delivered, unsold product lowers its city’s sell-through, and its project’s ΔD is negative', async () => {
    const factory = new IdentityFactory(app);
    const admin = await factory.admin();
    const city = await seedCity(app.db, 1);
    const selling = await deliveredProject(factory, city, { quantity: 100 });
    const idle = await deliveredProject(factory, city, { quantity: 100 });
    const retailer = await factory.retailer();
    const productId = await createProduct(selling.owner, selling.projectId, { brand: 'Sells' });
    await createProduct(idle.owner, idle.projectId, { brand: 'Sits' });
    const outletId = await createOutlet(retailer, city);
    const offered = await offerPlacement(selling.owner, {
      productId,
      outletId,
      terms: consignment(2000),
    });
    await acceptPlacement(retailer, offered.id);
    await retailer.gql.data(RECORD_SALE, {
      input: {
        outletId,
        productId,
        quantity: 40,
        unitPrice: 1000,
        soldAt: new Date().toISOString(),
        externalId: 'SELL-40',
      },
    });
    const version = await createIndicatorSystemVersion(
      admin.gql,
      revenueAndSellThroughInput(city.cityId, 10_000),
    );
    await app.worker!.get(CouplingRecomputeService).recompute(version.id);
    const period = periodOf(new Date()).key;
    const [row] = await app.db.query(
      `SELECT * FROM coupling_snapshot WHERE system_version_id = $1 AND city_id = $2 AND period = $3
          AND run_id = (SELECT current_run_id FROM indicator_system_version v WHERE v.id = system_version_id)`,
      [version.id, city.cityId, period],
    );
    // 40 sold of the 200 units in market: the idle project's 100 units count.
    expect(row.trace.sell_through).toMatchObject({ numerator: 40, denominator: 200 });
    expect(row.raw_values.sell_through).toBe(0.2);
    const contributions: {
      project_id: string;
      raw_parts: Record<string, unknown>;
      delta_d: number;
    }[] = await app.db.query('SELECT * FROM project_contribution WHERE snapshot_id = $1', [row.id]);
    const of = (id: string) => contributions.find((c) => c.project_id === id)!;
    expect(of(idle.projectId).raw_parts.sell_through).toEqual({ numerator: 0, denominator: 100 });
    expect(of(idle.projectId).delta_d).toBeLessThan(0);
    expect(of(selling.projectId).delta_d).toBeGreaterThan(0);
  });

  it('shared items: the true ΔD drops only what a project has alone; shares split them 1/k', async () => {
    const factory = new IdentityFactory(app);
    const admin = await factory.admin();
    const city = await seedCity(app.db, 1);
    const cityId = city.cityId;
    const official = await factory.official({ cityId, admin });
    const p = await deliveredProject(factory, city, { quantity: 100 });
    const q = await deliveredProject(factory, city, { quantity: 100 });
    const retailer = await factory.retailer();
    const shop = await createOutlet(retailer, city);
    const kiosk = await createOutlet(retailer, city, { name: 'Kiosk', type: 'SCENIC_SPOT' });
    const productOf = async (project: typeof p) =>
      createProduct(project.owner, project.projectId, { brand: 'Shared' });
    const [pProduct, qProduct] = [await productOf(p), await productOf(q)];
    const place = async (project: typeof p, productId: string, outletId: string) =>
      acceptPlacement(
        retailer,
        (await offerPlacement(project.owner, { productId, outletId, terms: consignment(2000) })).id,
      );
    await place(p, pProduct, shop);
    await place(q, qProduct, shop);
    await place(p, pProduct, kiosk);
    let n = 0;
    const sell = (outletId: string, productId: string) =>
      retailer.gql.data(RECORD_SALE, {
        input: {
          outletId,
          productId,
          quantity: 1,
          unitPrice: 1000,
          soldAt: new Date().toISOString(),
          externalId: `SH-${++n}`,
        },
      });
    await sell(shop, pProduct);
    await sell(shop, qProduct);
    await sell(kiosk, pProduct);

    const version = await createIndicatorSystemVersion(
      admin.gql,
      goalpostedPlatformInput(
        cityId,
        [{ key: 'scene_coverage', label: 'Scenes', upper: 10 }],
        [
          { key: 'brand_reach', label: 'Brands', upper: 10, weight: 0.5 },
          { key: 'resource_activation', label: 'Resources', upper: 1, weight: 0.5 },
        ],
      ),
    );
    await app.worker!.get(CouplingRecomputeService).recompute(version.id);
    const period = periodOf(new Date()).key;
    const CONTRIBUTIONS = `query($cityId: ID!, $period: String!, $v: Int) {
      projectContributions(cityId: $cityId, period: $period, version: $v, first: 10) { edges { node {
        projectId deltaD run { id } parts { indicator amount numerator }
        shares { deltaD parts { indicator amount numerator } } } } } }`;
    type Part = { indicator: string; amount: number | null; numerator: number | null };
    type Node = {
      projectId: string;
      deltaD: number;
      run: { id: string };
      parts: Part[];
      shares: { deltaD: number; parts: Part[] };
    };
    const { projectContributions } = await official.gql.data<{
      projectContributions: { edges: { node: Node }[] };
    }>(CONTRIBUTIONS, { cityId, period, v: version.version });
    const byId = Object.fromEntries(
      projectContributions.edges.map((e) => [e.node.projectId, e.node]),
    );
    const partOf = (parts: Part[], key: string) => parts.find((x) => x.indicator === key);
    // q sells only where p sells too: without q the city covers the same outlets, brand pairs and resource.
    expect(byId[q.projectId].deltaD).toBe(0);
    expect(partOf(byId[q.projectId].parts, 'scene_coverage')?.amount).toBe(0);
    expect(partOf(byId[q.projectId].shares.parts, 'scene_coverage')?.amount).toBe(0.5);
    expect(partOf(byId[q.projectId].shares.parts, 'resource_activation')?.numerator).toBe(0.5);
    expect(byId[q.projectId].shares.deltaD).toBeGreaterThan(0);
    // p alone sells at the kiosk: its true ΔD is what removing it in the what-if gives.
    expect(partOf(byId[p.projectId].parts, 'scene_coverage')?.amount).toBe(1);
    expect(partOf(byId[p.projectId].shares.parts, 'scene_coverage')?.amount).toBe(1.5);
    expect(byId[p.projectId].deltaD).toBeGreaterThan(0);
    const { simulateCoupling } = await official.gql.data<{ simulateCoupling: { deltaD: number } }>(
      `query($cityId: ID!, $period: String!, $v: Int, $remove: [ID!]) {
         simulateCoupling(cityId: $cityId, period: $period, version: $v, removeProjects: $remove) { deltaD } }`,
      { cityId, period, v: version.version, remove: [p.projectId] },
    );
    expect(simulateCoupling.deltaD).toBeCloseTo(-byId[p.projectId].deltaD, 12);
  });
});
