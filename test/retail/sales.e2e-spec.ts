import { SeededCity } from '../support/catalog.factory';
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
} from './retail-test-kit';

interface RecordSale {
  recordSale: {
    alreadyRecorded: boolean;
    sale: {
      id: string;
      quantity: number;
      unitPriceFen: number;
      amountFen: number;
      externalId: string;
    };
  };
}

describe('retail: recording sales', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;
  let maker: TestUser;
  let retailer: TestMember;
  let otherRetailer: TestMember;
  let productId: string;
  let outletId: string;
  let placementId: string;
  let unplacedOutletId: string;
  let activatedAt: Date;

  const sale = (overrides: Record<string, unknown> = {}) => ({
    outletId,
    productId,
    quantity: 3,
    unitPrice: 12_800,
    soldAt: new Date().toISOString(),
    externalId: `POS-${Math.random().toString(36).slice(2, 10)}`,
    ...overrides,
  });

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    city = await factory.defaultCity();
    const delivered = await deliveredProject(factory, city, { quantity: 200 });
    maker = delivered.owner;
    [retailer, otherRetailer] = await Promise.all([factory.retailer(), factory.retailer()]);
    productId = await createProduct(maker, delivered.projectId);
    outletId = await createOutlet(retailer, city);
    unplacedOutletId = await createOutlet(retailer, city, { name: 'Second shop' });
    const offered = await offerPlacement(maker, { productId, outletId, terms: consignment(3000) });
    const active = await acceptPlacement(retailer, offered.id);
    placementId = active.id;
    activatedAt = new Date(active.activatedAt!);
  });

  afterAll(() => app.close());

  it("refuses sales at another retailer's outlet", async () => {
    const response = await otherRetailer.gql.request(RECORD_SALE, { input: sale() });
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_OUTLET_MEMBER',
    });
    const talent = await maker.gql.request(RECORD_SALE, { input: sale() });
    expect(talent.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'ROLE_REQUIRED',
    });
    const [{ count }] = await app.db.query(
      'SELECT count(*)::int AS count FROM sale WHERE outlet_id = $1',
      [outletId],
    );
    expect(count).toBe(0);
  });

  it('refuses sales of a product without a placement active at the time of sale', async () => {
    const noPlacement = await retailer.gql.request(RECORD_SALE, {
      input: sale({ outletId: unplacedOutletId }),
    });
    expect(noPlacement.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'NO_ACTIVE_PLACEMENT',
      fieldErrors: [{ field: 'productId' }],
    });

    // Merely offered, not accepted: still no sales.
    await offerPlacement(maker, {
      productId,
      outletId: unplacedOutletId,
      terms: consignment(2000),
    });
    const onlyOffered = await retailer.gql.request(RECORD_SALE, {
      input: sale({ outletId: unplacedOutletId }),
    });
    expect(onlyOffered.errors?.[0].extensions?.reason).toBe('NO_ACTIVE_PLACEMENT');

    const beforeActivation = await retailer.gql.request(RECORD_SALE, {
      input: sale({ soldAt: new Date(activatedAt.getTime() - 60_000).toISOString() }),
    });
    expect(beforeActivation.errors?.[0].extensions?.reason).toBe('NO_ACTIVE_PLACEMENT');
  });

  it('refuses a sale over the hard cap (SALE_HARD_MAX_AMOUNT_FEN, 1,000,000,000 fen)', async () => {
    const inflated = await retailer.gql.request(RECORD_SALE, {
      input: sale({ quantity: 1_000, unitPrice: 100_000_000 }),
    });
    expect(inflated.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_SALE',
      fieldErrors: [
        {
          field: 'unitPrice',
          message:
            'quantity × unitPrice is over the hard per-sale cap of 1000000000 fen (SALE_HARD_MAX_AMOUNT_FEN); check the quantity and the unit price (in fen), or record separate purchases as separate sales',
        },
      ],
    });
    // one fen over is enough; below the cap, a sale over SALE_MAX_AMOUNT_FEN is held for review
    // instead (test/security/sale-anomalies.e2e-spec.ts)
    const justOver = await retailer.gql.request(RECORD_SALE, {
      input: sale({ quantity: 11, unitPrice: 90_909_091 }), // 1,000,000,001 fen
    });
    expect(justOver.errors?.[0].extensions?.reason).toBe('INVALID_SALE');
  });

  it('names every bad field', async () => {
    const future = await retailer.gql.request(RECORD_SALE, {
      input: sale({ soldAt: new Date(Date.now() + 3_600_000).toISOString() }),
    });
    expect(future.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_SALE',
      fieldErrors: [{ field: 'soldAt', message: 'soldAt is in the future' }],
    });
    const bad = await retailer.gql.request(RECORD_SALE, {
      input: sale({ quantity: 0, unitPrice: -1, externalId: 'has space' }),
    });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(
      (bad.errors?.[0].extensions?.fieldErrors as { field: string }[])
        .map((error) => error.field)
        .sort(),
    ).toEqual(['externalId', 'quantity', 'unitPrice']);
    const notUuid = await retailer.gql.request(RECORD_SALE, { input: sale({ productId: 'nope' }) });
    expect(notUuid.errors?.[0].extensions?.fieldErrors).toEqual([
      { field: 'productId', message: 'productId must be a UUID' },
    ]);
  });

  it('records a sale once per externalId, and refuses a different sale under the same id', async () => {
    const input = sale({ quantity: 4, unitPrice: 9_950, externalId: 'RCPT-0001' });
    const first = await retailer.gql.data<RecordSale>(RECORD_SALE, { input });
    expect(first.recordSale).toMatchObject({
      alreadyRecorded: false,
      sale: { quantity: 4, unitPriceFen: 9_950, amountFen: 39_800, externalId: 'RCPT-0001' },
    });
    const replay = await retailer.gql.data<RecordSale>(RECORD_SALE, { input });
    expect(replay.recordSale).toEqual({ ...first.recordSale, alreadyRecorded: true });
    const clash = await retailer.gql.request(RECORD_SALE, { input: { ...input, quantity: 5 } });
    expect(clash.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'EXTERNAL_ID_CONFLICT',
      fieldErrors: [{ field: 'externalId', message: 'already used for a different sale' }],
    });
    const [{ count }] = await app.db.query(
      "SELECT count(*)::int AS count FROM sale WHERE external_id = 'RCPT-0001'",
    );
    expect(count).toBe(1);

    // The coupling metrics hear about it: an event for the outlet's city, written to the outbox
    // with the sale (this app runs no worker, so no relay moves it on).
    const events: { payload: { cityId: string; reason: string; indicators: string[] } }[] =
      await app.db.query(
        `SELECT payload FROM outbox_event WHERE job_name = 'CouplingInputsChangedJob'
            AND payload->>'cityId' = $1 AND payload->>'reason' = 'sale recorded'`,
        [city.cityId],
      );
    expect(events.length).toBeGreaterThan(0);
    expect(events[0].payload.indicators).toContain('creative_sales_revenue');
  });

  it('reports sell-through per product and per outlet, and keeps sales made while a placement was active', async () => {
    await retailer.gql.data(RECORD_SALE, {
      input: sale({ quantity: 46, externalId: 'RCPT-0002' }),
    });
    const query = `query($productId: ID!, $outletId: ID!) {
      product(id: $productId) { sellThrough { unitsSold unitsDelivered ratio } }
      outlet(id: $outletId) { sellThrough { unitsSold unitsDelivered ratio } }
    }`;
    const view = await app.gql.data<{
      product: { sellThrough: unknown };
      outlet: { sellThrough: unknown };
    }>(query, { productId, outletId });
    expect(view.product.sellThrough).toEqual({ unitsSold: 50, unitsDelivered: 200, ratio: 0.25 });
    expect(view.outlet.sellThrough).toEqual({ unitsSold: 50, unitsDelivered: 200, ratio: 0.25 });

    const soldWhileActive = new Date().toISOString();
    await retailer.gql.data('mutation($id: ID!) { endPlacement(id: $id) { state } }', {
      id: placementId,
    });
    const afterEnd = await retailer.gql.request(RECORD_SALE, { input: sale() });
    expect(afterEnd.errors?.[0].extensions?.reason).toBe('NO_ACTIVE_PLACEMENT');
    const late = await retailer.gql.data<RecordSale>(RECORD_SALE, {
      input: sale({ soldAt: soldWhileActive, quantity: 1, externalId: 'RCPT-LATE' }),
    });
    expect(late.recordSale.alreadyRecorded).toBe(false);

    const { sales } = await maker.gql.data<{ sales: { totalCount: number } }>(
      'query($productId: ID!) { sales(first: 10, filter: { productId: $productId }) { totalCount } }',
      { productId },
    );
    expect(sales.totalCount).toBe(3);
    const atOutlet = await retailer.gql.data<{
      sales: { edges: { node: { externalId: string; product: { id: string } } }[] };
    }>(
      'query($outletId: ID!) { sales(first: 10, filter: { outletId: $outletId }) { edges { node { externalId product { id } } } } }',
      { outletId },
    );
    expect(atOutlet.sales.edges.map((edge) => edge.node.externalId).sort()).toEqual([
      'RCPT-0001',
      'RCPT-0002',
      'RCPT-LATE',
    ]);
    const notTheirs = await otherRetailer.gql.request(
      'query($outletId: ID!) { sales(first: 10, filter: { outletId: $outletId }) { totalCount } }',
      { outletId },
    );
    expect(notTheirs.errors?.[0].extensions?.reason).toBe('NOT_OUTLET_MEMBER');
    const noFilter = await retailer.gql.request('{ sales(filter: {}) { totalCount } }');
    expect(noFilter.errors?.[0].extensions?.fieldErrors).toEqual([
      { field: 'filter', message: 'name an outletId of your organization or a productId you make' },
    ]);
  });
});
