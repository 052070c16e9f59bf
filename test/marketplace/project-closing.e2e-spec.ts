import { SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember } from '../support/identity.factory';
import { deliveredProject } from '../support/marketplace.factory';
import { startTestApp, TestApp } from '../support/test-app';
import {
  acceptPlacement,
  consignment,
  createOutlet,
  createProduct,
  offerPlacement,
  PLACEMENT_FIELDS,
  PlacementView,
  RECORD_SALE,
} from '../retail/retail-test-kit';

const CLOSE = `mutation($id: ID!, $reason: String) {
  closeProject(id: $id, reason: $reason) { id state allowedNextStates }
}`;
const PLACEMENT = `query($id: ID!) { placement(id: $id) { ${PLACEMENT_FIELDS} } }`;

describe('closing a project', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;
  let retailer: TestMember;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    city = await factory.defaultCity();
    retailer = await factory.retailer();
  });

  afterAll(() => app.close());

  const placement = async (id: string) =>
    (await retailer.gql.data<{ placement: PlacementView }>(PLACEMENT, { id })).placement;

  it('ends active placements, withdraws open offers, and keeps sales reportable', async () => {
    const chain = await deliveredProject(factory, city);
    const productId = await createProduct(chain.owner, chain.projectId);
    const shop = await createOutlet(retailer, city, { name: 'Palace shop' });
    const kiosk = await createOutlet(retailer, city, { name: 'Station kiosk' });
    const active = await offerPlacement(chain.owner, {
      productId,
      outletId: shop,
      terms: consignment(3000),
    });
    await acceptPlacement(retailer, active.id);
    const pending = await offerPlacement(chain.owner, {
      productId,
      outletId: kiosk,
      terms: consignment(3000),
    });
    const soldAt = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));

    const stranger = await factory.talent();
    const foreign = await stranger.gql.request(CLOSE, { id: chain.projectId });
    expect(foreign.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NOT_PROJECT_OWNER',
    });

    const { closeProject } = await chain.owner.gql.data<{
      closeProject: { state: string; allowedNextStates: string[] };
    }>(CLOSE, { id: chain.projectId, reason: 'Sold out; no reprint' });
    expect(closeProject).toEqual({ id: chain.projectId, state: 'CLOSED', allowedNextStates: [] });

    expect(await placement(active.id)).toMatchObject({
      state: 'ENDED',
      closingReason: 'Sold out; no reprint',
      closedAt: expect.any(String),
    });
    expect((await placement(pending.id)).state).toBe('WITHDRAWN');

    const sale = await retailer.gql.data<{ recordSale: { sale: { quantity: number } } }>(
      RECORD_SALE,
      {
        input: {
          externalId: 'R-1',
          outletId: shop,
          productId,
          quantity: 2,
          unitPrice: 12_800,
          soldAt,
        },
      },
    );
    expect(sale.recordSale.sale.quantity).toBe(2);

    const reoffer = await chain.owner.gql.request(
      `mutation($input: OfferPlacementInput!) { offerPlacement(input: $input) { id } }`,
      { input: { productId, outletId: kiosk, terms: consignment(3000) } },
    );
    expect(reoffer.errors?.[0]).toMatchObject({
      message: expect.stringContaining('CLOSED'),
      extensions: { code: 'CONFLICT' },
    });

    const again = await chain.owner.gql.request(CLOSE, { id: chain.projectId });
    expect(again.errors?.[0]).toMatchObject({
      message:
        'Moving a project to CLOSED needs it to be IN_MARKET (it is CLOSED); from CLOSED it may move to nothing',
      extensions: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', requiredStates: ['IN_MARKET'] },
    });
  });

  it('refuses a project that has not reached the market, naming IN_MARKET', async () => {
    const chain = await deliveredProject(factory, city);
    const response = await chain.owner.gql.request(CLOSE, { id: chain.projectId });
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringContaining('needs it to be IN_MARKET (it is IN_PRODUCTION)'),
      extensions: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', currentState: 'IN_PRODUCTION' },
    });
    const cancel = await chain.owner.gql.request(
      'mutation($id: ID!) { cancelProject(id: $id, input: { reason: "x" }) { state } }',
      { id: chain.projectId },
    );
    expect(cancel.data?.cancelProject).toEqual({ state: 'CANCELLED' });
  });

  it('refuses to cancel an IN_MARKET project and points to closeProject', async () => {
    const chain = await deliveredProject(factory, city);
    const productId = await createProduct(chain.owner, chain.projectId);
    const outletId = await createOutlet(retailer, city, { name: 'Gallery shop' });
    const offered = await offerPlacement(chain.owner, {
      productId,
      outletId,
      terms: consignment(2500),
    });
    await acceptPlacement(retailer, offered.id);
    const response = await chain.owner.gql.request(
      'mutation($id: ID!) { cancelProject(id: $id, input: { reason: "x" }) { state } }',
      { id: chain.projectId },
    );
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringContaining('close it with closeProject'),
      extensions: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', currentState: 'IN_MARKET' },
    });
  });
});
