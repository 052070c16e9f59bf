import { seedCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { deliveredProject } from '../support/marketplace.factory';
import { cloneDeliveredProject } from '../support/row-cloner';
import { expectFlatRead, pageStatements } from '../support/statement-count';
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
    // 49 more delivered projects, each with its bid, revisions, order, milestones and reviews.
    for (let i = 0; i < 49; i += 1) await cloneDeliveredProject(app.db, chain, `Copy ${i}`);
  }, 300_000);

  afterAll(() => app.close());

  it('projects(mine){bids{revisions productionOrder{milestones reviews}}}: as many statements for 50 projects as for 2', async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await owner.gql.data<{
        projects: { edges: { node: { bids: { productionOrder: OrderView }[] } }[] };
      }>(MY_PROJECTS, { first });
      const orders = data.projects.edges.map((edge) => edge.node.bids[0].productionOrder);
      expect(orders.every((order) => order!.milestones.length >= 4)).toBe(true);
      expect(orders.every((order) => order!.reviews.length === 2)).toBe(true);
      return orders.length;
    });
    expectFlatRead(app, MY_PROJECTS, () => ({}), page);
    for (const table of ['production_order', 'production_milestone', 'review']) {
      expect(page.statements.large.filter((sql) => sql.includes(`FROM "${table}"`))).toHaveLength(
        1,
      );
    }
  });

  it('myBids{revisions productionOrder{milestones reviews}}: as many statements for 50 bids as for 2', async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await maker.gql.data<{
        myBids: { edges: { node: { productionOrder: OrderView } }[] };
      }>(MY_BIDS, { first });
      const orders = data.myBids.edges.map((edge) => edge.node.productionOrder);
      expect(orders.every((order) => order!.reviews.length === 2)).toBe(true);
      return orders.length;
    });
    expectFlatRead(app, MY_BIDS, () => ({}), page);
    expect(
      page.statements.large.filter((sql) => sql.includes('FROM "production_order"')),
    ).toHaveLength(1);
  });
});
