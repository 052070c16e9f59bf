import { seedCity, SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestUser } from '../support/identity.factory';
import { ChainStep, deliveredProject } from '../support/marketplace.factory';
import { startTestApp, TestApp } from '../support/test-app';

const CANCEL = `mutation($id: ID!, $input: CancelProjectInput) {
  cancelProject(id: $id, input: $input) { id state allowedNextStates }
}`;
const ORDER = `query($id: ID!) { productionOrder(orderId: $id) {
  stage quantityDelivered
  cancellation { reason atStage settlement unitsDelivered compensationFen owedToManufacturerFen cancelledByUserId }
  milestones { stage }
} }`;
const BIDS = `query($id: ID!) { project(id: $id) { bids { state } } }`;
const NOTES = '{ notifications(first: 10) { edges { node { kind title body } } } }';

interface OrderView {
  stage: string;
  quantityDelivered: number;
  cancellation: {
    reason: string;
    atStage: string;
    settlement: string;
    unitsDelivered: number;
    compensationFen: number;
    owedToManufacturerFen: number;
    cancelledByUserId: string;
  } | null;
  milestones: { stage: string }[];
}

describe('cancelling a project at each stage', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    city = await seedCity(app.db, 1);
  });

  afterAll(() => app.close());

  const at = (until: ChainStep, delivered?: number) =>
    deliveredProject(factory, city, { until, quantity: 20_000, delivered });
  const order = async (by: TestUser, id: string) =>
    (await by.gql.data<{ productionOrder: OrderView }>(ORDER, { id })).productionOrder;
  const notes = async (user: TestUser) =>
    (
      await user.gql.data<{
        notifications: { edges: { node: { kind: string; title: string; body: string } }[] };
      }>(NOTES)
    ).notifications.edges.map((edge) => edge.node);

  it('before the award: open bids are rejected and their bidders told', async () => {
    const chain = await at('submitBid');
    const { cancelProject } = await chain.owner.gql.data<{ cancelProject: { state: string } }>(
      CANCEL,
      { id: chain.projectId },
    );
    expect(cancelProject.state).toBe('CANCELLED');
    const { project } = await chain.owner.gql.data<{ project: { bids: { state: string }[] } }>(
      BIDS,
      { id: chain.projectId },
    );
    expect(project.bids.map((bid) => bid.state)).toEqual(['REJECTED']);
    expect(await notes(chain.manufacturer)).toContainEqual(
      expect.objectContaining({
        kind: 'BID_REJECTED',
        title: expect.stringContaining('cancelled'),
      }),
    );
  });

  it('after the award: the order is cancelled with the reason, nothing owed, and the manufacturer cannot move it', async () => {
    const chain = await at('acceptBid');
    const noReason = await chain.owner.gql.request(CANCEL, { id: chain.projectId });
    expect(noReason.errors?.[0]).toMatchObject({
      message: expect.stringContaining('needs a reason'),
      extensions: { code: 'BAD_USER_INPUT', reason: 'CANCELLATION_NEEDS_REASON' },
    });
    const compensationTooEarly = await chain.owner.gql.request(CANCEL, {
      id: chain.projectId,
      input: { reason: 'Funding fell through', compensationFen: 100 },
    });
    expect(compensationTooEarly.errors?.[0]).toMatchObject({
      message: expect.stringContaining('compensation applies once production started'),
      extensions: { reason: 'INVALID_COMPENSATION' },
    });

    await chain.owner.gql.data(CANCEL, {
      id: chain.projectId,
      input: { reason: 'Funding fell through' },
    });
    const cancelled = await order(chain.owner, chain.orderId);
    expect(cancelled).toMatchObject({
      stage: 'CANCELLED',
      cancellation: {
        reason: 'Funding fell through',
        atStage: 'AWAITING_SAMPLE',
        settlement: 'EACH_BEARS_OWN_COSTS',
        owedToManufacturerFen: 0,
        cancelledByUserId: chain.owner.id,
      },
    });
    expect(cancelled.milestones.map((milestone) => milestone.stage)).toEqual(['CANCELLED']);

    const sample = await chain.manufacturer.gql.request(
      'mutation($id: ID!) { submitSample(orderId: $id) { id } }',
      { id: chain.orderId },
    );
    expect(sample.errors?.[0]).toMatchObject({
      message: expect.stringContaining('Funding fell through'),
      extensions: { code: 'CONFLICT', reason: 'ORDER_CANCELLED' },
    });
    expect(await notes(chain.manufacturer)).toContainEqual(
      expect.objectContaining({
        kind: 'PRODUCTION_MILESTONE',
        body: expect.stringContaining('Reason: Funding fell through'),
      }),
    );
  });

  it('in production: the owners owe the delivered units and the stated compensation', async () => {
    const chain = await at('recordDelivery', 8_000);
    const tooMuch = await chain.owner.gql.request(CANCEL, {
      id: chain.projectId,
      input: { reason: 'Retailer pulled out', compensationFen: 12_000 * 1800 + 1 },
    });
    expect(tooMuch.errors?.[0]).toMatchObject({
      message: expect.stringContaining('must not exceed the value of the undelivered units'),
      extensions: { reason: 'INVALID_COMPENSATION' },
    });
    await chain.owner.gql.data(CANCEL, {
      id: chain.projectId,
      input: { reason: 'Retailer pulled out', compensationFen: 500_000 },
    });
    expect((await order(chain.manufacturer, chain.orderId)).cancellation).toEqual({
      reason: 'Retailer pulled out',
      atStage: 'PARTIALLY_DELIVERED',
      settlement: 'OWNERS_OWE_MANUFACTURER',
      unitsDelivered: 8_000,
      compensationFen: 500_000,
      owedToManufacturerFen: 8_000 * 1800 + 500_000,
      cancelledByUserId: chain.owner.id,
    });
  });

  it('in mass production before any delivery: the compensation alone is owed', async () => {
    const chain = await at('startMassProduction');
    await chain.owner.gql.data(CANCEL, {
      id: chain.projectId,
      input: { reason: 'Design withdrawn', compensationFen: 250_000 },
    });
    expect(await order(chain.owner, chain.orderId)).toMatchObject({
      stage: 'CANCELLED',
      cancellation: {
        atStage: 'MASS_PRODUCTION',
        settlement: 'OWNERS_OWE_MANUFACTURER',
        owedToManufacturerFen: 250_000,
      },
    });
  });

  it('after full delivery: the fulfilled order stands and the manufacturer is told', async () => {
    const chain = await at('recordDelivery', 20_000);
    const cancelled = await chain.owner.gql.data<{ cancelProject: { state: string } }>(CANCEL, {
      id: chain.projectId,
      input: { reason: 'Not going to market after all' },
    });
    expect(cancelled.cancelProject.state).toBe('CANCELLED');
    expect(await order(chain.owner, chain.orderId)).toMatchObject({
      stage: 'DELIVERED',
      quantityDelivered: 20_000,
      cancellation: null,
    });
    expect(await notes(chain.manufacturer)).toContainEqual(
      expect.objectContaining({ body: expect.stringContaining('Your delivered order stands') }),
    );
  });

  it('refuses cancelling twice, naming the states that can be cancelled', async () => {
    const chain = await at('createProject');
    await chain.owner.gql.data(CANCEL, { id: chain.projectId });
    const again = await chain.owner.gql.request(CANCEL, { id: chain.projectId });
    expect(again.errors?.[0]).toMatchObject({
      message: expect.stringContaining('only a project before the market'),
      extensions: { code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', currentState: 'CANCELLED' },
    });
  });
});
