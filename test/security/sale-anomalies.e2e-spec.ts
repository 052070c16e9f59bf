import { periodOf } from '@cc/impact';
import { RetailFactsService } from '@cc/retail';
import { CouplingRecomputeService } from '../../libs/impact/src/coupling-jobs/coupling-recompute.service';
import { SeededCity, seedCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import {
  createIndicatorSystemVersion,
  revenueAndSellThroughInput,
} from '../support/indicator-system.kit';
import { deliveredProject } from '../support/marketplace.factory';
import { expectFlatStatements, pageStatements } from '../support/statement-count';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import {
  acceptPlacement,
  consignment,
  createOutlet,
  createProduct,
  offerPlacement,
} from '../retail/retail-test-kit';

const RECORD = `mutation($input: RecordSaleInput!) {
  recordSale(input: $input) {
    alreadyRecorded held review { id status reasons { code message } }
    sale { id counted review { status reasons { code } note } }
  }
}`;
const LIST = `query($status: SaleAnomalyStatus, $first: Int, $cityId: ID) {
  saleAnomalies(status: $status, first: $first, cityId: $cityId) {
    totalCount
    edges { node {
      id status cityId reasons { code message } note reviewedAt
      sale { id externalId quantity counted product { id } outlet { id } review { status } }
      outlet { id name }
    } }
  }
}`;
const REVIEW = `mutation($input: ReviewSaleAnomalyInput!) {
  reviewSaleAnomaly(input: $input) { id status note reviewedAt reviewedByUserId }
}`;
const NOTIFICATIONS = `{ notifications(first: 50) { edges { node { kind title body payload } } } }`;
const IMPORT = `query($id: ID!) {
  salesImport(id: $id) { status importedRows heldRows rejectedRows duplicateRows }
}`;

/** ¥50,000: one unit is under the per-sale ceiling (¥100,000), three are over it. */
const PRICEY = 5_000_000;

interface RecordView {
  recordSale: {
    alreadyRecorded: boolean;
    held: boolean;
    review: {
      id: string;
      status: string;
      reasons: { code: string; message: string }[];
    } | null;
    sale: { id: string; counted: boolean; review: { status: string } | null };
  };
}

interface AnomalyNode {
  id: string;
  status: string;
  cityId: string;
  reasons: { code: string; message: string }[];
  sale: { id: string; externalId: string; quantity: number; counted: boolean };
  outlet: { id: string; name: string };
}

interface ListView {
  saleAnomalies: { totalCount: number; edges: { node: AnomalyNode }[] };
}

/**
 * Issue #11: "anomalies flagged to officials rather than silently counted". A sale that is
 * possible but implausible is recorded and held: it feeds no metric and no settlement until an
 * official of its city accepts it; a rejected one never counts. Impossible ones stay refused.
 */
describe('implausible sales are held for an official of the city', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;
  let otherCity: SeededCity;
  let official: TestUser;
  let otherOfficial: TestUser;
  let retailer: TestMember;
  let maker: TestUser;

  /** A product of the city at a fresh outlet of the retailer, `delivered` units in stock. */
  const placed = async (delivered: number, retailPriceFen = PRICEY, outletName = 'Palace shop') => {
    const project = await deliveredProject(factory, city, {
      owner: maker,
      quantity: delivered,
      title: `Held ${delivered} ${Math.random().toString(36).slice(2, 6)}`,
    });
    const productId = await createProduct(maker, project.projectId, { retailPriceFen });
    const outletId = await createOutlet(retailer, city, { name: outletName });
    const offered = await offerPlacement(maker, { productId, outletId, terms: consignment(3000) });
    await acceptPlacement(retailer, offered.id);
    return { productId, outletId };
  };

  const record = (
    at: { productId: string; outletId: string },
    quantity: number,
    externalId: string,
    unitPrice = PRICEY,
    soldAt = new Date().toISOString(),
  ) =>
    retailer.gql.data<RecordView>(RECORD, {
      input: { ...at, quantity, unitPrice, soldAt, externalId },
    });

  const list = (who: TestUser, variables: Record<string, unknown> = {}) =>
    who.gql.data<ListView>(LIST, { status: 'OPEN', first: 50, ...variables });

  const review = (who: TestUser, anomalyId: string, decision: string, note?: string) =>
    who.gql.request<{ reviewSaleAnomaly: { status: string; note: string } }>(REVIEW, {
      input: { anomalyId, decision, ...(note !== undefined && { note }) },
    });

  /** The city's sales revenue (yuan) in its live coupling snapshot, once it equals `expected`. */
  const liveRevenue = (expected: number) =>
    eventually(async () => {
      const rows: { raw_values: Record<string, number> }[] = await app.db.query(
        `SELECT raw_values FROM coupling_snapshot
          WHERE city_id = $1 AND period = $2
            AND run_id = (SELECT current_run_id FROM indicator_system_version v WHERE v.id = system_version_id)`,
        [city.cityId, periodOf(new Date()).key],
      );
      const revenue = rows[0]?.raw_values.creative_sales_revenue;
      return revenue === expected ? revenue : undefined;
    }, 30_000);

  /** Revenue (fen) and sales in the city's retail facts. */
  const facts = async () =>
    (
      await app.db.query(
        `SELECT coalesce(sum(amount_fen), 0)::bigint::text AS amount, coalesce(sum(sales), 0)::int AS sales
           FROM retail_sale_fact WHERE city_id = $1`,
        [city.cityId],
      )
    )[0] as { amount: string; sales: number };

  /** The facts as the write path left them, then as the nightly rebuild recomputes them. */
  const expectRebuildAgrees = async () => {
    const snapshot = () =>
      app.db.query(
        `SELECT placement_id, month, units::int, amount_fen::text, sales::int FROM retail_sale_fact
          WHERE city_id = $1 ORDER BY placement_id, month`,
        [city.cityId],
      );
    const written = await snapshot();
    await app.api.get(RetailFactsService, { strict: false }).rebuild();
    expect(await snapshot()).toEqual(written);
  };

  /** What the retailer's settlement statement for this month totals, in fen. */
  const settled = async () => {
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const { settlementStatement } = await retailer.gql.data<{
      settlementStatement: { salesTotalFen: number | string };
    }>(
      `query($partyId: ID!, $period: String!) {
        settlementStatement(partyId: $partyId, period: $period) { salesTotalFen } }`,
      { partyId: retailer.organizationId, period: month },
    );
    return Number(settlementStatement.salesTotalFen);
  };

  const notificationsOf = async (who: TestUser) =>
    (
      await who.gql.data<{
        notifications: { edges: { node: { title: string; body: string; payload: string } }[] };
      }>(NOTIFICATIONS)
    ).notifications.edges.map((edge) => ({
      ...edge.node,
      payload: JSON.parse(edge.node.payload) as Record<string, string>,
    }));

  const notifiedOf = (who: TestUser, key: string, value: string) =>
    eventually(async () => {
      const found = (await notificationsOf(who)).find((n) => n.payload[key] === value);
      return found ?? undefined;
    }, 30_000);

  const upload = async (outletId: string, rows: string[]) => {
    const csv = ['external_id,product_id,quantity,unit_price,sold_at', ...rows].join('\n');
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'sales.csv');
    const response = await fetch(`${app.baseUrl}/retail/outlets/${outletId}/sales-imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${retailer.accessToken}` },
      body: form,
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    const done = await eventually(async () => {
      const { salesImport } = await retailer.gql.data<{
        salesImport: { status: string } & Record<string, unknown>;
      }>(IMPORT, { id });
      return salesImport.status === 'COMPLETED' ? salesImport : null;
    }, 30_000);
    return { id, done };
  };

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    factory = new IdentityFactory(app);
    [city, otherCity] = [await seedCity(app.db, 1), await seedCity(app.db, 1)];
    const admin = await factory.admin();
    [official, otherOfficial, retailer, maker] = await Promise.all([
      factory.official({ cityId: city.cityId, admin }),
      factory.official({ cityId: otherCity.cityId, admin }),
      factory.retailer(),
      factory.talent(),
    ]);
    // The city's indicator system, so that its live snapshot is recomputed as its sales change.
    const version = await createIndicatorSystemVersion(
      admin.gql,
      revenueAndSellThroughInput(city.cityId, 1_000_000),
    );
    await app.worker!.get(CouplingRecomputeService).recompute(version.id);
  });

  afterAll(() => app.close());

  it('holds a sale over the ceiling out of the metrics until an official accepts it', async () => {
    const at = await placed(100);
    await record(at, 1, 'N-1');
    await liveRevenue(50_000);
    const settledBefore = await settled();

    const soldAt = new Date().toISOString();
    const held = await record(at, 3, 'H-1', PRICEY, soldAt);
    expect(held.recordSale).toMatchObject({
      alreadyRecorded: false,
      held: true,
      review: {
        status: 'OPEN',
        reasons: [
          {
            code: 'OVER_CEILING',
            message:
              'quantity × unit price is ¥150,000.00, over the per-sale ceiling of ¥100,000.00 (SALE_MAX_AMOUNT_FEN)',
          },
        ],
      },
      sale: { counted: false, review: { status: 'OPEN', reasons: [{ code: 'OVER_CEILING' }] } },
    });
    const anomalyId = held.recordSale.review!.id;
    // sent again, it is the same held sale
    const again = await record(at, 3, 'H-1', PRICEY, soldAt);
    expect(again.recordSale).toMatchObject({ alreadyRecorded: true, held: true });
    expect(await facts()).toEqual({ amount: '5000000', sales: 1 });
    expect(await settled()).toBe(settledBefore);

    // A later counted sale recomputes the city: the held one is still not in it.
    await record(at, 1, 'N-2', 2_000_000);
    await liveRevenue(70_000);

    // The city's officials hear of it, and see it with its reasons; another city's do not.
    const notice = await notifiedOf(official, 'saleAnomalyId', anomalyId);
    expect(notice).toMatchObject({
      title: 'A sale was held for your review',
      body: '3 × ¥50,000.00: quantity × unit price is ¥150,000.00, over the per-sale ceiling of ¥100,000.00 (SALE_MAX_AMOUNT_FEN).',
    });
    const open = (await list(official)).saleAnomalies.edges.map((edge) => edge.node);
    expect(open.find((node) => node.id === anomalyId)).toMatchObject({
      status: 'OPEN',
      cityId: city.cityId,
      sale: { externalId: 'H-1', quantity: 3, counted: false },
      outlet: { id: at.outletId, name: 'Palace shop' },
    });
    expect((await notificationsOf(otherOfficial)).some((n) => n.payload.saleAnomalyId)).toBe(false);

    const accepted = await review(official, anomalyId, 'ACCEPT', 'Corporate order, invoice seen');
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data?.reviewSaleAnomaly).toMatchObject({
      status: 'ACCEPTED',
      note: 'Corporate order, invoice seen',
    });
    expect(await facts()).toEqual({ amount: '22000000', sales: 3 });
    expect(await settled()).toBe(settledBefore + 2_000_000 + 3 * PRICEY);
    await liveRevenue(220_000);
    await expectRebuildAgrees();

    const told = await notifiedOf(retailer, 'saleAnomalyId', anomalyId);
    expect(told).toMatchObject({
      title: 'Your held sale was accepted',
      body: 'Sale H-1 (3 × ¥50,000.00) now counts. Note: Corporate order, invoice seen',
    });

    // A decision is final.
    const twice = await review(official, anomalyId, 'REJECT');
    expect(twice.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SALE_ANOMALY_ALREADY_REVIEWED',
    });
    expect(twice.errors?.[0].message).toMatch(
      /^This sale was already accepted at .*; a review is final, so there is nothing to do \(list OPEN ones with saleAnomalies\(status: OPEN\)\)$/,
    );
  });

  it('a rejected sale never counts and gives its units back', async () => {
    const at = await placed(5, PRICEY, 'Tiexi shop');
    const held = await record(at, 3, 'R-1');
    expect(held.recordSale.held).toBe(true);
    // held units are taken: accepting it later must not oversell
    const over = await retailer.gql.request(RECORD, {
      input: {
        ...at,
        quantity: 3,
        unitPrice: 100,
        soldAt: new Date().toISOString(),
        externalId: 'R-2',
      },
    });
    expect(over.errors?.[0].extensions?.reason).toBe('SALE_EXCEEDS_STOCK');
    const before = await facts();

    const rejected = await review(official, held.recordSale.review!.id, 'REJECT', 'No such order');
    expect(rejected.data?.reviewSaleAnomaly.status).toBe('REJECTED');
    expect(await facts()).toEqual(before);
    const sale = await retailer.gql.data<{ sales: { edges: { node: unknown }[] } }>(
      `query($outletId: ID!) { sales(filter: { outletId: $outletId }, first: 10) {
        edges { node { externalId counted review { status note } } } } }`,
      { outletId: at.outletId },
    );
    expect(sale.sales.edges.map((edge) => edge.node)).toEqual([
      { externalId: 'R-1', counted: false, review: { status: 'REJECTED', note: 'No such order' } },
    ]);
    const told = await notifiedOf(retailer, 'saleAnomalyId', held.recordSale.review!.id);
    expect(told.title).toBe('Your held sale was rejected');

    // its units are free again
    const after = await record(at, 3, 'R-3', 100);
    expect(after.recordSale).toMatchObject({ held: false, review: null, sale: { counted: true } });
    await expectRebuildAgrees();
  });

  it("holds a price far above the list price and a quantity far above the outlet's usual", async () => {
    const at = await placed(500, 12_800, 'Museum shop');
    const pricey = await record(at, 1, 'P-1', 64_001);
    expect(pricey.recordSale.review?.reasons).toEqual([
      {
        code: 'PRICE_FAR_FROM_LIST',
        message: 'unit price ¥640.01 is more than 5× the list price ¥128.00',
      },
    ]);
    for (let i = 1; i <= 5; i += 1) {
      expect((await record(at, 2, `Q-${i}`, 12_800)).recordSale.held).toBe(false);
    }
    expect((await record(at, 20, 'Q-6', 12_800)).recordSale.held).toBe(false);
    const bulk = await record(at, 21, 'Q-7', 12_800);
    expect(bulk.recordSale.review?.reasons).toEqual([
      {
        code: 'QUANTITY_ABOVE_USUAL',
        message:
          "quantity 21 is more than 10× this outlet's usual 2 for the product (median of its last 6 counted sales)",
      },
    ]);
  });

  it('holds implausible rows of a bulk import, counts the rest and tells the officials', async () => {
    const at = await placed(100, PRICEY, 'Bulk shop');
    const before = await facts();
    const now = new Date().toISOString();
    const { id, done } = await upload(at.outletId, [
      `B-1,${at.productId},1,${PRICEY},${now}`,
      `B-2,${at.productId},3,${PRICEY},${now}`,
      `B-3,${at.productId},1,${PRICEY},${now}`,
    ]);
    expect(done).toEqual({
      status: 'COMPLETED',
      importedRows: 3,
      heldRows: 1,
      rejectedRows: 0,
      duplicateRows: 0,
    });
    expect(await facts()).toEqual({
      amount: String(Number(before.amount) + 2 * PRICEY),
      sales: before.sales + 2,
    });
    const node = (await list(official)).saleAnomalies.edges
      .map((edge) => edge.node)
      .find((anomaly) => anomaly.sale.externalId === 'B-2');
    expect(node).toMatchObject({
      sale: { quantity: 3, counted: false },
      reasons: [{ code: 'OVER_CEILING' }],
    });
    const notice = await notifiedOf(official, 'salesImportId', id);
    expect(notice.title).toBe('1 imported sale was held for your review');
    await expectRebuildAgrees();

    // a page of 50 held sales with their sale, product and outlet costs what a page of 2 does
    await upload(
      at.outletId,
      Array.from({ length: 50 }, (_, i) => `BULK-${i},${at.productId},1,${PRICEY * 3},${now}`),
    );
    const page = await pageStatements(app.db, async (first) => {
      const { saleAnomalies } = await list(official, { first });
      return saleAnomalies.edges.length;
    });
    expect(page.rows).toEqual({ small: 2, large: 50 });
    expectFlatStatements(page);
  });

  it('only officials of the sale’s city list and review it', async () => {
    const at = await placed(50, PRICEY, 'Guarded shop');
    const held = await record(at, 3, 'G-1');
    const anomalyId = held.recordSale.review!.id;

    const notOfficial = await retailer.gql.request(LIST, { status: 'OPEN' });
    expect(notOfficial.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const byRetailer = await review(retailer, anomalyId, 'ACCEPT');
    expect(byRetailer.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    // Another city's official sees none of this city's, and may not ask for them or decide.
    expect((await list(otherOfficial)).saleAnomalies.totalCount).toBe(0);
    const asked = await otherOfficial.gql.request(LIST, { cityId: city.cityId });
    expect(asked.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OFFICIAL_SCOPE_REQUIRED',
    });
    const foreign = await review(otherOfficial, anomalyId, 'ACCEPT');
    expect(foreign.errors?.[0]).toMatchObject({
      message: `Only an official of city ${city.cityId} may review this sale; ask an official of that city, or request that city's OFFICIAL grant with requestOfficialRole`,
      extensions: { code: 'FORBIDDEN', reason: 'NOT_CITY_OFFICIAL' },
    });

    // An official who is also on the seller's staff may not judge its sale.
    const insider = await factory.official({ cityId: city.cityId });
    await app.db.query(
      `INSERT INTO organization_member (organization_id, user_id, role) VALUES ($1, $2, 'MEMBER')`,
      [retailer.organizationId, insider.id],
    );
    const own = await review(insider, anomalyId, 'ACCEPT');
    expect(own.errors?.[0]).toMatchObject({
      message: `You are a member of the organization that recorded this sale, so you may not review it; another official of city ${city.cityId} must`,
      extensions: { code: 'FORBIDDEN', reason: 'OWN_SALE_REVIEW' },
    });

    const unknown = await review(official, '00000000-0000-4000-8000-000000000000', 'ACCEPT');
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'SALE_ANOMALY_NOT_FOUND',
    });
    const longNote = await review(official, anomalyId, 'ACCEPT', 'x'.repeat(1_001));
    expect(longNote.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const badDecision = await official.gql.request(REVIEW, {
      input: { anomalyId, decision: 'MAYBE' },
    });
    expect(badDecision.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    // none of it changed anything
    const { sales } = await retailer.gql.data<{
      sales: { edges: { node: { counted: boolean; review: { status: string } } }[] };
    }>(
      `query($outletId: ID!) { sales(filter: { outletId: $outletId }, first: 5) {
        edges { node { counted review { status } } } } }`,
      { outletId: at.outletId },
    );
    expect(sales.edges.map((edge) => edge.node)).toEqual([
      { counted: false, review: { status: 'OPEN' } },
    ]);
  });
});
