import { seedCity, SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

const CREATE = 'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }';
const PUBLISH = 'mutation($id: ID!) { publishProject(id: $id) { id state } }';
const SUBMIT =
  'mutation($input: SubmitBidInput!) { submitBid(input: $input) { id state revision } }';
const REVISE = `mutation($bidId: ID!, $input: BidTermsInput!) {
  reviseBid(bidId: $bidId, input: $input) { id state revision revisions { revision moq } }
}`;
const WITHDRAW = 'mutation($bidId: ID!) { withdrawBid(bidId: $bidId) { id state } }';
const ACCEPT =
  'mutation($bidId: ID!) { acceptBid(bidId: $bidId) { id stage quantityOrdered unitPriceFen } }';
const PROJECT_BIDS = `query($id: ID!) {
  project(id: $id) { state bidCount bids { id organizationId priceTiers { unitPriceFen } } myBid { id } }
}`;

const terms = (unitPriceFen = 1800, overrides: Record<string, unknown> = {}) => ({
  priceTiers: [
    { minQuantity: 1, unitPriceFen: unitPriceFen + 400 },
    { minQuantity: 200, unitPriceFen },
  ],
  moq: 100,
  leadTimeDays: 30,
  sampleCostFen: 20_000,
  note: 'Brass, hand-finished',
  ...overrides,
});

interface ProjectBids {
  project: {
    state: string;
    bidCount: number;
    bids: { id: string; organizationId: string; priceTiers: { unitPriceFen: number }[] }[];
    myBid: { id: string } | null;
  };
}

describe('sealed bids and awarding', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;
  let owner: TestUser;

  async function openProject(overrides: Record<string, unknown> = {}): Promise<string> {
    const { createProject } = await owner.gql.data<{ createProject: { id: string } }>(CREATE, {
      input: {
        title: 'Tiexi foundry bookends',
        description: 'Cast-iron bookends from the 1905 workshop moulds.',
        cityId: city.cityId,
        category: 'PRODUCT',
        culturalResourceIds: [city.resourceIds[0]],
        processes: ['METAL_CASTING'],
        materials: ['cast iron'],
        quantity: 500,
        targetUnitCostFen: 2000,
        requiredCertifications: [],
        bidDeadline: inDays(10),
        deliveryDeadline: inDays(90),
        ...overrides,
      },
    });
    await owner.gql.data(PUBLISH, { id: createProject.id });
    return createProject.id;
  }

  const bid = async (by: TestMember, projectId: string, unitPriceFen?: number) =>
    (
      await by.gql.data<{ submitBid: { id: string } }>(SUBMIT, {
        input: { projectId, organizationId: by.organizationId, ...terms(unitPriceFen) },
      })
    ).submitBid.id;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
    city = await seedCity(app.db, 2);
    owner = await factory.talent();
  });

  afterAll(() => app.close());

  it('answers a total cost past 2^31 fen exactly, not as an INTERNAL Int overflow', async () => {
    const projectId = await openProject({ quantity: 10_000_000 });
    const manufacturer = await factory.manufacturer();
    await bid(manufacturer, projectId, 5_010);
    const { bidComparison } = await owner.gql.data<{ bidComparison: { totalCostFen: number }[] }>(
      'query($id: ID!) { bidComparison(projectId: $id) { totalCostFen } }',
      { id: projectId },
    );
    expect(bidComparison).toEqual([{ totalCostFen: 5_010 * 10_000_000 + 20_000 }]);
  });

  it('keeps bids sealed on every path: owners see all, a manufacturer only its own, others none', async () => {
    const projectId = await openProject();
    const [m1, m2] = await Promise.all([factory.manufacturer(), factory.manufacturer()]);
    const [b1, b2] = [await bid(m1, projectId, 1700), await bid(m2, projectId, 1900)];
    const stranger = await factory.talent();

    const ownerView = await owner.gql.data<ProjectBids>(PROJECT_BIDS, { id: projectId });
    expect(ownerView.project.bids.map((b) => b.id).sort()).toEqual([b1, b2].sort());
    expect(ownerView.project.bidCount).toBe(2);

    const m1View = await m1.gql.data<ProjectBids>(PROJECT_BIDS, { id: projectId });
    expect(m1View.project.bids.map((b) => b.id)).toEqual([b1]);
    expect(m1View.project.myBid?.id).toBe(b1);

    for (const outsider of [stranger.gql, app.gql]) {
      const view = await outsider.data<ProjectBids>(PROJECT_BIDS, { id: projectId });
      expect(view.project.bids).toEqual([]);
      expect(view.project.myBid).toBeNull();
      expect(view.project.bidCount).toBe(2);
    }

    const direct = await m2.gql.request('query($id: ID!) { bid(id: $id) { id } }', { id: b1 });
    expect(direct.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const listed = await m2.gql.data<{ myBids: { edges: { node: { id: string } }[] } }>(
      '{ myBids(first: 50) { edges { node { id } } } }',
    );
    expect(listed.myBids.edges.map((edge) => edge.node.id)).toEqual([b2]);
    const comparison = await m1.gql.request(
      'query($id: ID!) { bidComparison(projectId: $id) { totalCostFen } }',
      { id: projectId },
    );
    expect(comparison.errors?.[0].extensions?.code).toMatch(/FORBIDDEN/);
    const strangerRevise = await m2.gql.request(REVISE, { bidId: b1, input: terms(1) });
    expect(strangerRevise.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('compares live bids for the owner, cheapest total first', async () => {
    const projectId = await openProject();
    const [m1, m2] = await Promise.all([factory.manufacturer(), factory.manufacturer()]);
    await bid(m1, projectId, 1900);
    await bid(m2, projectId, 1700);
    const { bidComparison } = await owner.gql.data<{
      bidComparison: {
        organizationId: string;
        unitPriceFen: number;
        totalCostFen: number;
        meetsDeliveryDeadline: boolean;
      }[];
    }>(
      'query($id: ID!) { bidComparison(projectId: $id) { organizationId unitPriceFen totalCostFen meetsDeliveryDeadline } }',
      { id: projectId },
    );
    expect(bidComparison).toEqual([
      {
        organizationId: m2.organizationId,
        unitPriceFen: 1700,
        totalCostFen: 1700 * 500 + 20_000,
        meetsDeliveryDeadline: true,
      },
      {
        organizationId: m1.organizationId,
        unitPriceFen: 1900,
        totalCostFen: 1900 * 500 + 20_000,
        meetsDeliveryDeadline: true,
      },
    ]);
  });

  it('revises with history, withdraws, and refuses a second live bid', async () => {
    const projectId = await openProject();
    const maker = await factory.manufacturer();
    const bidId = await bid(maker, projectId);
    const { reviseBid } = await maker.gql.data<{
      reviseBid: {
        state: string;
        revision: number;
        revisions: { revision: number; moq: number }[];
      };
    }>(REVISE, { bidId, input: terms(1750, { moq: 150 }) });
    expect(reviseBid).toMatchObject({ state: 'REVISED', revision: 2 });
    expect(reviseBid.revisions).toEqual([
      { revision: 1, moq: 100 },
      { revision: 2, moq: 150 },
    ]);
    const again = await maker.gql.request(SUBMIT, {
      input: { projectId, organizationId: maker.organizationId, ...terms() },
    });
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_BID' });
    const { withdrawBid } = await maker.gql.data<{ withdrawBid: { state: string } }>(WITHDRAW, {
      bidId,
    });
    expect(withdrawBid.state).toBe('WITHDRAWN');
  });

  it('refuses bids after the deadline, on drafts, with non-positive prices, or missing certifications', async () => {
    const maker = await factory.manufacturer();
    const closing = await openProject({
      bidDeadline: new Date(Date.now() + 1_500).toISOString(),
      deliveryDeadline: inDays(30),
    });
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const late = await maker.gql.request(SUBMIT, {
      input: { projectId: closing, organizationId: maker.organizationId, ...terms() },
    });
    expect(late.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'BID_DEADLINE_PASSED',
    });

    const projectId = await openProject();
    const free = await maker.gql.request(SUBMIT, {
      input: { projectId, organizationId: maker.organizationId, ...terms(0) },
    });
    expect(free.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(free.errors?.[0].extensions?.fieldErrors)).toContain(
      'unitPriceFen must be positive',
    );

    const certified = await openProject({ requiredCertifications: ['ISO 9001'] });
    const uncertified = await maker.gql.request(SUBMIT, {
      input: { projectId: certified, organizationId: maker.organizationId, ...terms() },
    });
    expect(uncertified.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MISSING_CERTIFICATION',
    });

    const notMine = await maker.gql.request(SUBMIT, {
      input: {
        projectId,
        organizationId: (await factory.manufacturer()).organizationId,
        ...terms(),
      },
    });
    expect(notMine.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(
      await app.db.query('SELECT count(*)::int AS n FROM bid WHERE organization_id = $1', [
        maker.organizationId,
      ]),
    ).toEqual([{ n: 0 }]);
  });

  it('accepts exactly one of 20 bids accepted at the same moment; the losers get CONFLICT', async () => {
    const projectId = await openProject();
    const makers = await Promise.all(Array.from({ length: 20 }, () => factory.manufacturer()));
    const bidIds = await Promise.all(makers.map((maker, i) => bid(maker, projectId, 1500 + i)));

    const results = await Promise.all(bidIds.map((bidId) => owner.gql.request(ACCEPT, { bidId })));
    const winners = results.filter((result) => !result.errors);
    const losers = results.filter((result) => result.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    for (const loser of losers) expect(loser.errors?.[0].extensions?.code).toBe('CONFLICT');

    const states = await app.db.query(
      `SELECT state, count(*)::int AS n FROM bid WHERE project_id = $1 GROUP BY state ORDER BY state`,
      [projectId],
    );
    expect(states).toEqual([
      { state: 'ACCEPTED', n: 1 },
      { state: 'REJECTED', n: 19 },
    ]);
    const [project] = await app.db.query('SELECT state FROM project WHERE id = $1', [projectId]);
    expect(project.state).toBe('AWARDED');
    expect(
      await app.db.query('SELECT count(*)::int AS n FROM production_order WHERE project_id = $1', [
        projectId,
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it('runs production: the manufacturer moves it, only the owner approves the sample', async () => {
    const projectId = await openProject();
    const maker = await factory.manufacturer();
    const bidId = await bid(maker, projectId, 1800);
    const { acceptBid } = await owner.gql.data<{
      acceptBid: { id: string; stage: string; quantityOrdered: number; unitPriceFen: number };
    }>(ACCEPT, { bidId });
    expect(acceptBid).toMatchObject({
      stage: 'AWAITING_SAMPLE',
      quantityOrdered: 500,
      unitPriceFen: 1800,
    });
    const orderId = acceptBid.id;
    const move = (by: TestUser, mutation: string, extra = '') =>
      by.gql.request(
        `mutation($id: ID!) { ${mutation}(orderId: $id${extra}) { stage quantityDelivered } }`,
        { id: orderId },
      );

    expect((await move(owner, 'submitSample')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await move(maker, 'startMassProduction')).errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ILLEGAL_MILESTONE',
    });
    expect((await move(maker, 'submitSample')).errors).toBeUndefined();
    expect((await move(maker, 'approveSample')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await move(owner, 'approveSample')).errors).toBeUndefined();
    const [inProduction] = await app.db.query('SELECT state FROM project WHERE id = $1', [
      projectId,
    ]);
    expect(inProduction.state).toBe('IN_PRODUCTION');
    expect((await move(maker, 'startMassProduction')).errors).toBeUndefined();
    const zero = await move(maker, 'recordDelivery', ', quantity: 0');
    expect(zero.errors?.[0].extensions?.fieldErrors).toEqual([
      {
        field: 'quantity',
        message: 'quantity must be a whole number of units between 1 and 10000000',
      },
    ]);
    await move(maker, 'recordDelivery', ', quantity: 300');
    const second = await maker.gql.data<{
      recordDelivery: { stage: string; quantityDelivered: number };
    }>(
      'mutation($id: ID!) { recordDelivery(orderId: $id, quantity: 200) { stage quantityDelivered } }',
      { id: orderId },
    );
    expect(second.recordDelivery).toEqual({ stage: 'DELIVERED', quantityDelivered: 500 });
    const { productionOrder } = await owner.gql.data<{
      productionOrder: { milestones: { stage: string }[] };
    }>('query($id: ID!) { productionOrder(orderId: $id) { milestones { stage } } }', {
      id: orderId,
    });
    expect(productionOrder.milestones.map((milestone) => milestone.stage)).toEqual([
      'SAMPLE_SUBMITTED',
      'SAMPLE_APPROVED',
      'MASS_PRODUCTION',
      'PARTIALLY_DELIVERED',
      'DELIVERED',
    ]);

    const REVIEW = `mutation($id: ID!, $input: ReviewInput!) {
      reviewProductionOrder(orderId: $id, input: $input) { side quality }
    }`;
    const scores = { quality: 5, onTimeDelivery: 4, communication: 3, comment: 'Crisp casting' };
    const ownerReview = await owner.gql.data<{ reviewProductionOrder: { side: string } }>(REVIEW, {
      id: orderId,
      input: scores,
    });
    expect(ownerReview.reviewProductionOrder.side).toBe('PROJECT_OWNER');
    const makerReview = await maker.gql.data<{ reviewProductionOrder: { side: string } }>(REVIEW, {
      id: orderId,
      input: { ...scores, quality: 4 },
    });
    expect(makerReview.reviewProductionOrder.side).toBe('MANUFACTURER');
    const twice = await owner.gql.request(REVIEW, { id: orderId, input: scores });
    expect(twice.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_REVIEWED',
    });
    const outOfRange = await owner.gql.request(REVIEW, {
      id: orderId,
      input: { ...scores, quality: 6 },
    });
    expect(outOfRange.errors?.[0].extensions?.fieldErrors).toEqual([
      { field: 'quality', message: 'quality must not be greater than 5' },
    ]);

    const { manufacturerRecord } = await app.gql.data<{
      manufacturerRecord: {
        rating: number;
        reviewCount: number;
        deliveredOrders: number;
        onTimeRate: number;
      };
    }>(
      'query($id: ID!) { manufacturerRecord(organizationId: $id) { rating reviewCount deliveredOrders onTimeRate } }',
      {
        id: maker.organizationId,
      },
    );
    expect(manufacturerRecord).toEqual({
      rating: 4,
      reviewCount: 1,
      deliveredOrders: 1,
      onTimeRate: 1,
    });
  });

  it('refuses reviews before delivery', async () => {
    const projectId = await openProject();
    const maker = await factory.manufacturer();
    const { acceptBid } = await owner.gql.data<{ acceptBid: { id: string } }>(ACCEPT, {
      bidId: await bid(maker, projectId),
    });
    const early = await owner.gql.request(
      'mutation($id: ID!) { reviewProductionOrder(orderId: $id, input: { quality: 5, onTimeDelivery: 5, communication: 5 }) { id } }',
      { id: acceptBid.id },
    );
    expect(early.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_DELIVERED',
    });
  });
});
