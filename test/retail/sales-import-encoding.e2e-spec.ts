import { request } from 'node:http';
import { SALES_IMPORT_CHUNK_BYTES } from '../../libs/retail/src/sales-import/sales-import.storage';
import { TestMember } from '../support/identity.factory';
import { placedProduct } from '../support/placed-product';
import { eventually, startTestApp, TestApp } from '../support/test-app';

const IMPORT = `query($id: ID!) {
  salesImport(id: $id) {
    status processedRows importedRows rejectedRows errors(first: 10) { line field reason }
  }
}`;

interface ImportView {
  status: string;
  processedRows: number;
  importedRows: number;
  rejectedRows: number;
  errors: { line: number; field: string | null; reason: string }[];
}

/** A product name pasted where the product id belongs: its error quotes it back. */
const PRODUCT_NAME = '故宫文创书签';
const NOTE = '春节礼盒，顾客要求开发票。';

/**
 * A file whose Chinese text sits across the boundary of the 1 MiB chunks the upload is staged
 * in: rows with a Chinese `note` column (ignored by the import), then a row whose product_id is
 * a Chinese product name with its third character's three bytes starting one byte before the
 * boundary, so that a chunk cut at the boundary or one byte after it splits the character.
 */
function straddlingCsv(productId: string, soldAt: string) {
  const lines: string[] = ['external_id,product_id,quantity,unit_price,sold_at,note'];
  const bytes = () => Buffer.byteLength(lines.join('\n') + '\n');
  const good = (i: number, note: string) => `ENC-${i},${productId},1,100,${soldAt},"${note}"`;
  const bad = `ENC-BAD,${PRODUCT_NAME},1,100,${soldAt},"${NOTE}"`;
  const split = Buffer.byteLength(`ENC-BAD,${PRODUCT_NAME.slice(0, 2)}`);
  const badStart = SALES_IMPORT_CHUNK_BYTES - 1 - split;
  let i = 1;
  while (bytes() + 2_000 < badStart) lines.push(good(i++, NOTE.repeat(20)));
  const filler = good(i++, '');
  lines.push(
    filler.slice(0, -1) + 'x'.repeat(badStart - bytes() - Buffer.byteLength(filler) - 1) + '"',
  );
  expect(bytes()).toBe(badStart);
  lines.push(bad);
  const badLine = lines.length;
  for (let tail = 0; tail < 50; tail += 1) lines.push(good(i++, NOTE));
  const csv = Buffer.from(lines.join('\n') + '\n');
  // the boundary falls inside the character (after its first or second byte)
  expect(csv.subarray(SALES_IMPORT_CHUNK_BYTES - 1, SALES_IMPORT_CHUNK_BYTES + 2).toString()).toBe(
    PRODUCT_NAME[2],
  );
  return { csv, badLine, goodRows: i - 1 };
}

describe('retail: sales import of UTF-8 text across the staged chunks', () => {
  let app: TestApp;
  let retailer: TestMember;
  let productId: string;
  let outletId: string;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    ({ retailer, productId, outletId } = await placedProduct(app, {
      commissionBp: 3000,
      quantity: 10_000,
    }));
  });

  afterAll(() => app.close());

  /** Rows of `sales_import_chunk` staged so far for an upload still in progress at the outlet. */
  const stagedChunks = async (): Promise<number> =>
    (
      await app.db.query(
        `SELECT count(*)::int AS n FROM sales_import_chunk c
           JOIN sales_import i ON i.id = c.import_id
          WHERE i.outlet_id = $1 AND i.status = 'UPLOADING'`,
        [outletId],
      )
    )[0].n;

  /**
   * POSTs the file as multipart/form-data in two writes: everything up to one byte past the chunk
   * boundary, then (once the first chunk is stored) the rest. The upload streams into chunks of
   * at least SALES_IMPORT_CHUNK_BYTES as the bytes arrive, so the first chunk ends at the boundary
   * or one byte after it, whatever the network does in between.
   */
  const uploadAcrossBoundary = async (
    csv: Buffer,
  ): Promise<{ httpStatus: number; id: string; fileName: string }> => {
    const boundary = 'utf8-boundary-7a1f';
    const head = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="销售.csv"\r\n` +
        'Content-Type: text/csv\r\n\r\n',
    );
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const firstPart = SALES_IMPORT_CHUNK_BYTES + 1;
    const url = new URL(`${app.baseUrl}/retail/outlets/${outletId}/sales-imports`);
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          headers: {
            authorization: `Bearer ${retailer.accessToken}`,
            'content-type': `multipart/form-data; boundary=${boundary}`,
            'content-length': head.length + csv.length + tail.length,
          },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (piece: string) => (body += piece));
          res.on('end', () =>
            resolve({
              httpStatus: res.statusCode ?? 0,
              ...(JSON.parse(body) as { id: string; fileName: string }),
            }),
          );
        },
      );
      req.on('error', reject);
      req.write(Buffer.concat([head, csv.subarray(0, firstPart)]));
      eventually(async () => (await stagedChunks()) >= 1, 30_000).then(
        () => req.end(Buffer.concat([csv.subarray(firstPart), tail])),
        (error: Error) => {
          req.destroy();
          reject(error);
        },
      );
    });
  };

  it('reads a character cut by the chunk boundary whole: the error quotes the cell as written, the file name too', async () => {
    const { csv, badLine, goodRows } = straddlingCsv(productId, new Date().toISOString());
    const accepted = await uploadAcrossBoundary(csv);
    expect(accepted.httpStatus).toBe(202);
    // the file name as browsers send it, UTF-8 in the part's header
    expect(accepted.fileName).toBe('销售.csv');
    const done = await eventually(async () => {
      const { salesImport } = await retailer.gql.data<{ salesImport: ImportView }>(IMPORT, {
        id: accepted.id,
      });
      return ['COMPLETED', 'FAILED'].includes(salesImport.status) ? salesImport : null;
    }, 60_000);
    expect(done).toEqual({
      status: 'COMPLETED',
      processedRows: goodRows + 1,
      importedRows: goodRows,
      rejectedRows: 1,
      errors: [
        {
          line: badLine,
          field: 'product_id',
          reason: `product_id: "${PRODUCT_NAME}" is not a product id (uuid)`,
        },
      ],
    });
  });
});
