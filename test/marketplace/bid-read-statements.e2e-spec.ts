import { seedCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { deliveredProject } from '../support/marketplace.factory';
import { cloneChildren, cloneRow } from '../support/row-cloner';
import { pageStatements } from '../support/statement-count';
import { startTestApp, TestApp } from '../support/test-app';

const ORDER_FIELDS =
  'productionOrder { id stage milestones { stage quantity } reviews { side quality } }';

const MY_PROJECTS = `query($first: Int!) {
  projects(filter: { mine: true }, first: $first) {
    edges { node { id bids { id revisions { revision } ${ORDER_FIELDS} } } }
  }
}`;

const MY_BIDS = `query($first: Int!) {
  myBids(first: $first) { edges { node { id revisions { revision } ${ORDER_FIELDS} } } }
}`;

type OrderView = {
  milestones: { stage: string }[];
  reviews: { side: string }[];
} | null;

const REVIEW = `mutation($orderId: ID!, $input: ReviewInput!) {
  reviewProductionOrder(orderId: $orderId, input: $input) { id }
}`;

describe('N+1 guard: bids with their production orders, milestones and reviews', () => {
  let app: TestApp;
  let owner: TestUser;
  let maker: TestMember;

  beforeAll(async () => {
    app = await startTestApp();
    const city = await seedCity(app.db, 1);
    const factory = new IdentityFactory(app);
    const chain = await deliveredProject(factory, city);
    owner = chain.owner;
    maker = chain.manufacturer;
    const review = { quality: 5, onTimeDelivery: 4, communication: 5, comment: 'Fine work.' };
    await owner.gql.data(REVIEW, { orderId: chain.orderId, input: review });
    await maker.gql.data(REVIEW, { orderId: chain.orderId, input: review });
    const [{ id: bidId }]: { id: string }[] = await app.db.query(
      'SELECT id FROM bid WHERE project_id = $1',
      [chain.projectId],
    );
    // 49 more delivered projects, each with its bid, revisions, order, milestones and reviews.
    for (let i = 0; i < 49; i += 1) {
      const project = await cloneRow(app.db, 'project', chain.projectId, { title: `Copy ${i}` });
      const bid = await cloneRow(app.db, 'bid', bidId, { project_id: project });
      await cloneChildren(app.db, 'bid_revision', 'bid_id', bidId, bid);
      const order = await cloneRow(app.db, 'production_order', chain.orderId, {
        project_id: project,
        bid_id: bid,
      });
      await cloneChildren(app.db, 'production_milestone', 'order_id', chain.orderId, order);
      await cloneChildren(app.db, 'review', 'order_id', chain.orderId, order);
    }
  });

  afterAll(() => app.close());

  it('projects(mine){bids{revisions productionOrder{milestones reviews}}}: as many statements for 50 projects as for 2', async () => {
    const { rows, statements } = await pageStatements(app.db, async (first) => {
      const data = await owner.gql.data<{
        projects: { edges: { node: { bids: { productionOrder: OrderView }[] } }[] };
      }>(MY_PROJECTS, { first });
      const orders = data.projects.edges.map((edge) => edge.node.bids[0].productionOrder);
      expect(orders.every((order) => order!.milestones.length >= 4)).toBe(true);
      expect(orders.every((order) => order!.reviews.length === 2)).toBe(true);
      return orders.length;
    });
    expect(rows).toEqual({ small: 2, large: 50 });
    expect(statements.large).toHaveLength(statements.small.length);
    for (const table of ['production_order', 'production_milestone', 'review']) {
      expect(statements.large.filter((sql) => sql.includes(`FROM "${table}"`))).toHaveLength(1);
    }
  });

  it('myBids{revisions productionOrder{milestones reviews}}: as many statements for 50 bids as for 2', async () => {
    const { rows, statements } = await pageStatements(app.db, async (first) => {
      const data = await maker.gql.data<{
        myBids: { edges: { node: { productionOrder: OrderView } }[] };
      }>(MY_BIDS, { first });
      const orders = data.myBids.edges.map((edge) => edge.node.productionOrder);
      expect(orders.every((order) => order!.reviews.length === 2)).toBe(true);
      return orders.length;
    });
    expect(rows).toEqual({ small: 2, large: 50 });
    expect(statements.large).toHaveLength(statements.small.length);
    expect(statements.large.filter((sql) => sql.includes('FROM "production_order"'))).toHaveLength(
      1,
    );
  });
});
