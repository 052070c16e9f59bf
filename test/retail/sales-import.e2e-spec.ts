import { CouplingInputsChangedJob, CouplingInputsChangedJobData, periodOf } from '@cc/impact';
import { OutboxWriter } from '@cc/queue';
import { SALES_INDICATORS } from '../../libs/retail/src/retail-coupling';
import { seedCity, SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { deliveredProject } from '../support/marketplace.factory';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import {
  acceptPlacement,
  consignment,
  createOutlet,
  createProduct,
  offerPlacement,
  RECORD_SALE,
} from './retail-test-kit';

const IMPORT = `query($id: ID!) {
  salesImport(id: $id) {
    id status fileName byteSize sha256 sameFileAsImportId processedRows importedRows duplicateRows
    rejectedRows failureReason summary errors(first: 100) { line field reason }
  }
}`;

/** The JSON of the REST routes: an import's view, or `{ error }`. */
interface UploadBody {
  id: string;
  status: string;
  summary: string;
  sameFileAsImportId: string | null;
  error: { code: string; reason?: string; message: string; fieldErrors?: unknown[] };
  [key: string]: unknown;
}

interface ImportView {
  id: string;
  status: string;
  fileName: string;
  byteSize: number;
  sha256: string;
  sameFileAsImportId: string | null;
  processedRows: number;
  importedRows: number;
  duplicateRows: number;
  rejectedRows: number;
  failureReason: string | null;
  summary: string;
  errors: { line: number; field: string | null; reason: string }[];
}

describe('retail: bulk sales import (CSV over multipart REST, processed by the worker)', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  let city: SeededCity;
  let maker: TestUser;
  let retailer: TestMember;
  let otherRetailer: TestMember;
  let productId: string;
  let unplacedProductId: string;
  let outletId: string;

  const upload = async (
    token: string | undefined,
    csv: string | null,
    options: { outlet?: string; fileName?: string; field?: string } = {},
  ) => {
    const form = new FormData();
    if (csv !== null) {
      form.append(
        options.field ?? 'file',
        new Blob([csv], { type: 'text/csv' }),
        options.fileName ?? 'sales.csv',
      );
    } else {
      form.append('note', 'no file here');
    }
    const response = await fetch(
      `${app.baseUrl}/retail/outlets/${options.outlet ?? outletId}/sales-imports`,
      {
        method: 'POST',
        headers: token ? { authorization: `Bearer ${token}` } : {},
        body: form,
      },
    );
    return { status: response.status, body: (await response.json()) as UploadBody };
  };

  const finished = (id: string, user: TestUser = retailer) =>
    eventually(async () => {
      const { salesImport } = await user.gql.data<{ salesImport: ImportView }>(IMPORT, { id });
      return ['COMPLETED', 'FAILED'].includes(salesImport.status) ? salesImport : null;
    }, 30_000);

  const salesAtOutlet = async (): Promise<number> =>
    (
      await app.db.query('SELECT count(*)::int AS count FROM sale WHERE outlet_id = $1', [outletId])
    )[0].count;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    factory = new IdentityFactory(app);
    city = await factory.defaultCity();
    const delivered = await deliveredProject(factory, city, { quantity: 100_000 });
    maker = delivered.owner;
    const other = await deliveredProject(factory, city, { owner: maker, title: 'Palace fans' });
    [retailer, otherRetailer] = await Promise.all([factory.retailer(), factory.retailer()]);
    productId = await createProduct(maker, delivered.projectId);
    unplacedProductId = await createProduct(maker, other.projectId, { name: 'Palace fan' });
    outletId = await createOutlet(retailer, city);
    const offered = await offerPlacement(maker, { productId, outletId, terms: consignment(3330) });
    await acceptPlacement(retailer, offered.id);
  });

  afterAll(() => app.close());

  it('imports the good rows of a mixed file, reports every bad one by line, and adds nothing on re-upload', async () => {
    const now = new Date().toISOString();
    const future = new Date(Date.now() + 3_600_000).toISOString();
    // Recorded one by one earlier: one the file repeats exactly, one it contradicts.
    await retailer.gql.data(RECORD_SALE, {
      input: {
        outletId,
        productId,
        quantity: 1,
        unitPrice: 500,
        soldAt: now,
        externalId: 'RCPT-SAME',
      },
    });
    await retailer.gql.data(RECORD_SALE, {
      input: {
        outletId,
        productId,
        quantity: 1,
        unitPrice: 500,
        soldAt: now,
        externalId: 'RCPT-OTHER',
      },
    });
    const before = await salesAtOutlet();

    const lines = [
      /*  1 */ 'external_id,product_id,quantity,unit_price,sold_at',
      /*  2 */ `IMP-1,${productId},2,12800,${now}`,
      /*  3 */ `IMP-2,${productId},0,12800,${now}`,
      /*  4 */ `IMP-3,not-a-uuid,1,100,${now}`,
      /*  5 */ '',
      /*  6 */ `IMP-4,${productId},1,12.80,${now}`,
      /*  7 */ `"IMP-5",${productId},"3",9900,${now}`,
      /*  8 */ `IMP-6,${unplacedProductId},1,100,${now}`,
      /*  9 */ `IMP-7,${productId},1,100,2020-01-01T00:00:00Z`,
      /* 10 */ `IMP-8,${productId},1,100,${future}`,
      /* 11 */ `IMP-1,${productId},2,12800,${now}`,
      /* 12 */ `IMP-9,${productId},1,100,${now},an extra column`,
      /* 13 */ `IMP-10,${productId},5,1000`,
      /* 14 */ `"IMP`,
      /* 15 */ `11",${productId},1,100,${now}`,
      /* 16 */ `IMP-12,${productId},1,100,${now}`,
      /* 17 */ `RCPT-OTHER,${productId},9,100,${now}`,
      /* 18 */ `RCPT-SAME,${productId},1,500,${now}`,
    ];
    const csv = lines.join('\r\n') + '\r\n';

    const add = jest.spyOn(app.worker!.get(OutboxWriter), 'addAll');
    const accepted = await upload(retailer.accessToken, csv, { fileName: 'november.csv' });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({
      outletId,
      status: 'QUEUED',
      fileName: 'november.csv',
      byteSize: Buffer.byteLength(csv),
      sameFileAsImportId: null,
    });
    const first = await finished(accepted.body.id);
    expect(first).toMatchObject({
      status: 'COMPLETED',
      processedRows: 15,
      importedRows: 4,
      duplicateRows: 2,
      rejectedRows: 9,
      failureReason: null,
    });
    expect(first.errors.map(({ line, field }) => [line, field])).toEqual([
      [3, 'quantity'],
      [4, 'product_id'],
      [6, 'unit_price'],
      [8, 'product_id'],
      [9, 'product_id'],
      [10, 'sold_at'],
      [13, 'sold_at'],
      [14, 'external_id'],
      [17, 'external_id'],
    ]);
    expect(first.errors[0].reason).toBe('quantity: must be between 1 and 100000, got 0');
    expect(first.errors[3].reason).toBe(
      `product_id: product ${unplacedProductId} has no placement at this outlet; a sale needs an active placement (offerPlacement / requestPlacement)`,
    );
    expect(first.errors[8].reason).toBe(
      'external_id: RCPT-OTHER was already recorded at this outlet for a different sale',
    );
    expect(first.summary).toBe(
      'Completed: 15 rows read; 4 rows imported; 2 rows already recorded (duplicates, nothing added); 9 rows rejected.',
    );
    expect(await salesAtOutlet()).toBe(before + 4);
    // Announced right after the import completes (the event is de-duplicated per city).
    const announced = await eventually(async () => {
      const calls = add.mock.calls
        .flatMap(([, entries]) => entries)
        .filter((entry) => entry.job === CouplingInputsChangedJob)
        .map(({ data }) => {
          const { cityId, period, reason } = data as CouplingInputsChangedJobData;
          return { cityId, period, reason };
        });
      return calls.length ? calls : null;
    });
    add.mockRestore();
    const imported = await app.db.query(
      'SELECT external_id, quantity, unit_price_fen, amount_fen::int AS amount FROM sale WHERE import_id = $1 ORDER BY external_id',
      [first.id],
    );
    expect(imported).toEqual([
      { external_id: 'IMP-1', quantity: 2, unit_price_fen: 12_800, amount: 25_600 },
      { external_id: 'IMP-12', quantity: 1, unit_price_fen: 100, amount: 100 },
      { external_id: 'IMP-5', quantity: 3, unit_price_fen: 9_900, amount: 29_700 },
      { external_id: 'IMP-9', quantity: 1, unit_price_fen: 100, amount: 100 },
    ]);

    // The same file again: nothing added, and the import says so.
    const again = await upload(retailer.accessToken, csv, { fileName: 'november.csv' });
    expect(again.status).toBe(202);
    expect(again.body.sameFileAsImportId).toBe(first.id);
    expect(again.body.summary).toBe(
      `Queued. This file is identical to import ${first.id}: its sales are already recorded, so nothing new will be added.`,
    );
    const second = await finished(again.body.id);
    expect(second).toMatchObject({
      status: 'COMPLETED',
      processedRows: 15,
      importedRows: 0,
      duplicateRows: 6,
      rejectedRows: 9,
      sameFileAsImportId: first.id,
    });
    expect(second.errors.map((error) => error.line)).toEqual([3, 4, 6, 8, 9, 10, 13, 14, 17]);
    expect(second.summary).toBe(
      'Completed: 15 rows read; nothing new was added; 6 rows already recorded (duplicates, nothing added); 9 rows rejected.',
    );
    expect(await salesAtOutlet()).toBe(before + 4);

    // The REST status view matches.
    const status = await fetch(
      `${app.baseUrl}/retail/outlets/${outletId}/sales-imports/${second.id}`,
      { headers: { authorization: `Bearer ${retailer.accessToken}` } },
    );
    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({
      id: second.id,
      status: 'COMPLETED',
      importedRows: 0,
      duplicateRows: 6,
      errors: expect.arrayContaining([
        { line: 3, field: 'quantity', reason: 'quantity: must be between 1 and 100000, got 0' },
      ]),
    });

    // The coupling metrics hear about the imported sales.
    expect(announced).toContainEqual({
      cityId: city.cityId,
      period: periodOf(new Date(now)).key,
      reason: 'sales imported',
    });

    // The staged file is gone once processed.
    const [{ chunks }] = await app.db.query(
      'SELECT count(*)::int AS chunks FROM sales_import_chunk WHERE import_id = ANY($1::uuid[])',
      [[first.id, second.id]],
    );
    expect(chunks).toBe(0);
  });

  it('announces the outlet’s city and the product’s city when an import sells across cities', async () => {
    const elsewhere = await seedCity(app.db, 1);
    const awayOutletId = await createOutlet(retailer, elsewhere);
    const offered = await offerPlacement(maker, {
      productId,
      outletId: awayOutletId,
      terms: consignment(3330),
    });
    await acceptPlacement(retailer, offered.id);
    const add = jest.spyOn(app.worker!.get(OutboxWriter), 'addAll');
    try {
      const csv = `external_id,product_id,quantity,unit_price,sold_at\nAWAY-1,${productId},2,1000,${new Date().toISOString()}\n`;
      const accepted = await upload(retailer.accessToken, csv, { outlet: awayOutletId });
      expect(accepted.status).toBe(202);
      expect(await finished(accepted.body.id)).toMatchObject({ importedRows: 1 });
      const announced = add.mock.calls
        .flatMap(([, entries]) => entries)
        .filter((entry) => entry.job === CouplingInputsChangedJob)
        .map(({ data }) => data as CouplingInputsChangedJobData)
        .filter((data) => data.reason === 'sales imported')
        .map(({ cityId, indicators }) => ({ cityId, indicators: [...(indicators ?? [])].sort() }));
      expect(announced).toEqual(
        expect.arrayContaining([
          { cityId: elsewhere.cityId, indicators: [...SALES_INDICATORS].sort() },
          { cityId: city.cityId, indicators: ['resource_activation', 'sell_through'] },
        ]),
      );
    } finally {
      add.mockRestore();
    }
  });

  it('streams a large file through in chunks and batches', async () => {
    const rows = 25_001;
    const soldAt = new Date().toISOString();
    let csv = 'product_id,External ID,quantity,unit_price,sold_at,note\n';
    for (let i = 0; i < rows; i += 1) {
      csv += `${productId},BULK-${i},${(i % 3) + 1},${1000 + (i % 7)},${soldAt},"row ${i}, padded to cross chunk boundaries ${'x'.repeat(i % 50)}"\n`;
    }
    expect(Buffer.byteLength(csv)).toBeGreaterThan(2 * 1024 * 1024);
    const accepted = await upload(retailer.accessToken, csv);
    expect(accepted.status).toBe(202);
    const done = await finished(accepted.body.id);
    expect(done).toMatchObject({
      status: 'COMPLETED',
      processedRows: rows,
      importedRows: rows,
      duplicateRows: 0,
      rejectedRows: 0,
      errors: [],
    });
    const [{ units, amount }] = await app.db.query(
      'SELECT sum(quantity)::int AS units, sum(amount_fen)::bigint AS amount FROM sale WHERE import_id = $1',
      [done.id],
    );
    let expectedUnits = 0;
    let expectedAmount = 0;
    for (let i = 0; i < rows; i += 1) {
      expectedUnits += (i % 3) + 1;
      expectedAmount += ((i % 3) + 1) * (1000 + (i % 7));
    }
    expect(units).toBe(expectedUnits);
    expect(Number(amount)).toBe(expectedAmount);
  });

  it('reports rows with a stray or unclosed quote by line, never dropping them silently', async () => {
    const now = new Date().toISOString();
    const header = 'external_id,product_id,quantity,unit_price,sold_at';
    const stray = await finished(
      (await upload(retailer.accessToken, `${header}\nQ-1,${productId},1,1"00,${now}\n`)).body.id,
    );
    expect(stray).toMatchObject({ processedRows: 1, importedRows: 0, rejectedRows: 1 });
    expect(stray.errors).toEqual([
      { line: 2, field: null, reason: expect.stringMatching(/^not valid CSV: /) },
    ]);
    const unclosed = await finished(
      (
        await upload(
          retailer.accessToken,
          `${header}\nQ-2,${productId},1,100,${now}\nQ-3,${productId},1,"100,${now}\n`,
        )
      ).body.id,
    );
    expect(unclosed).toMatchObject({ processedRows: 2, importedRows: 1, rejectedRows: 1 });
    expect(unclosed.errors).toEqual([
      { line: 3, field: null, reason: expect.stringMatching(/^not valid CSV: /) },
    ]);
  });

  it('fails a file whose header is wrong, importing nothing', async () => {
    const accepted = await upload(retailer.accessToken, `id,product,qty\nA-1,${productId},1\n`);
    const failed = await finished(accepted.body.id);
    expect(failed).toMatchObject({
      status: 'FAILED',
      processedRows: 0,
      importedRows: 0,
      failureReason:
        'the header must name the columns external_id,product_id,quantity,unit_price,sold_at; missing: external_id, product_id, quantity, unit_price, sold_at',
      errors: [
        {
          line: 1,
          field: null,
          reason:
            'the header must name the columns external_id,product_id,quantity,unit_price,sold_at; missing: external_id, product_id, quantity, unit_price, sold_at',
        },
      ],
    });
    const empty = await finished((await upload(retailer.accessToken, '')).body.id);
    expect(empty).toMatchObject({
      status: 'FAILED',
      failureReason:
        'the file is empty: it needs the header external_id,product_id,quantity,unit_price,sold_at',
    });
  });

  it('lets only members of the outlet’s retailer upload and read imports', async () => {
    const csv = `external_id,product_id,quantity,unit_price,sold_at\nX-1,${productId},1,1,${new Date().toISOString()}\n`;
    const anonymous = await upload(undefined, csv);
    expect(anonymous).toMatchObject({
      status: 401,
      body: { error: { code: 'UNAUTHENTICATED', reason: 'UNAUTHENTICATED' } },
    });
    const badToken = await upload('not-a-jwt', csv);
    expect(badToken).toMatchObject({ status: 401, body: { error: { reason: 'TOKEN_INVALID' } } });
    const talent = await upload(maker.accessToken, csv);
    expect(talent).toMatchObject({ status: 403, body: { error: { reason: 'ROLE_REQUIRED' } } });
    const stranger = await upload(otherRetailer.accessToken, csv);
    expect(stranger).toMatchObject({
      status: 403,
      body: { error: { code: 'FORBIDDEN', reason: 'NOT_OUTLET_MEMBER' } },
    });
    const unknownOutlet = await upload(retailer.accessToken, csv, {
      outlet: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknownOutlet).toMatchObject({
      status: 404,
      body: { error: { code: 'NOT_FOUND', reason: 'OUTLET_NOT_FOUND' } },
    });
    const badOutlet = await upload(retailer.accessToken, csv, { outlet: 'nope' });
    expect(badOutlet).toMatchObject({
      status: 400,
      body: { error: { fieldErrors: [{ field: 'outletId', message: 'outletId must be a UUID' }] } },
    });
    const noFile = await upload(retailer.accessToken, null);
    expect(noFile).toMatchObject({
      status: 400,
      body: {
        error: {
          code: 'BAD_USER_INPUT',
          reason: 'INVALID_UPLOAD',
          fieldErrors: [
            {
              field: 'file',
              message: 'send the CSV as multipart/form-data, in a part named "file"',
            },
          ],
        },
      },
    });
    const wrongField = await upload(retailer.accessToken, csv, { field: 'attachment' });
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.error.code).toBe('BAD_USER_INPUT');
    const [{ count }] = await app.db.query(
      "SELECT count(*)::int AS count FROM sales_import WHERE status = 'UPLOADING'",
    );
    expect(count).toBe(0);

    const mine = await upload(retailer.accessToken, csv);
    await finished(mine.body.id);
    const peek = await otherRetailer.gql.request(IMPORT, { id: mine.body.id });
    expect(peek.errors?.[0].extensions).toMatchObject({
      code: 'NOT_FOUND',
      reason: 'SALES_IMPORT_NOT_FOUND',
    });
    const restPeek = await fetch(
      `${app.baseUrl}/retail/outlets/${outletId}/sales-imports/${mine.body.id}`,
      { headers: { authorization: `Bearer ${otherRetailer.accessToken}` } },
    );
    expect(restPeek.status).toBe(403);
    const { salesImports } = await retailer.gql.data<{
      salesImports: { edges: { node: { id: string; status: string } }[] };
    }>(
      'query($outletId: ID!) { salesImports(outletId: $outletId, first: 1) { edges { node { id status } } } }',
      { outletId },
    );
    expect(salesImports.edges).toEqual([{ node: { id: mine.body.id, status: 'COMPLETED' } }]);
    const listPeek = await otherRetailer.gql.request(
      'query($outletId: ID!) { salesImports(outletId: $outletId) { totalCount } }',
      { outletId },
    );
    expect(listPeek.errors?.[0].extensions?.reason).toBe('NOT_OUTLET_MEMBER');
  });
});
