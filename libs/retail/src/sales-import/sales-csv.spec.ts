import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { parse } from 'csv-parse';
import {
  LineEndingNormalizer,
  parseSoldAt,
  readSalesCsvHeader,
  readSalesCsvRow,
  recordStartLine,
  SalesCsvHeader,
} from './sales-csv';

const header = readSalesCsvHeader([
  'external_id',
  'product_id',
  'quantity',
  'unit_price',
  'sold_at',
]) as SalesCsvHeader;
const PRODUCT = '6f1c2a3b-4d5e-4f60-8a7b-9c0d1e2f3a4b';
const NOW = Date.parse('2026-11-28T12:00:00Z');
const row = (overrides: Partial<Record<string, string>> = {}) => {
  const cells = {
    external_id: 'POS-1',
    product_id: PRODUCT,
    quantity: '2',
    unit_price: '12800',
    sold_at: '2026-11-28T10:15:00+08:00',
    ...overrides,
  };
  return [cells.external_id, cells.product_id, cells.quantity, cells.unit_price, cells.sold_at];
};

describe('sales CSV', () => {
  it('reads the header in any order and spelling, and says what is missing', () => {
    const flexible = readSalesCsvHeader([
      'Sold At',
      'note',
      'unitPrice',
      'QUANTITY',
      'productId',
      'external-id',
    ]);
    expect(flexible).toEqual({
      index: { sold_at: 0, unit_price: 2, quantity: 3, product_id: 4, external_id: 5 },
      names: {
        sold_at: 'Sold At',
        unit_price: 'unitPrice',
        quantity: 'QUANTITY',
        product_id: 'productId',
        external_id: 'external-id',
      },
    });
    expect(readSalesCsvHeader(['external_id', 'product_id', 'qty'])).toBe(
      'the header must name the columns external_id,product_id,quantity,unit_price,sold_at; missing: quantity, unit_price, sold_at',
    );
    expect(readSalesCsvHeader(['external_id', 'externalId'])).toBe(
      'column external_id appears twice',
    );
  });

  it('reads a good row', () => {
    expect(readSalesCsvRow(row(), header, NOW)).toEqual({
      ok: true,
      row: {
        externalId: 'POS-1',
        productId: PRODUCT,
        quantity: 2,
        unitPriceFen: 12_800,
        soldAt: new Date('2026-11-28T02:15:00Z'),
      },
    });
  });

  it.each([
    [{ external_id: '' }, 'external_id', 'external_id: missing'],
    [
      { external_id: 'has space' },
      'external_id',
      'external_id: must be 1–100 printable ASCII characters without spaces',
    ],
    [{ product_id: 'abc' }, 'product_id', 'product_id: "abc" is not a product id (uuid)'],
    [{ quantity: '0' }, 'quantity', 'quantity: must be between 1 and 100000, got 0'],
    [{ quantity: '1.5' }, 'quantity', 'quantity: "1.5" is not a whole number of units'],
    [
      { unit_price: '12.80' },
      'unit_price',
      'unit_price: "12.80" is not whole fen (1/100 yuan): write 12.80 yuan as 1280',
    ],
    [
      { unit_price: '-1' },
      'unit_price',
      'unit_price: "-1" is not whole fen (1/100 yuan): write 12.80 yuan as 1280',
    ],
    [
      { sold_at: '28/11/2026' },
      'sold_at',
      'sold_at: "28/11/2026" is not an ISO 8601 date and time such as 2026-11-28T10:15:00+08:00',
    ],
    [{ sold_at: '2026-11-28T20:10:00Z' }, 'sold_at', 'sold_at: is in the future'],
  ])('rejects %p naming %s', (overrides, field, reason) => {
    expect(readSalesCsvRow(row(overrides), header, NOW)).toEqual({ ok: false, field, reason });
  });

  it('reads sold_at with or without an offset (China Standard Time by default)', () => {
    expect(parseSoldAt('2026-11-28 10:15')).toEqual(new Date('2026-11-28T02:15:00Z'));
    expect(parseSoldAt('2026-11-28T10:15:30.25Z')).toEqual(new Date('2026-11-28T10:15:30.250Z'));
    expect(parseSoldAt('2026-11-28T10:15:00-0530')).toEqual(new Date('2026-11-28T15:45:00Z'));
    expect(parseSoldAt('2026-02-30T10:00:00Z')).toBeNull();
    expect(parseSoldAt('2026-11-28')).toBeNull();
    expect(parseSoldAt('2026-11-28T24:00:00Z')).toBeNull();
  });

  it('finds the line a multi-line record starts on', () => {
    expect(recordStartLine(4, 'a,b\n')).toBe(4);
    expect(recordStartLine(6, '"multi\nline\nnote",b\n')).toBe(4);
  });

  it('normalises CRLF and CR line ends across chunk boundaries', async () => {
    const source = Readable.from([
      Buffer.from('a,b\r'),
      Buffer.from('\nc,d\r'),
      Buffer.from('e,f\r'),
    ]);
    expect(await text(source.pipe(new LineEndingNormalizer()))).toBe('a,b\nc,d\ne,f\n');
  });

  it('keeps a character whose bytes are split between chunks whole, through to the parsed cells', async () => {
    // the staged chunks are cut at arbitrary bytes: here, one byte per chunk
    const file = Buffer.from('\uFEFFproduct_id,note\r\n故宫文创书签,"春节\r\n礼盒"\r\n');
    const source = Readable.from([...file].map((byte) => Buffer.from([byte])));
    const records: string[][] = [];
    for await (const record of source.pipe(new LineEndingNormalizer()).pipe(parse({ bom: true }))) {
      records.push(record as string[]);
    }
    expect(records).toEqual([
      ['product_id', 'note'],
      ['故宫文创书签', '春节\n礼盒'],
    ]);
  });
});
