import { parse } from 'csv-parse/sync';
import { ImpactException } from '../impact.exception';
import { INDICATOR_KEY_PATTERN } from '../indicator-system/indicator-system.definition';
import { Period, PeriodError, parsePeriod } from '../period';
import { platformIndicatorSpec } from '../platform-indicators/platform-indicator.catalog';
import type { CsvRowError } from './statistic-import.entity';

export const MAX_STATISTICS_ROWS = 20_000;

export interface StatisticsCsvRow {
  /** Line in the file where the row starts (the header is line 1). */
  line: number;
  cityCode: string;
  period: Period;
  values: { indicator: string; value: number }[];
}

export interface StatisticsCsv {
  indicators: string[];
  rowsRead: number;
  rows: StatisticsCsvRow[];
  errors: CsvRowError[];
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

interface Record {
  record: string[];
  raw: string;
  info: { lines: number };
}

/** The line a record starts on: csv-parse reports where it ends. */
function startLine(record: Record): number {
  const body = record.raw.replace(/^\n+/, '').replace(/\n$/, '');
  return record.info.lines - (body.match(/\n/g)?.length ?? 0);
}

function checkHeader(header: string[]): string[] {
  const names = header.map((h) => h.trim());
  if (
    names.length < 3 ||
    names[0].toLowerCase() !== 'city' ||
    names[1].toLowerCase() !== 'period'
  ) {
    throw ImpactException.invalidCsv(
      `the header must be city,period,<indicator>,... (at least one indicator), got "${names.join(',')}"`,
      1,
    );
  }
  const indicators = names.slice(2);
  const seen = new Set<string>();
  for (const name of indicators) {
    if (!INDICATOR_KEY_PATTERN.test(name)) {
      throw ImpactException.invalidCsv(
        `indicator column "${name}" must start with a letter and hold only letters, digits and underscores (at most 64)`,
        1,
      );
    }
    if (platformIndicatorSpec(name)) {
      throw ImpactException.invalidCsv(
        `"${name}" is computed by the platform; official statistics need another name`,
        1,
      );
    }
    if (seen.has(name))
      throw ImpactException.invalidCsv(`indicator column "${name}" appears twice`, 1);
    seen.add(name);
  }
  return indicators;
}

/**
 * Reads a CSV of official statistics: header `city,period,<indicator>...`, then one row per
 * city (by code) and period (2026-Q3, 2026-09 or 2026). Pure: it checks the shape of every row
 * and reports each bad one with its line and reason; whether the city exists and may be written
 * by the caller is checked by the service. An empty cell means "no value" and is skipped.
 * File-level problems (no header, a bad header, too many rows) throw INVALID_CSV.
 */
export function parseStatisticsCsv(csv: string, maxRows = MAX_STATISTICS_ROWS): StatisticsCsv {
  const errors: CsvRowError[] = [];
  let records: Record[];
  try {
    // One line ending throughout, so that csv-parse's line count matches what an editor shows.
    records = parse(csv.replace(/\r\n?/g, '\n'), {
      bom: true,
      info: true,
      raw: true,
      skip_empty_lines: true,
      relax_column_count: true,
      skip_records_with_error: true,
      on_skip: (error: { lines?: number; message: string } | undefined) => {
        if (error) {
          errors.push({
            line: error.lines ?? 0,
            column: null,
            reason: `not valid CSV: ${error.message}`,
          });
        }
      },
    }) as unknown as Record[];
  } catch (error) {
    throw ImpactException.invalidCsv(`not valid CSV: ${(error as Error).message}`);
  }
  if (records.length === 0) {
    throw ImpactException.invalidCsv(
      'the CSV is empty: it needs the header city,period,<indicator>,...',
    );
  }
  if (startLine(records[0]) !== 1) {
    throw ImpactException.invalidCsv(
      'the header city,period,<indicator>,... must be the first line',
      1,
    );
  }
  const header = records[0].record;
  const indicators = checkHeader(header);
  const dataRecords = records.slice(1);
  if (dataRecords.length > maxRows) {
    throw ImpactException.invalidCsv(
      `at most ${maxRows} rows per import, got ${dataRecords.length}`,
    );
  }

  const rows: StatisticsCsvRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const record of dataRecords) {
    const line = startLine(record);
    const reject = (reason: string, column: string | null = null) =>
      errors.push({ line, column, reason });
    const cells = record.record;
    if (cells.length !== header.length) {
      reject(`has ${cells.length} cells, the header has ${header.length}`);
      continue;
    }
    const cityCode = cells[0].trim();
    if (!cityCode) {
      reject('city is empty', 'city');
      continue;
    }
    let period: Period;
    try {
      period = parsePeriod(cells[1]);
    } catch (error) {
      if (!(error instanceof PeriodError)) throw error;
      reject(error.message, 'period');
      continue;
    }
    const values: StatisticsCsvRow['values'] = [];
    let bad = false;
    indicators.forEach((indicator, j) => {
      if (bad) return;
      const text = cells[j + 2].trim();
      if (text === '') return;
      const value = Number(text);
      if (!DECIMAL.test(text) || !Number.isFinite(value)) {
        reject(`"${text}" is not a number`, indicator);
        bad = true;
        return;
      }
      values.push({ indicator, value });
    });
    if (bad) continue;
    if (values.length === 0) {
      reject('has no indicator values');
      continue;
    }
    const key = `${cityCode}\u0000${period.key}`;
    const first = firstLineOf.get(key);
    if (first !== undefined) {
      reject(`repeats city ${cityCode} and period ${period.key} of line ${first}`);
      continue;
    }
    firstLineOf.set(key, line);
    rows.push({ line, cityCode, period, values });
  }
  errors.sort((a, b) => a.line - b.line);
  return { indicators, rowsRead: dataRecords.length + countSkipped(errors), rows, errors };
}

/** Records csv-parse could not read at all are counted as read (and rejected). */
function countSkipped(errors: CsvRowError[]): number {
  return errors.filter((e) => e.reason.startsWith('not valid CSV')).length;
}
