import { Transform, TransformCallback } from 'node:stream';
import {
  EXTERNAL_ID_PATTERN,
  MAX_SALE_QUANTITY,
  MAX_SALE_UNIT_PRICE_FEN,
} from '../sale/dto/sale.inputs';

/**
 * The sales CSV, read one row at a time (pure functions; the import job streams the file
 * through them). Format:
 *
 *   external_id,product_id,quantity,unit_price,sold_at
 *   POS-20261128-0001,6f1c…-…,2,12800,2026-11-28T10:15:00+08:00
 *
 * - A header row first. Column names are matched ignoring case, `_`, `-` and spaces, so
 *   `externalId` and `External ID` work too; other columns are ignored; the order is free.
 * - external_id: your id of the sale (receipt or POS line), 1–100 printable ASCII characters,
 *   no spaces; unique per outlet: a row whose id the outlet already recorded adds nothing.
 * - product_id: the platform's product id (uuid), placed at the outlet and active at sold_at.
 * - quantity: whole units, 1–100000.
 * - unit_price: price paid per unit in whole fen (1/100 yuan), 0–100000000: 12800 is 128.00 yuan.
 * - sold_at: ISO 8601, `2026-11-28T10:15:00+08:00`, `…Z`, or without an offset
 *   (`2026-11-28 10:15:00`), read as China Standard Time (UTC+8); not in the future.
 * - UTF-8 (a BOM is fine), comma-separated, RFC 4180 quoting, LF or CRLF line ends, blank lines
 *   skipped. Lines are numbered from 1, the header being line 1.
 */
export const SALES_CSV_COLUMNS = [
  'external_id',
  'product_id',
  'quantity',
  'unit_price',
  'sold_at',
] as const;
export type SalesCsvColumn = (typeof SALES_CSV_COLUMNS)[number];

export interface SalesCsvHeader {
  /** Index of each column in a row. */
  index: Record<SalesCsvColumn, number>;
  /** Each column's name as the file spells it, for messages. */
  names: Record<SalesCsvColumn, string>;
}

export interface SalesCsvRow {
  externalId: string;
  productId: string;
  quantity: number;
  unitPriceFen: number;
  soldAt: Date;
}

export type SalesCsvRowResult =
  { ok: true; row: SalesCsvRow } | { ok: false; field: string; reason: string };

/** Tills may run a little fast: sold_at up to this far past the server's clock is accepted. */
export const SOLD_AT_FUTURE_TOLERANCE_MS = 5 * 60_000;

const normalise = (name: string) =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]/g, '');
const CANONICAL = new Map(SALES_CSV_COLUMNS.map((column) => [normalise(column), column]));
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WHOLE = /^\d+$/;

/** The canonical column a header cell names (`Product-ID` → `product_id`), or null. */
export function canonicalSalesCsvColumn(cell: string): SalesCsvColumn | null {
  return CANONICAL.get(normalise(cell)) ?? null;
}

/** Reads the header row; a string says what is wrong with it. */
export function readSalesCsvHeader(cells: readonly string[]): SalesCsvHeader | string {
  const index: Partial<Record<SalesCsvColumn, number>> = {};
  const names: Partial<Record<SalesCsvColumn, string>> = {};
  for (const [position, cell] of cells.entries()) {
    const column = CANONICAL.get(normalise(cell));
    if (!column) continue;
    if (index[column] !== undefined) return `column ${column} appears twice`;
    index[column] = position;
    names[column] = cell.trim();
  }
  const missing = SALES_CSV_COLUMNS.filter((column) => index[column] === undefined);
  if (missing.length) {
    return `the header must name the columns ${SALES_CSV_COLUMNS.join(',')}; missing: ${missing.join(', ')}`;
  }
  return {
    index: index as Record<SalesCsvColumn, number>,
    names: names as Record<SalesCsvColumn, string>,
  };
}

/** Checks one data row. The first problem found (in column order) is reported. */
export function readSalesCsvRow(
  cells: readonly string[],
  header: SalesCsvHeader,
  now: number = Date.now(),
): SalesCsvRowResult {
  const cell = (column: SalesCsvColumn) => (cells[header.index[column]] ?? '').trim();
  const fail = (column: SalesCsvColumn, reason: string): SalesCsvRowResult => ({
    ok: false,
    field: header.names[column],
    reason: `${header.names[column]}: ${reason}`,
  });

  const externalId = cell('external_id');
  if (!externalId) return fail('external_id', 'missing');
  if (!EXTERNAL_ID_PATTERN.test(externalId)) {
    return fail('external_id', 'must be 1–100 printable ASCII characters without spaces');
  }
  const productId = cell('product_id');
  if (!productId) return fail('product_id', 'missing');
  if (!UUID.test(productId))
    return fail('product_id', `"${clip(productId)}" is not a product id (uuid)`);

  const quantityText = cell('quantity');
  if (!WHOLE.test(quantityText)) {
    return fail('quantity', `"${clip(quantityText)}" is not a whole number of units`);
  }
  const quantity = Number(quantityText);
  if (quantity < 1 || quantity > MAX_SALE_QUANTITY) {
    return fail('quantity', `must be between 1 and ${MAX_SALE_QUANTITY}, got ${quantityText}`);
  }

  const priceText = cell('unit_price');
  if (!WHOLE.test(priceText)) {
    return fail(
      'unit_price',
      `"${clip(priceText)}" is not whole fen (1/100 yuan): write 12.80 yuan as 1280`,
    );
  }
  const unitPriceFen = Number(priceText);
  if (unitPriceFen > MAX_SALE_UNIT_PRICE_FEN) {
    return fail('unit_price', `must be at most ${MAX_SALE_UNIT_PRICE_FEN} fen, got ${priceText}`);
  }

  const soldAtText = cell('sold_at');
  const soldAt = parseSoldAt(soldAtText);
  if (!soldAt) {
    return fail(
      'sold_at',
      `"${clip(soldAtText)}" is not an ISO 8601 date and time such as 2026-11-28T10:15:00+08:00`,
    );
  }
  if (soldAt.getTime() > now + SOLD_AT_FUTURE_TOLERANCE_MS)
    return fail('sold_at', 'is in the future');
  return { ok: true, row: { externalId, productId, quantity, unitPriceFen, soldAt } };
}

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** ISO 8601 date and time; without an offset it is China Standard Time (UTC+8). Null if invalid. */
export function parseSoldAt(text: string): Date | null {
  const match = TIMESTAMP.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s = '0', fraction = '', zone] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  const local = Date.UTC(
    year,
    month - 1,
    day,
    hour,
    minute,
    second,
    Number(fraction.padEnd(3, '0').slice(0, 3)),
  );
  const check = new Date(local);
  if (
    check.getUTCFullYear() !== year ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day
  ) {
    return null; // 2026-02-30 and the like
  }
  let offsetMinutes = 8 * 60;
  if (zone && zone.toUpperCase() !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const hours = Number(digits.slice(0, 2));
    const minutes = Number(digits.slice(2) || '0');
    if (hours > 14 || minutes > 59) return null;
    offsetMinutes = sign * (hours * 60 + minutes);
  } else if (zone) {
    offsetMinutes = 0;
  }
  return new Date(local - offsetMinutes * 60_000);
}

/** The line a record starts on: csv-parse counts lines up to where the record ends. */
export function recordStartLine(linesSoFar: number, raw: string): number {
  const body = raw.replace(/^\n+/, '').replace(/\n$/, '');
  return linesSoFar - (body.match(/\n/g)?.length ?? 0);
}

/**
 * Turns CRLF and lone CR line ends into LF while streaming (a CR at the end of one chunk is held
 * back until the next shows whether an LF follows), so that line numbers match what an editor
 * shows whatever the file's line ends.
 */
export class LineEndingNormalizer extends Transform {
  private pendingCr = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    let text = chunk.toString('latin1');
    if (this.pendingCr) {
      text = '\r' + text;
      this.pendingCr = false;
    }
    if (text.endsWith('\r')) {
      this.pendingCr = true;
      text = text.slice(0, -1);
    }
    callback(null, Buffer.from(text.replace(/\r\n?/g, '\n'), 'latin1'));
  }

  override _flush(callback: TransformCallback): void {
    callback(null, this.pendingCr ? Buffer.from('\n') : null);
  }
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
