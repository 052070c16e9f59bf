import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';

export type Cell = string | number | bigint | boolean | Date | null | readonly string[] | object;

/** COPY text format: backslash, tab, newline and carriage return escaped; NULL is `\N`. */
function escapeText(text: string): string {
  return text.replace(/[\\\t\n\r]/g, (c) =>
    c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r',
  );
}

/** A PostgreSQL array literal of text-like items, each quoted. */
function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((item) => `"${item.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

export function formatCell(value: Cell, json = false): string {
  if (value === null) return '\\N';
  if (json) return escapeText(JSON.stringify(value));
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (typeof value === 'string') return escapeText(value);
  if (Array.isArray(value)) return escapeText(arrayLiteral(value as string[]));
  return escapeText(JSON.stringify(value));
}

interface TableBuffer {
  columns: readonly string[];
  json: boolean[];
  lines: string[];
}

/**
 * Buffers rows per table and writes them with COPY, in the order the tables were declared (so
 * a referenced row is always written before, or together with, the rows that reference it).
 * `flushIfFull` keeps memory bounded while generators stream.
 */
export class CopyWriter {
  private readonly tables = new Map<string, TableBuffer>();
  private buffered = 0;
  readonly written = new Map<string, number>();

  constructor(
    private readonly client: Client,
    tables: Readonly<Record<string, readonly string[]>>,
    jsonColumns: ReadonlySet<string>,
    private readonly maxBufferedRows = 20_000,
    private readonly onFlush: (rows: number) => void = () => undefined,
  ) {
    for (const [table, columns] of Object.entries(tables)) {
      const json = columns.map((column) => jsonColumns.has(`${table}.${column}`));
      this.tables.set(table, { columns, json, lines: [] });
      this.written.set(table, 0);
    }
  }

  /** Adds one row; values follow the table's declared columns. */
  add(table: string, row: Record<string, Cell>): void {
    const buffer = this.tables.get(table);
    if (!buffer) throw new Error(`unknown table ${table}`);
    const cells = buffer.columns.map((column, i) => {
      if (!(column in row)) throw new Error(`${table}.${column} is missing`);
      return formatCell(row[column], buffer.json[i]);
    });
    buffer.lines.push(`${cells.join('\t')}\n`);
    this.buffered += 1;
  }

  async flushIfFull(): Promise<void> {
    if (this.buffered >= this.maxBufferedRows) await this.flush();
  }

  async flush(): Promise<void> {
    for (const [table, buffer] of this.tables) {
      if (buffer.lines.length === 0) continue;
      const lines = buffer.lines;
      buffer.lines = [];
      const stream = this.client.query(
        copyFrom(`COPY ${table} (${buffer.columns.join(', ')}) FROM STDIN`),
      );
      await pipeline(Readable.from(chunks(lines)), stream);
      this.written.set(table, (this.written.get(table) ?? 0) + lines.length);
      this.onFlush(lines.length);
    }
    this.buffered = 0;
  }

  totalWritten(): number {
    return [...this.written.values()].reduce((sum, n) => sum + n, 0);
  }
}

/** Joins lines into ~256 KiB chunks, so COPY gets few large writes. */
function* chunks(lines: readonly string[]): Generator<string> {
  let chunk = '';
  for (const line of lines) {
    chunk += line;
    if (chunk.length >= 262_144) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
