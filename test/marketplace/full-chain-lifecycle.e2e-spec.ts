import { IdentityFactory, TestMember } from '../support/identity.factory';
import { ChainStep, deliveredProject } from '../support/marketplace.factory';
import { startTestApp, TestApp } from '../support/test-app';
import {
  acceptPlacement,
  consignment,
  createOutlet,
  createProduct,
  offerPlacement,
} from '../retail/retail-test-kit';

const CANCEL = `mutation($id: ID!, $reason: String) {
  cancelProject(id: $id, input: { reason: $reason }) { state }
}`;
const CLOSE = 'mutation($id: ID!) { closeProject(id: $id) { state } }';
const ORDER = `query($id: ID!) { productionOrder(orderId: $id) {
  stage cancellation { settlement owedToManufacturerFen }
} }`;

/** The whole chain, ended at every stage: no order is left stranded, and a market life closes. */
describe('full chain: a cancellation at each stage, and a closing', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let retailer: TestMember;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    retailer = await factory.retailer();
  });

  afterAll(() => app.close());

  it.each<[string, ChainStep, number | undefined, string | null, string | null, number]>([
    ['before the award', 'submitBid', undefined, null, null, 0],
    ['after the award', 'acceptBid', undefined, 'CANCELLED', 'EACH_BEARS_OWN_COSTS', 0],
    [
      'with the sample submitted',
      'submitSample',
      undefined,
      'CANCELLED',
      'EACH_BEARS_OWN_COSTS',
      0,
    ],
    ['in production', 'startMassProduction', undefined, 'CANCELLED', 'OWNERS_OWE_MANUFACTURER', 0],
    ['partly delivered', 'recordDelivery', 100, 'CANCELLED', 'OWNERS_OWE_MANUFACTURER', 180_000],
    ['after delivery', 'recordDelivery', 500, 'DELIVERED', null, 0],
  ])('cancels %s', async (_, until, delivered, stage, settlement, owed) => {
    const city = await factory.defaultCity();
    const chain = await deliveredProject(factory, city, { until, delivered, quantity: 500 });
    const { cancelProject } = await chain.owner.gql.data<{ cancelProject: { state: string } }>(
      CANCEL,
      { id: chain.projectId, reason: 'The owners changed plans' },
    );
    expect(cancelProject.state).toBe('CANCELLED');
    if (!chain.orderId) return;
    const { productionOrder } = await chain.manufacturer.gql.data<{
      productionOrder: {
        stage: string;
        cancellation: { settlement: string; owedToManufacturerFen: number } | null;
      };
    }>(ORDER, { id: chain.orderId });
    expect(productionOrder).toEqual({
      stage,
      cancellation: settlement ? { settlement, owedToManufacturerFen: owed } : null,
    });
  });

  it('closes a project in the market, ending its placements', async () => {
    const city = await factory.defaultCity();
    const chain = await deliveredProject(factory, city);
    const productId = await createProduct(chain.owner, chain.projectId);
    const outletId = await createOutlet(retailer, city);
    const offered = await offerPlacement(chain.owner, {
      productId,
      outletId,
      terms: consignment(3000),
    });
    await acceptPlacement(retailer, offered.id);
    const cancel = await chain.owner.gql.request(CANCEL, { id: chain.projectId, reason: 'x' });
    expect(cancel.errors?.[0].message).toContain('close it with closeProject');
    const { closeProject } = await chain.owner.gql.data<{ closeProject: { state: string } }>(
      CLOSE,
      { id: chain.projectId },
    );
    expect(closeProject.state).toBe('CLOSED');
    const [placement] = await app.db.query('SELECT state FROM placement WHERE id = $1', [
      offered.id,
    ]);
    expect(placement.state).toBe('ENDED');
  });
});
