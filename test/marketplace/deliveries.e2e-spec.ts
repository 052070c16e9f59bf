import { SeededCity } from '../support/catalog.factory';
import { IdentityFactory } from '../support/identity.factory';
import { deliveredProject } from '../support/marketplace.factory';
import { startTestApp, TestApp } from '../support/test-app';

const DELIVER = `mutation($id: ID!, $quantity: Int!) {
  recordDelivery(orderId: $id, quantity: $quantity) { stage quantityDelivered overDeliveryAgreedUnits }
}`;
const AGREE = `mutation($id: ID!, $units: Int!) {
  agreeOverDelivery(orderId: $id, units: $units) { stage overDeliveryAgreedUnits }
}`;
const ORDER = `query($id: ID!) { productionOrder(orderId: $id) {
  stage quantityOrdered quantityDelivered milestones { stage quantity }
} }`;
const REVIEW = `mutation($orderId: ID!) {
  reviewProductionOrder(orderId: $orderId, input: { quality: 5, onTimeDelivery: 5, communication: 5 }) { id }
}`;

describe('deliveries checked against the order', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    city = await factory.defaultCity();
  });

  afterAll(() => app.close());

  it('marks 8,000 of 20,000 PARTIALLY_DELIVERED and completes the order at 20,000', async () => {
    const chain = await deliveredProject(factory, city, { quantity: 20_000, delivered: 8_000 });
    const partial = await chain.owner.gql.data<{
      productionOrder: { stage: string; quantityDelivered: number };
    }>(ORDER, { id: chain.orderId });
    expect(partial.productionOrder).toMatchObject({
      stage: 'PARTIALLY_DELIVERED',
      quantityOrdered: 20_000,
      quantityDelivered: 8_000,
    });
    const early = await chain.owner.gql.request(REVIEW, { orderId: chain.orderId });
    expect(early.errors?.[0].extensions).toMatchObject({ reason: 'NOT_DELIVERED' });

    const rest = await chain.manufacturer.gql.data<{
      recordDelivery: { stage: string; quantityDelivered: number };
    }>(DELIVER, { id: chain.orderId, quantity: 12_000 });
    expect(rest.recordDelivery).toMatchObject({ stage: 'DELIVERED', quantityDelivered: 20_000 });
    const { productionOrder } = await chain.owner.gql.data<{
      productionOrder: { milestones: { stage: string; quantity: number | null }[] };
    }>(ORDER, { id: chain.orderId });
    expect(productionOrder.milestones.slice(-2)).toEqual([
      { stage: 'PARTIALLY_DELIVERED', quantity: 8_000 },
      { stage: 'DELIVERED', quantity: 12_000 },
    ]);
    expect(
      (await chain.owner.gql.request(REVIEW, { orderId: chain.orderId })).errors,
    ).toBeUndefined();
  });

  it('refuses 25,000 of 20,000 until the owners agree to an over-delivery', async () => {
    const chain = await deliveredProject(factory, city, {
      quantity: 20_000,
      until: 'startMassProduction',
    });
    const over = await chain.manufacturer.gql.request(DELIVER, {
      id: chain.orderId,
      quantity: 25_000,
    });
    expect(over.errors?.[0]).toMatchObject({
      message:
        'A delivery of 25000 would bring the total to 25000 of 20000 ordered; deliver at most 20000 more, or the project owners first agree to an over-delivery (agreeOverDelivery)',
      extensions: { code: 'CONFLICT', reason: 'OVER_DELIVERY', maxDeliverable: 20_000 },
    });

    const byManufacturer = await chain.manufacturer.gql.request(AGREE, {
      id: chain.orderId,
      units: 5_000,
    });
    expect(byManufacturer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const negative = await chain.owner.gql.request(AGREE, { id: chain.orderId, units: -1 });
    expect(negative.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fieldErrors: [
        { field: 'units', message: 'units must be a whole number between 0 and 10000000' },
      ],
    });

    const agreed = await chain.owner.gql.data<{
      agreeOverDelivery: { overDeliveryAgreedUnits: number };
    }>(AGREE, { id: chain.orderId, units: 5_000 });
    expect(agreed.agreeOverDelivery.overDeliveryAgreedUnits).toBe(5_000);

    const delivered = await chain.manufacturer.gql.data<{
      recordDelivery: { stage: string; quantityDelivered: number };
    }>(DELIVER, { id: chain.orderId, quantity: 25_000 });
    expect(delivered.recordDelivery).toMatchObject({
      stage: 'DELIVERED',
      quantityDelivered: 25_000,
    });

    const beyond = await chain.manufacturer.gql.request(DELIVER, {
      id: chain.orderId,
      quantity: 1,
    });
    expect(beyond.errors?.[0]).toMatchObject({
      message: expect.stringContaining('(+5000 agreed); deliver at most 0 more'),
      extensions: { reason: 'OVER_DELIVERY' },
    });
    const shrink = await chain.owner.gql.request(AGREE, { id: chain.orderId, units: 100 });
    expect(shrink.errors?.[0].extensions?.fieldErrors).toEqual([
      {
        field: 'units',
        message: '5000 units beyond the order were already delivered; agree to at least 5000',
      },
    ]);
  });

  it('refuses a delivery before mass production, naming the stages that allow it', async () => {
    const chain = await deliveredProject(factory, city, { until: 'approveSample' });
    const early = await chain.manufacturer.gql.request(DELIVER, { id: chain.orderId, quantity: 1 });
    expect(early.errors?.[0]).toMatchObject({
      message:
        'Recording a delivery needs the order to be MASS_PRODUCTION or PARTIALLY_DELIVERED or DELIVERED (it is SAMPLE_APPROVED)',
      extensions: {
        code: 'CONFLICT',
        reason: 'ILLEGAL_MILESTONE',
        currentStage: 'SAMPLE_APPROVED',
      },
    });
  });
});
