import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { deliveredProject } from '../support/marketplace.factory';
import { uploadSalesCsv } from '../support/placed-product';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import {
  acceptPlacement,
  consignment,
  createOutlet,
  createProduct,
  offerPlacement,
  RECORD_SALE,
} from '../retail/retail-test-kit';

const IMPORT = `query($id: ID!) {
  salesImport(id: $id) {
    status processedRows importedRows duplicateRows rejectedRows errors(first: 100) { line field reason }
  }
}`;

interface ImportView {
  status: string;
  processedRows: number;
  importedRows: number;
  duplicateRows: number;
  rejectedRows: number;
  errors: { line: number; field: string | null; reason: string }[];
}

/**
 * Issue #11: "there is no stock or plausibility check on sales (one sale of ¥10¹¹ was accepted),
 * so a retailer can inflate the city's metrics". A product sells at most the units its
 * production order delivered, across all its outlets, one by one, in bulk and concurrently.
 */
describe('sales cannot exceed the units delivered', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let maker: TestUser;
  let retailer: TestMember;

  /** A product with `delivered` units, placed at two outlets of the retailer. */
  const stockedProduct = async (delivered: number) => {
    const city = await factory.defaultCity();
    const project = await deliveredProject(factory, city, {
      owner: maker,
      quantity: delivered,
      title: `Stocked ${delivered}`,
    });
    const productId = await createProduct(maker, project.projectId);
    const outlets: string[] = [];
    for (const name of ['Palace shop', 'Tiexi shop']) {
      const outletId = await createOutlet(retailer, city, { name });
      const offered = await offerPlacement(maker, {
        productId,
        outletId,
        terms: consignment(3000),
      });
      await acceptPlacement(retailer, offered.id);
      outlets.push(outletId);
    }
    return { productId, outlets };
  };

  const sale = (outletId: string, productId: string, quantity: number, externalId: string) => ({
    input: {
      outletId,
      productId,
      quantity,
      unitPrice: 12_800,
      soldAt: new Date().toISOString(),
      externalId,
    },
  });

  const unitsSold = async (productId: string): Promise<number> =>
    (
      await app.db.query(
        'SELECT coalesce(sum(quantity), 0)::int AS units FROM sale WHERE product_id = $1',
        [productId],
      )
    )[0].units;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    factory = new IdentityFactory(app);
    maker = await factory.talent();
    retailer = await factory.retailer();
  });

  afterAll(() => app.close());

  it('refuses a sale over what is left, across outlets, naming what is left', async () => {
    const { productId, outlets } = await stockedProduct(120);
    const first = sale(outlets[0], productId, 100, 'S-1');
    await retailer.gql.data(RECORD_SALE, first);
    const over = await retailer.gql.request(RECORD_SALE, sale(outlets[1], productId, 500, 'S-2'));
    expect(over.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'SALE_EXCEEDS_STOCK',
      fieldErrors: [
        {
          field: 'quantity',
          message: `product ${productId} has 20 units left of the 120 delivered; this sale is 500. Correct the quantity, or record the sale once the manufacturer's further delivery is recorded`,
        },
      ],
    });
    // exactly what is left is fine; then nothing more
    await retailer.gql.data(RECORD_SALE, sale(outlets[1], productId, 20, 'S-3'));
    const oneMore = await retailer.gql.request(RECORD_SALE, sale(outlets[0], productId, 1, 'S-4'));
    expect(oneMore.errors?.[0].extensions?.reason).toBe('SALE_EXCEEDS_STOCK');
    expect(await unitsSold(productId)).toBe(120);

    // a sale sent again once the stock is gone is still answered as the repeat it is
    const again = await retailer.gql.data<{ recordSale: { alreadyRecorded: boolean } }>(
      RECORD_SALE,
      first,
    );
    expect(again.recordSale.alreadyRecorded).toBe(true);
  });

  it('never oversells under concurrent sales', async () => {
    const { productId, outlets } = await stockedProduct(10);
    const responses = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        retailer.gql.request(RECORD_SALE, sale(outlets[i % 2], productId, 1, `RACE-${i}`)),
      ),
    );
    const refused = responses.filter((response) => response.errors);
    expect(refused).toHaveLength(6);
    for (const response of refused) {
      expect(response.errors?.[0].extensions?.reason).toBe('SALE_EXCEEDS_STOCK');
    }
    expect(await unitsSold(productId)).toBe(10);
  });

  it('rejects over-stock rows of a bulk import with their line, in file order', async () => {
    const { productId, outlets } = await stockedProduct(10);
    await retailer.gql.data(RECORD_SALE, sale(outlets[1], productId, 4, 'ONE-BY-ONE'));
    const now = new Date().toISOString();
    const csv = [
      /* 1 */ 'external_id,product_id,quantity,unit_price,sold_at',
      /* 2 */ `B-1,${productId},3,12800,${now}`,
      /* 3 */ `B-2,${productId},5,12800,${now}`,
      /* 4 */ `B-1,${productId},3,12800,${now}`,
      /* 5 */ `B-3,${productId},3,12800,${now}`,
      /* 6 */ `B-4,${productId},1,12800,${now}`,
    ].join('\n');
    const response = await uploadSalesCsv(app, retailer, outlets[0], csv);
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as { id: string };
    const done = await eventually(async () => {
      const { salesImport } = await retailer.gql.data<{ salesImport: ImportView }>(IMPORT, { id });
      return salesImport.status === 'COMPLETED' ? salesImport : null;
    }, 30_000);
    const left = (units: number, quantity: number) =>
      `quantity: product ${productId} has ${units} units left of the 10 delivered; this sale is ${quantity}. Correct the quantity, or record the sale once the manufacturer's further delivery is recorded`;
    expect(done).toEqual({
      status: 'COMPLETED',
      processedRows: 5,
      importedRows: 2,
      duplicateRows: 1,
      rejectedRows: 2,
      errors: [
        { line: 3, field: 'quantity', reason: left(3, 5) },
        { line: 6, field: 'quantity', reason: left(0, 1) },
      ],
    });
    expect(await unitsSold(productId)).toBe(10);
  });
});
