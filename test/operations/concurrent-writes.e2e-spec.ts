import { SeededCity } from '../support/catalog.factory';
import { GraphqlResponse } from '../support/graphql-client';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { deliveredProject } from '../support/marketplace.factory';
import { startTestApp, TestApp } from '../support/test-app';
import {
  acceptPlacement,
  consignment,
  createOutlet,
  createProduct,
  offerPlacement,
  RECORD_SALE,
} from '../retail/retail-test-kit';

const OFFER = `mutation($input: OfferPlacementInput!) { offerPlacement(input: $input) { id } }`;
const REQUEST = `mutation($input: RequestPlacementInput!) { requestPlacement(input: $input) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptPlacement(id: $id) { id state } }`;
const REVIEW = `mutation($input: ReviewSaleAnomalyInput!) { reviewSaleAnomaly(input: $input) { id status } }`;
const TOTALS = `query($id: ID!) { placement(id: $id) { unitsSold salesTotalFen } }`;

const succeeded = (results: GraphqlResponse<unknown>[]) => results.filter((r) => !r.errors);
const refused = (results: GraphqlResponse<unknown>[]) => results.filter((r) => r.errors);

/**
 * Drill 11 (issue 17): conflicting writes at the same moment, through the API. Whatever the
 * interleaving, one proposal opens per product and outlet, one accept wins, and concurrent sales
 * against one placement all count.
 */
describe('drill: concurrent conflicting writes', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;
  let maker: TestUser;
  let retailer: TestMember;
  let productId: string;

  beforeAll(async () => {
    // A pool smaller than the concurrency below: a mutation that asks the pool for a second
    // connection while its transaction holds a row lock the others wait for deadlocks at once.
    app = await startTestApp({ env: { DATABASE_POOL_SIZE: '3' } });
    factory = new IdentityFactory(app);
    city = await factory.defaultCity();
    const delivered = await deliveredProject(factory, city, { quantity: 100_000 });
    maker = delivered.owner;
    retailer = await factory.retailer();
    productId = await createProduct(maker, delivered.projectId);
  });

  afterAll(() => app.close());

  const openPlacements = async (outletId: string) =>
    (
      await app.db.query(
        `SELECT state, count(*)::int AS n FROM placement WHERE product_id = $1 AND outlet_id = $2 GROUP BY state`,
        [productId, outletId],
      )
    ).filter((row: { state: string }) => ['OFFERED', 'REQUESTED', 'ACTIVE'].includes(row.state));

  it('20 proposals of one product at one outlet from both sides at once: exactly one opens', async () => {
    const outletId = await createOutlet(retailer, city, { name: 'Race shop' });
    const input = { productId, outletId, terms: consignment(3000) };
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        i % 2 ? maker.gql.request(OFFER, { input }) : retailer.gql.request(REQUEST, { input }),
      ),
    );
    expect(succeeded(results)).toHaveLength(1);
    for (const loser of refused(results)) {
      expect(loser.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'PLACEMENT_ALREADY_OPEN',
      });
      expect(loser.errors?.[0].message).toBe(
        'This product already has an open (proposed or active) placement at this outlet; end or withdraw that one first (endPlacement, withdrawPlacement)',
      );
    }
    expect(await openPlacements(outletId)).toHaveLength(1);
  });

  it('one offer accepted 10 times at once: one accept wins, one active placement', async () => {
    const outletId = await createOutlet(retailer, city, { name: 'Accept race shop' });
    const offered = await offerPlacement(maker, { productId, outletId, terms: consignment(3000) });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => retailer.gql.request(ACCEPT, { id: offered.id })),
    );
    expect(succeeded(results)).toEqual([
      { status: 200, data: { acceptPlacement: { id: offered.id, state: 'ACTIVE' } } },
    ]);
    for (const loser of refused(results)) {
      expect(loser.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'ILLEGAL_PLACEMENT_TRANSITION',
      });
      expect(loser.errors?.[0].message).toMatch(/^A placement that is ACTIVE cannot be accepted/);
    }
    expect(await openPlacements(outletId)).toEqual([{ state: 'ACTIVE', n: 1 }]);
  });

  it('40 sales against one placement at once: its sold units and total count every one', async () => {
    const outletId = await createOutlet(retailer, city, { name: 'Busy shop' });
    const offered = await offerPlacement(maker, { productId, outletId, terms: consignment(3000) });
    await acceptPlacement(retailer, offered.id);
    const soldAt = new Date().toISOString();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        retailer.gql.request(RECORD_SALE, {
          input: {
            outletId,
            productId,
            quantity: 1 + (i % 3),
            unitPrice: 1_000 + i,
            soldAt,
            externalId: `RUSH-${i}`,
          },
        }),
      ),
    );
    expect(refused(results)).toEqual([]);
    const expectedUnits = Array.from({ length: 40 }, (_, i) => 1 + (i % 3)).reduce(
      (sum, units) => sum + units,
    );
    const expectedTotal = Array.from({ length: 40 }, (_, i) => (1 + (i % 3)) * (1_000 + i)).reduce(
      (sum, amount) => sum + amount,
    );
    const { placement } = await retailer.gql.data<{
      placement: { unitsSold: number; salesTotalFen: number };
    }>(TOTALS, { id: offered.id });
    expect(placement).toEqual({ unitsSold: expectedUnits, salesTotalFen: expectedTotal });
    expect(
      await app.db.query('SELECT count(*)::int AS n FROM sale WHERE placement_id = $1', [
        offered.id,
      ]),
    ).toEqual([{ n: 40 }]);
  });
  it('one held sale reviewed 10 times at once: one decision, the rest told it was reviewed', async () => {
    const official = await factory.official({ cityId: city.cityId });
    const outletId = await createOutlet(retailer, city, { name: 'Review race shop' });
    const offered = await offerPlacement(maker, { productId, outletId, terms: consignment(3000) });
    await acceptPlacement(retailer, offered.id);
    // Over the per-sale ceiling (SALE_MAX_AMOUNT_FEN), under the hard cap: held for review.
    const { recordSale } = await retailer.gql.data<{ recordSale: { sale: { id: string } } }>(
      RECORD_SALE,
      {
        input: {
          outletId,
          productId,
          quantity: 1,
          unitPrice: 20_000_000,
          soldAt: new Date().toISOString(),
          externalId: 'HELD-RACE',
        },
      },
    );
    const [{ id: anomalyId }] = await app.db.query(
      'SELECT id FROM sale_anomaly WHERE sale_id = $1',
      [recordSale.sale.id],
    );
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        official.gql.request(REVIEW, { input: { anomalyId, decision: 'ACCEPT', note: 'checked' } }),
      ),
    );
    expect(succeeded(results)).toHaveLength(1);
    for (const loser of refused(results)) {
      expect(loser.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'SALE_ANOMALY_ALREADY_REVIEWED',
      });
    }
  });
});
