import { randomUUID } from 'node:crypto';
import { IdentityFactory, TestMember } from '../support/identity.factory';
import { deliveredProject } from '../support/marketplace.factory';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import {
  acceptPlacement,
  consignment,
  createOutlet,
  createProduct,
  offerPlacement,
} from './retail-test-kit';

const IMPORT = `query($id: ID!) {
  salesImport(id: $id) { status errors(first: 10) { line field column reason } }
}`;

interface ImportView {
  status: string;
  errors: { line: number; field: string | null; column: string | null; reason: string }[];
}

/** Bulk sales CSV errors name the canonical column and say when a product does not exist. */
describe('retail: sales import error messages', () => {
  let app: TestApp;
  let retailer: TestMember;
  let productId: string;
  let outletId: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    const factory = new IdentityFactory(app);
    const city = await factory.defaultCity();
    const delivered = await deliveredProject(factory, city);
    retailer = await factory.retailer();
    productId = await createProduct(delivered.owner, delivered.projectId);
    outletId = await createOutlet(retailer, city);
    const offered = await offerPlacement(delivered.owner, {
      productId,
      outletId,
      terms: consignment(3000),
    });
    await acceptPlacement(retailer, offered.id);
  });

  afterAll(() => app.close());

  it('gives the canonical column beside the typed header, and calls an unknown product unknown', async () => {
    const now = new Date().toISOString();
    const missing = randomUUID();
    const csv = [
      'External ID,Product-ID,QUANTITY,Unit Price,Sold At',
      `R-1,${productId},0,100,${now}`,
      `R-2,${missing},1,100,${now}`,
    ].join('\n');
    const form = new FormData();
    form.append('file', new Blob([csv], { type: 'text/csv' }), 'sales.csv');
    const response = await fetch(`${app.baseUrl}/retail/outlets/${outletId}/sales-imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${retailer.accessToken}` },
      body: form,
    });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    const done = await eventually(async () => {
      const { salesImport } = await retailer.gql.data<{ salesImport: ImportView }>(IMPORT, { id });
      return salesImport.status === 'COMPLETED' ? salesImport : null;
    }, 30_000);
    expect(done.errors).toEqual([
      {
        line: 2,
        field: 'QUANTITY',
        column: 'quantity',
        reason: 'QUANTITY: must be between 1 and 100000, got 0',
      },
      {
        line: 3,
        field: 'Product-ID',
        column: 'product_id',
        reason: `Product-ID: product ${missing} does not exist; check the product id`,
      },
    ]);
  });
});
