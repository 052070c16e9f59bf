import { PeriodGranularity, PlatformIndicatorRegistry } from '@cc/impact';
import { RETAIL_INDICATORS, RetailFactsService, RetailIndicatorSource } from '@cc/retail';
import { seedCity, SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { deliveredProject } from '../support/marketplace.factory';
import { seeded } from '../support/seeded-random';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import {
  acceptPlacement,
  consignment,
  createOutlet,
  createProduct,
  offerPlacement,
  RECORD_SALE,
  wholesale,
} from './retail-test-kit';

const SEED = 20261130;
const DAY_MS = 24 * 3600_000;
const END = `mutation($id: ID!, $reason: String) { endPlacement(id: $id, reason: $reason) { id state } }`;
const IMPORT_STATUS = `query($id: ID!) { salesImport(id: $id) { status importedRows duplicateRows } }`;

/**
 * The fact rows of these projects (other test files share the database), in a stable order, as
 * comparable text.
 */
async function factTables(
  app: TestApp,
  projectIds: string[],
): Promise<{ sales: unknown[]; items: unknown[] }> {
  return {
    sales: await app.db.query(
      `SELECT placement_id, to_char(month, 'YYYY-MM-DD') AS month, city_id, product_city_id,
              project_id, units::text, amount_fen::text, sales
         FROM retail_sale_fact WHERE project_id = ANY($1::uuid[]) ORDER BY placement_id, month`,
      [projectIds],
    ),
    items: await app.db.query(
      `SELECT indicator, to_char(month, 'YYYY-MM-DD') AS month, city_id, item_key, project_id
         FROM retail_indicator_item WHERE project_id = ANY($1::uuid[])
        ORDER BY indicator, month, city_id, item_key, project_id`,
      [projectIds],
    ),
  };
}

describe('retail: indicator facts kept with each write equal a full rebuild from the sale rows', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
  });

  afterAll(() => app.close());

  it('after a seeded random mix of sales, imports, placements, deliveries and ended placements', async () => {
    const random = seeded(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const factory = new IdentityFactory(app);
    const home = await factory.defaultCity();
    const away: SeededCity = await seedCity(app.db, 2);
    const retailer: TestMember = await factory.retailer();
    const outlets = [
      { id: await createOutlet(retailer, home), city: home },
      { id: await createOutlet(retailer, home, { name: 'Web', type: 'ONLINE' }), city: home },
      { id: await createOutlet(retailer, away, { name: 'Away shop' }), city: away },
    ];
    // Three projects delivered (two share a brand); one without resources is no scene.
    const products: { id: string; maker: TestUser }[] = [];
    const projectIds: string[] = [];
    for (const [i, brand] of ['Fuyun', 'fuyun', 'Tiexi'].entries()) {
      const delivered = await deliveredProject(factory, i === 2 ? away : home, {
        quantity: 400,
        title: `Facts project ${i}`,
        ...(i === 1 && { culturalResourceIds: [] }),
      });
      projectIds.push(delivered.projectId);
      products.push({
        id: await createProduct(delivered.owner, delivered.projectId, { brand }),
        maker: delivered.owner,
      });
    }
    // Placements of random products at random outlets, activated 10 months ago so sales span periods.
    type Live = { placementId: string; outletId: string; productId: string; open: boolean };
    const placements: Live[] = [];
    for (const outlet of outlets) {
      for (const product of products) {
        if (random() < 0.3) continue;
        const offered = await offerPlacement(product.maker, {
          productId: product.id,
          outletId: outlet.id,
          terms: random() < 0.5 ? consignment(3000) : wholesale(5000),
        });
        await acceptPlacement(retailer, offered.id);
        placements.push({
          placementId: offered.id,
          outletId: outlet.id,
          productId: product.id,
          open: true,
        });
      }
    }
    await app.db.query(
      `UPDATE placement SET activated_at = now() - interval '300 days' WHERE id = ANY($1::uuid[])`,
      [placements.map((p) => p.placementId)],
    );
    expect(placements.length).toBeGreaterThan(3);

    let externalId = 0;
    const saleOf = (placement: Live) => ({
      outletId: placement.outletId,
      productId: placement.productId,
      quantity: 1 + Math.floor(random() * 5),
      unitPrice: 500 + Math.floor(random() * 3000),
      soldAt: new Date(Date.now() - Math.floor(random() * 290) * DAY_MS).toISOString(),
      externalId: `P-${externalId++}`,
    });
    let recorded = 0;
    for (let step = 0; step < 24; step += 1) {
      const open = placements.filter((p) => p.open);
      const roll = random();
      if (roll < 0.6) {
        const input = saleOf(pick(open));
        await retailer.gql.data(RECORD_SALE, { input });
        recorded += 1;
        // Now and then the same sale again: idempotent, no fact counted twice.
        if (random() < 0.2) await retailer.gql.data(RECORD_SALE, { input });
      } else if (roll < 0.9) {
        const placement = pick(open);
        const rows = Array.from({ length: 3 + Math.floor(random() * 6) }, () => saleOf(placement));
        // A line repeated in the file and one already recorded: duplicates, not new facts.
        rows.push({ ...rows[0] });
        const csv = [
          'external_id,product_id,quantity,unit_price,sold_at',
          ...rows.map(
            (r) => `${r.externalId},${r.productId},${r.quantity},${r.unitPrice},${r.soldAt}`,
          ),
        ].join('\n');
        const form = new FormData();
        form.append('file', new Blob([csv], { type: 'text/csv' }), `facts-${step}.csv`);
        const response = await fetch(
          `${app.baseUrl}/retail/outlets/${placement.outletId}/sales-imports`,
          {
            method: 'POST',
            headers: { authorization: `Bearer ${retailer.accessToken}` },
            body: form,
          },
        );
        expect(response.status).toBeLessThan(300);
        const { id } = (await response.json()) as { id: string };
        const done = await eventually(async () => {
          const { salesImport } = await retailer.gql.data<{
            salesImport: { status: string; importedRows: number };
          }>(IMPORT_STATUS, { id });
          return salesImport.status === 'COMPLETED' ? salesImport : null;
        }, 30_000);
        expect(done.importedRows).toBe(rows.length - 1);
        recorded += done.importedRows;
      } else if (open.length > 2) {
        const placement = pick(open);
        await retailer.gql.data(END, { id: placement.placementId, reason: 'season over' });
        placement.open = false;
      }
    }

    const maintained = await factTables(app, projectIds);
    const [{ sales, amount }] = await app.db.query(
      `SELECT count(*)::int AS sales, sum(amount_fen)::text AS amount FROM sale
        WHERE placement_id = ANY($1::uuid[])`,
      [placements.map((p) => p.placementId)],
    );
    expect(sales).toBe(recorded);
    const factTotals = maintained.sales as { sales: number; amount_fen: string }[];
    expect(factTotals.reduce((sum, row) => sum + row.sales, 0)).toBe(recorded);
    expect(factTotals.reduce((sum, row) => sum + Number(row.amount_fen), 0)).toBe(Number(amount));
    // Brand × outlet pairs case-insensitive: Fuyun and fuyun are one brand.
    const [{ pairs }] = await app.db.query(
      `SELECT count(DISTINCT (lower(pr.brand), s.outlet_id, date_trunc('month', (s.sold_at AT TIME ZONE 'UTC') + interval '8 hours')))::int AS pairs
         FROM sale s JOIN product pr ON pr.id = s.product_id WHERE s.placement_id = ANY($1::uuid[])`,
      [placements.map((p) => p.placementId)],
    );
    const items = maintained.items as { indicator: string; month: string; item_key: string }[];
    expect(
      new Set(
        items
          .filter((item) => item.indicator === 'brand_reach')
          .map((item) => `${item.month}|${item.item_key}`),
      ).size,
    ).toBe(pairs);
    const collect = () =>
      app.api.get(PlatformIndicatorRegistry, { strict: false }).collect(
        {
          granularity: PeriodGranularity.MONTH,
          // The away city is this file's alone: no other test file writes there meanwhile.
          cityIds: [away.cityId],
          utcOffsetMinutes: 480,
        },
        RETAIL_INDICATORS,
      );
    const before = await collect();
    expect(before.values.length).toBeGreaterThan(5);

    await app.api.get(RetailFactsService, { strict: false }).rebuild();
    expect(await factTables(app, projectIds)).toEqual(maintained);
    expect((await collect()).values).toEqual(before.values);

    // A period filter returns exactly those periods, read from their facts alone.
    const source = app.api.get(RetailIndicatorSource, { strict: false });
    const query = {
      granularity: PeriodGranularity.QUARTER,
      cityIds: [away.cityId],
      indicators: RETAIL_INDICATORS,
      utcOffsetMinutes: 480,
    };
    const all = await source.collect(query);
    const periods = [...new Set(all.map((value) => value.period))].sort();
    expect(periods.length).toBeGreaterThan(2);
    const some = [periods[0], periods[periods.length - 1]];
    const filtered = await source.collect({ ...query, periods: some });
    expect(filtered).toEqual(all.filter((value) => some.includes(value.period)));
  }, 300_000);

  it('refuses a UTC offset the facts are not kept in, and says which one they are', async () => {
    const source = app.api.get(RetailIndicatorSource, { strict: false });
    await expect(
      source.collect({
        granularity: PeriodGranularity.QUARTER,
        cityIds: null,
        indicators: RETAIL_INDICATORS,
        utcOffsetMinutes: 0,
      }),
    ).rejects.toThrow('facts are kept in local months at UTC+8 (480 minutes), not 0');
  });
});
