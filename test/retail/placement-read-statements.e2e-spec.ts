import { seedCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember } from '../support/identity.factory';
import { deliveredProject } from '../support/marketplace.factory';
import { cloneDeliveredProject, cloneRow } from '../support/row-cloner';
import { expectFlatRead, pageStatements } from '../support/statement-count';
import { startTestApp, TestApp } from '../support/test-app';
import {
  acceptPlacement,
  consignment,
  createOutlet,
  createProduct,
  offerPlacement,
} from './retail-test-kit';

const PRODUCT_FIELDS = `id unitsDelivered sellThrough { ratio } city { id } culturalResources { id }
  project { id title }`;

const PLACEMENTS = `query($organizationId: ID!, $first: Int!) {
  placements(filter: { organizationId: $organizationId }, first: $first) {
    edges { node {
      id viewerActions unitsSold salesTotalFen heritageOwner { id }
      product { ${PRODUCT_FIELDS} }
      outlet { id city { id } district { id } organization { id } sellThrough { ratio } }
    } }
  }
}`;

const PRODUCTS = `query($first: Int!) {
  products(first: $first) { edges { node { ${PRODUCT_FIELDS} } } }
}`;

describe('N+1 guard: placements and products with their nested fields', () => {
  let app: TestApp;
  let retailer: TestMember;

  beforeAll(async () => {
    app = await startTestApp();
    const city = await seedCity(app.db, 1);
    const factory = new IdentityFactory(app);
    const chain = await deliveredProject(factory, city);
    retailer = await factory.retailer();
    const productId = await createProduct(chain.owner, chain.projectId);
    const outletId = await createOutlet(retailer, city);
    const offered = await offerPlacement(chain.owner, {
      productId,
      outletId,
      terms: consignment(1500),
      note: '',
    });
    const placement = await acceptPlacement(retailer, offered.id);
    // 49 more products of 49 more delivered projects, each placed at the same outlet.
    for (let i = 0; i < 49; i += 1) {
      const copy = await cloneDeliveredProject(app.db, chain, `Copy ${i}`);
      const product = await cloneRow(app.db, 'product', productId, {
        project_id: copy.projectId,
        sku: `COPY-${i}`,
      });
      await cloneRow(app.db, 'placement', placement.id, {
        product_id: product,
        project_id: copy.projectId,
      });
    }
  }, 300_000);

  afterAll(() => app.close());

  it('placements{viewerActions product{project} outlet}: as many statements for 50 as for 2', async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await retailer.gql.data<{
        placements: {
          edges: { node: { viewerActions: string[]; product: { project: { id: string } } } }[];
        };
      }>(PLACEMENTS, { organizationId: retailer.organizationId, first });
      const nodes = data.placements.edges.map((edge) => edge.node);
      expect(nodes.every((node) => node.viewerActions.includes('END'))).toBe(true);
      expect(nodes.every((node) => node.product.project.id)).toBe(true);
      return nodes.length;
    });
    expectFlatRead(app, PLACEMENTS, () => ({ organizationId: retailer.organizationId }), page);
    expect(
      // The viewer's organizations and teams, each read once for the whole page.
      page.statements.large.filter((sql) =>
        /FROM "(organization|team)_member".*"user_id" IN/s.test(sql),
      ),
    ).toHaveLength(2);
    expect(page.statements.large.filter((sql) => sql.includes('FROM "project"'))).toHaveLength(1);
  });

  it('products{project unitsDelivered sellThrough}: as many statements for 50 as for 2', async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await retailer.gql.data<{
        products: { edges: { node: { unitsDelivered: number; project: { id: string } } }[] };
      }>(PRODUCTS, { first });
      const nodes = data.products.edges.map((edge) => edge.node);
      expect(nodes.every((node) => node.unitsDelivered > 0 && node.project.id)).toBe(true);
      return nodes.length;
    });
    expectFlatRead(app, PRODUCTS, () => ({}), page);
  });
});
