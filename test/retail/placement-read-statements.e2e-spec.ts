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
  RECORD_SALE,
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

const SALES = `query($outletId: ID!, $first: Int!) {
  sales(filter: { outletId: $outletId }, first: $first) {
    edges { node { id quantity product { ${PRODUCT_FIELDS} } outlet { id sellThrough { ratio } } } }
  }
}`;

const SALES_IMPORTS = `query($outletId: ID!, $first: Int!) {
  salesImports(outletId: $outletId, first: $first) {
    edges { node { id summary outlet { id } errors(first: 2, afterLine: 2) { line column reason } } }
  }
}`;

/** A completed import with three bad rows (lines 2, 3 and 5), for `salesImports{errors}`. */
async function insertImportWithErrors(app: TestApp, retailer: TestMember, outletId: string) {
  const [{ id }]: { id: string }[] = await app.db.query(
    `INSERT INTO sales_import (outlet_id, organization_id, uploaded_by_user_id, file_name, status,
       processed_rows, imported_rows, rejected_rows)
     VALUES ($1, $2, $3, 'sales.csv', 'COMPLETED', 10, 7, 3) RETURNING id`,
    [outletId, retailer.organizationId, retailer.id],
  );
  await app.db.query(
    `INSERT INTO sales_import_error (import_id, seq, line, field, reason)
     SELECT $1, n, (ARRAY[2, 3, 5])[n], 'quantity', 'quantity: must be between 1 and 100000, got 0'
       FROM generate_series(1, 3) n`,
    [id],
  );
  return id;
}

type Page<T> = { edges: { node: T }[] };

describe('N+1 guard: placements and products with their nested fields', () => {
  let app: TestApp;
  let retailer: TestMember;
  let outletId: string;

  beforeAll(async () => {
    app = await startTestApp();
    const city = await seedCity(app.db, 1);
    const factory = new IdentityFactory(app);
    const chain = await deliveredProject(factory, city);
    retailer = await factory.retailer();
    const productId = await createProduct(chain.owner, chain.projectId);
    outletId = await createOutlet(retailer, city);
    const offered = await offerPlacement(chain.owner, {
      productId,
      outletId,
      terms: consignment(1500),
      note: '',
    });
    const placement = await acceptPlacement(retailer, offered.id);
    const { recordSale } = await retailer.gql.data<{ recordSale: { sale: { id: string } } }>(
      RECORD_SALE,
      {
        input: {
          outletId,
          productId,
          quantity: 1,
          unitPrice: 1000,
          soldAt: new Date().toISOString(),
          externalId: 'POS-0',
        },
      },
    );
    const importId = await insertImportWithErrors(app, retailer, outletId);
    // 49 more products of 49 more delivered projects, each placed at the same outlet.
    for (let i = 0; i < 49; i += 1) {
      const copy = await cloneDeliveredProject(app.db, chain, `Copy ${i}`);
      const product = await cloneRow(app.db, 'product', productId, {
        project_id: copy.projectId,
        sku: `COPY-${i}`,
      });
      const copyPlacement = await cloneRow(app.db, 'placement', placement.id, {
        product_id: product,
        project_id: copy.projectId,
      });
      // A sale of each product, and one more import (errors copied), at the outlet.
      await cloneRow(app.db, 'sale', recordSale.sale.id, {
        product_id: product,
        placement_id: copyPlacement,
        external_id: `POS-${i + 1}`,
      });
      const copyImport = await cloneRow(app.db, 'sales_import', importId, {});
      await app.db.query(
        `INSERT INTO sales_import_error (import_id, seq, line, field, reason)
         SELECT $2, seq, line, field, reason FROM sales_import_error WHERE import_id = $1`,
        [importId, copyImport],
      );
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

  it('sales{product{project sellThrough} outlet{sellThrough}}: as many statements for 50 as for 2', async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await retailer.gql.data<{
        sales: Page<{ product: { project: { id: string } }; outlet: { id: string } }>;
      }>(SALES, { outletId, first });
      const nodes = data.sales.edges.map((edge) => edge.node);
      expect(nodes.every((node) => node.product.project.id && node.outlet.id === outletId)).toBe(
        true,
      );
      expect(new Set(nodes.map((node) => node.product.project.id)).size).toBe(nodes.length);
      return nodes.length;
    });
    expectFlatRead(app, SALES, () => ({ outletId }), page);
  });

  it("salesImports{outlet errors(first, afterLine)}: one statement for every import's errors", async () => {
    const page = await pageStatements(app.db, async (first) => {
      const data = await retailer.gql.data<{
        salesImports: Page<{ errors: { line: number; column: string | null }[] }>;
      }>(SALES_IMPORTS, { outletId, first });
      const nodes = data.salesImports.edges.map((edge) => edge.node);
      // Each import's own page: the two bad rows after line 2, with the canonical column.
      for (const node of nodes) {
        expect(node.errors).toEqual([
          expect.objectContaining({ line: 3, column: 'quantity' }),
          expect.objectContaining({ line: 5, column: 'quantity' }),
        ]);
      }
      return nodes.length;
    });
    expectFlatRead(app, SALES_IMPORTS, () => ({ outletId }), page);
    expect(
      page.statements.large.filter((sql) => sql.includes('FROM sales_import_error')),
    ).toHaveLength(1);
  });
});
