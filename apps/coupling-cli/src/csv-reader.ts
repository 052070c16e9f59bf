import { parse } from 'csv-parse/sync';

/** A CSV file as its header and data rows of text cells, with each row's line in the file. */
export interface CsvTable {
  header: string[];
  rows: string[][];
  lines: number[];
}

/** A CSV that cannot be read as a table (exit status 2). */
export class CsvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvError';
  }
}

/**
 * Parses UTF-8 CSV text (a leading BOM is dropped) with a header row. Empty lines are skipped;
 * every row must have as many cells as the header. Header names are trimmed.
 */
export function readCsv(content: Buffer | string, fileLabel: string): CsvTable {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(content, { bom: true, skip_empty_lines: true, info: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    throw new CsvError(`${fileLabel} is not valid CSV: ${message}`);
  }
  if (records.length === 0) throw new CsvError(`${fileLabel} is empty: it needs a header row`);
  return {
    header: records[0].record.map((h) => h.trim()),
    rows: records.slice(1).map((r) => r.record),
    lines: records.slice(1).map((r) => r.info.lines),
  };
}
