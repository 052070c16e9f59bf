import { randomUUID } from 'node:crypto';
import { TestMember } from '../support/identity.factory';
import { placedProduct, uploadSalesCsv } from '../support/placed-product';
import { eventually, startTestApp, TestApp } from '../support/test-app';

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
    ({ retailer, productId, outletId } = await placedProduct(app, { commissionBp: 3000 }));
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
    const response = await uploadSalesCsv(app, retailer, outletId, csv);
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
