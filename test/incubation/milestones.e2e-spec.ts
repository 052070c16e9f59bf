import { QueueName, QueueService } from '@cc/queue';
import { SeededCity } from '../support/catalog.factory';
import {
  acceptPlacement,
  consignment,
  createOutlet,
  createProduct,
  offerPlacement,
  RECORD_SALE,
} from '../retail/retail-test-kit';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { deliveredProject } from '../support/marketplace.factory';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import {
  admit,
  apply,
  createCohort,
  createProgram,
  draftProject,
  failure,
} from './incubation-test-kit';

const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

const TEAM_MILESTONES = `query($id: ID!) { cohortApplication(id: $id) { milestones {
  overdue milestone { id kind title dueOn }
  completion { evidence source eventKind eventRef projectId } } } }`;

interface TeamMilestoneView {
  overdue: boolean;
  milestone: { id: string; kind: string; title: string; dueOn: string | null };
  completion: {
    evidence: string;
    source: string;
    eventKind: string | null;
    eventRef: string | null;
    projectId: string | null;
  } | null;
}

describe('incubation: milestones ticked by platform events', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;
  let incubator: TestMember;
  let cohortId: string;
  const milestoneIds: Record<string, string> = {};

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    factory = new IdentityFactory(app);
    city = await factory.defaultCity();
    incubator = await factory.incubator();
    cohortId = await createCohort(incubator, await createProgram(incubator));
    for (const input of [
      { kind: 'PROTOTYPE', dueOn: day(30) },
      { kind: 'FIRST_PRODUCTION_ORDER', dueOn: day(60) },
      { kind: 'FIRST_PLACEMENT' },
      { kind: 'FIRST_1000_UNITS_SOLD' },
      { kind: 'CUSTOM', title: 'Pitch at the Tiexi demo day', dueOn: day(-1) },
    ]) {
      const { createMilestone } = await incubator.gql.data<{ createMilestone: { id: string } }>(
        'mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }',
        { input: { cohortId, ...input } },
      );
      milestoneIds[input.kind] = createMilestone.id;
    }
  });

  afterAll(() => app.close());

  const milestonesOf = async (user: TestUser, applicationId: string) => {
    const { cohortApplication } = await user.gql.data<{
      cohortApplication: { milestones: TeamMilestoneView[] };
    }>(TEAM_MILESTONES, { id: applicationId });
    return Object.fromEntries(cohortApplication.milestones.map((m) => [m.milestone.kind, m]));
  };

  it('a real accepted bid ticks "first production order", an approved sample "prototype", naming the event', async () => {
    const owner = await factory.talent();
    const manufacturer = await factory.manufacturer();
    const projectId = await draftProject(owner, city);
    const application = await apply(owner, cohortId, [projectId]);
    await admit(incubator, application.id);

    await owner.gql.data('mutation($id: ID!) { publishProject(id: $id) { id } }', {
      id: projectId,
    });
    const { submitBid } = await manufacturer.gql.data<{ submitBid: { id: string } }>(
      'mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }',
      {
        input: {
          projectId,
          organizationId: manufacturer.organizationId,
          priceTiers: [{ minQuantity: 1, unitPriceFen: 1400 }],
          moq: 1,
          leadTimeDays: 30,
          sampleCostFen: 0,
          note: '',
        },
      },
    );
    const { acceptBid } = await owner.gql.data<{ acceptBid: { id: string } }>(
      'mutation($bidId: ID!) { acceptBid(bidId: $bidId) { id } }',
      { bidId: submitBid.id },
    );

    const ticked = await eventually(async () => {
      const byKind = await milestonesOf(incubator, application.id);
      return byKind.FIRST_PRODUCTION_ORDER.completion ? byKind : undefined;
    });
    expect(ticked.FIRST_PRODUCTION_ORDER.completion).toEqual({
      evidence: `Bid accepted ${submitBid.id} (project ${projectId})`,
      source: 'PLATFORM_EVENT',
      eventKind: 'BID_ACCEPTED',
      eventRef: submitBid.id,
      projectId,
    });
    expect(ticked.PROTOTYPE.completion).toBeNull();
    expect(ticked.FIRST_PLACEMENT.completion).toBeNull();
    // Not reached and past its due date.
    expect(ticked.CUSTOM).toMatchObject({ overdue: true, completion: null });

    await manufacturer.gql.data('mutation($id: ID!) { submitSample(orderId: $id) { id } }', {
      id: acceptBid.id,
    });
    await owner.gql.data('mutation($id: ID!) { approveSample(orderId: $id) { id } }', {
      id: acceptBid.id,
    });
    const prototype = await eventually(async () => {
      const byKind = await milestonesOf(owner, application.id);
      return byKind.PROTOTYPE.completion ?? undefined;
    });
    expect(prototype).toMatchObject({ eventKind: 'SAMPLE_APPROVED', eventRef: acceptBid.id });
  });

  it('catches up at admission, then a placement and the sale reaching 1,000 units tick theirs', async () => {
    const delivered = await deliveredProject(factory, city, { quantity: 1_200 });
    const application = await apply(delivered.owner, cohortId, [delivered.projectId]);
    await admit(incubator, application.id);
    // The bid and the sample came before the admission: ticked at once, naming those events.
    const atAdmission = await milestonesOf(incubator, application.id);
    expect(atAdmission.FIRST_PRODUCTION_ORDER.completion).toMatchObject({
      source: 'PLATFORM_EVENT',
      eventKind: 'BID_ACCEPTED',
      projectId: delivered.projectId,
    });
    expect(atAdmission.PROTOTYPE.completion).toMatchObject({
      eventKind: 'SAMPLE_APPROVED',
      eventRef: delivered.orderId,
    });
    expect(atAdmission.FIRST_PLACEMENT.completion).toBeNull();

    const retailer = await factory.retailer();
    const productId = await createProduct(delivered.owner, delivered.projectId);
    const outletId = await createOutlet(retailer, city);
    const offered = await offerPlacement(delivered.owner, {
      productId,
      outletId,
      terms: consignment(2000),
    });
    await acceptPlacement(retailer, offered.id);
    const placed = await eventually(async () => {
      const byKind = await milestonesOf(incubator, application.id);
      return byKind.FIRST_PLACEMENT.completion ?? undefined;
    });
    expect(placed).toMatchObject({ eventKind: 'PLACEMENT_STARTED', eventRef: offered.id });

    const sell = async (quantity: number, externalId: string) => {
      const { recordSale } = await retailer.gql.data<{ recordSale: { sale: { id: string } } }>(
        RECORD_SALE,
        {
          input: {
            outletId,
            productId,
            quantity,
            unitPrice: 5_000,
            soldAt: new Date().toISOString(),
            externalId,
          },
        },
      );
      return recordSale.sale.id;
    };
    await sell(600, 'M-1');
    const reaching = await sell(400, 'M-2');
    const thousand = await eventually(async () => {
      const byKind = await milestonesOf(incubator, application.id);
      return byKind.FIRST_1000_UNITS_SOLD.completion ?? undefined;
    });
    // The 600-unit sale did not reach the threshold; the one that did is recorded.
    expect(thousand).toMatchObject({ eventKind: 'SALE_RECORDED', eventRef: reaching });
  });

  it('records the sale that reached 1,000 units in the order sold, whichever event arrives last', async () => {
    const delivered = await deliveredProject(factory, city, { quantity: 1_200 });
    const application = await apply(delivered.owner, cohortId, [delivered.projectId]);
    await admit(incubator, application.id);
    const retailer = await factory.retailer();
    const productId = await createProduct(delivered.owner, delivered.projectId);
    const outletId = await createOutlet(retailer, city);
    const offered = await offerPlacement(delivered.owner, {
      productId,
      outletId,
      terms: consignment(2000),
    });
    await acceptPlacement(retailer, offered.id);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const sell = async (quantity: number, externalId: string, soldAt: Date) => {
      const { recordSale } = await retailer.gql.data<{ recordSale: { sale: { id: string } } }>(
        RECORD_SALE,
        {
          input: {
            outletId,
            productId,
            quantity,
            unitPrice: 5_000,
            soldAt: soldAt.toISOString(),
            externalId,
          },
        },
      );
      return recordSale.sale.id;
    };
    // Recorded second but sold first: in the order sold, 400 then 600, so the 600 reaches 1,000.
    const soldLater = new Date();
    const reaching = await sell(600, 'ORDER-1', soldLater);
    await sell(400, 'ORDER-2', new Date(soldLater.getTime() - 1_000));
    const thousand = await eventually(async () => {
      const byKind = await milestonesOf(incubator, application.id);
      return byKind.FIRST_1000_UNITS_SOLD.completion ?? undefined;
    });
    expect(thousand).toMatchObject({ eventKind: 'SALE_RECORDED', eventRef: reaching });
  });

  it('a bulk sales import reaching 1,000 units ticks the milestone, with one event per project', async () => {
    const delivered = await deliveredProject(factory, city, { quantity: 1_500 });
    const application = await apply(delivered.owner, cohortId, [delivered.projectId]);
    await admit(incubator, application.id);
    const retailer = await factory.retailer();
    const productId = await createProduct(delivered.owner, delivered.projectId);
    const outletId = await createOutlet(retailer, city);
    const offered = await offerPlacement(delivered.owner, {
      productId,
      outletId,
      terms: consignment(2000),
    });
    await acceptPlacement(retailer, offered.id);
    // Sold after the placement started, a moment apart.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const start = Date.now() - 1_000;
    const csv = [
      'external_id,product_id,quantity,unit_price,sold_at',
      ...Array.from(
        { length: 5 },
        (_, i) => `BULK-${i},${productId},220,5000,${new Date(start + i * 100).toISOString()}`,
      ),
    ].join('\n');
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'sales.csv');
    const upload = await fetch(`${app.baseUrl}/retail/outlets/${outletId}/sales-imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${retailer.accessToken}` },
      body: form,
    });
    expect(upload.status).toBe(202);
    const thousand = await eventually(async () => {
      const byKind = await milestonesOf(incubator, application.id);
      return byKind.FIRST_1000_UNITS_SOLD.completion ?? undefined;
    }, 30_000);
    const [last] = await app.db.query(
      `SELECT id FROM sale WHERE external_id = 'BULK-4' AND outlet_id = $1`,
      [outletId],
    );
    expect(thousand).toMatchObject({
      source: 'PLATFORM_EVENT',
      eventKind: 'SALE_RECORDED',
      eventRef: last.id,
      projectId: delivered.projectId,
    });
    const jobs = await app.api
      .get(QueueService)
      .queue(QueueName.DOMAIN_EVENTS)
      .getJobs(['completed', 'waiting', 'active', 'delayed'], 0, -1);
    const saleEvents = jobs.filter(
      (job) => job?.data?.kind === 'SALE_RECORDED' && job.data.projectId === delivered.projectId,
    );
    expect(saleEvents).toHaveLength(1);
  });

  it('the incubator or the team marks a milestone with evidence, once', async () => {
    const talent = await factory.talent();
    const application = await apply(talent, cohortId, [await draftProject(talent, city)]);
    const mark = (user: TestUser, kind: string, evidence = 'https://example.com/demo-day.jpg') =>
      user.gql.request(
        `mutation($input: MarkMilestoneDoneInput!) { markMilestoneDone(input: $input) { source evidence } }`,
        { input: { milestoneId: milestoneIds[kind], applicationId: application.id, evidence } },
      );
    expect(failure((await mark(talent, 'CUSTOM')).errors)).toEqual({
      code: 'CONFLICT',
      reason: 'NOT_ADMITTED',
    });
    await admit(incubator, application.id);
    const done = await mark(talent, 'CUSTOM');
    expect(done.data).toEqual({
      markMilestoneDone: { source: 'MANUAL', evidence: 'https://example.com/demo-day.jpg' },
    });
    expect(failure((await mark(incubator, 'CUSTOM')).errors)).toEqual({
      code: 'CONFLICT',
      reason: 'ALREADY_COMPLETED',
    });
    expect(failure((await mark(await factory.talent(), 'PROTOTYPE')).errors)).toEqual({
      code: 'NOT_FOUND',
      reason: 'APPLICATION_NOT_FOUND',
    });
    expect(failure((await mark(incubator, 'PROTOTYPE', '')).errors).reason).toBe(
      'VALIDATION_FAILED',
    );
    const byKind = await milestonesOf(incubator, application.id);
    expect(byKind.CUSTOM).toMatchObject({ overdue: false, completion: { source: 'MANUAL' } });
  });

  it('refuses a second milestone of one kind, and a CUSTOM one without a title', async () => {
    const create = (input: Record<string, unknown>) =>
      incubator.gql.request(
        'mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }',
        { input: { cohortId, ...input } },
      );
    expect(failure((await create({ kind: 'PROTOTYPE' })).errors)).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'DUPLICATE_MILESTONE',
    });
    const untitled = await create({ kind: 'CUSTOM' });
    expect(failure(untitled.errors)).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_MILESTONE',
    });
    expect(untitled.errors?.[0].extensions?.fieldErrors).toEqual([
      { field: 'title', message: 'a CUSTOM milestone needs a title' },
    ]);
    const stranger = await factory.incubator();
    const foreign = await stranger.gql.request(
      'mutation($input: CreateMilestoneInput!) { createMilestone(input: $input) { id } }',
      { input: { cohortId, kind: 'FIRST_1000_UNITS_SOLD' } },
    );
    expect(failure(foreign.errors)).toEqual({ code: 'FORBIDDEN', reason: 'NOT_INCUBATOR_MEMBER' });
  });
});
