import { CouplingError, CouplingErrorCode } from './coupling.error';
import type { CouplingModel, Sample } from './model';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Parses a decimal number as written in a CSV cell (surrounding spaces allowed); null if it is not one. */
export function parseNumericCell(cell: string): number | null {
  const text = cell.trim();
  if (!NUMBER.test(text)) return null;
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

/**
 * Turns a table of text cells (a header and data rows, e.g. from a CSV file) into samples.
 * Checks that every id and indicator column of the model is in the header and that every
 * indicator cell is a number. `lineNumbers[i]` (optional) is the file line of data row i,
 * used in messages.
 */
export function samplesFromTable(
  model: CouplingModel,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  lineNumbers?: readonly number[],
): Sample[] {
  const index = new Map<string, number>();
  header.forEach((name, i) => {
    if (index.has(name)) {
      throw new CouplingError(
        CouplingErrorCode.DUPLICATE_COLUMN,
        `column "${name}" appears twice in the data header`,
      );
    }
    index.set(name, i);
  });
  const columnIndex = (column: string, role: string): number => {
    const i = index.get(column);
    if (i === undefined) {
      throw new CouplingError(
        CouplingErrorCode.UNKNOWN_COLUMN,
        `unknown column "${column}" (${role}): the data header has ${header
          .map((h) => `"${h}"`)
          .join(', ')}`,
      );
    }
    return i;
  };
  const ids = model.idColumns.map((c) => columnIndex(c, 'id column'));
  const indicators = model.subsystems.flatMap((s) =>
    s.indicators.map((ind) => ({
      column: ind.column,
      at: columnIndex(ind.column, `indicator of subsystem "${s.name}"`),
    })),
  );
  if (rows.length === 0) {
    throw new CouplingError(CouplingErrorCode.NO_SAMPLES, 'the data has a header but no rows');
  }
  return rows.map((row, r) => {
    const where = `data row ${r + 1}${lineNumbers ? ` (line ${lineNumbers[r]})` : ''}`;
    const values: Record<string, number> = {};
    for (const { column, at } of indicators) {
      const cell = row[at] ?? '';
      const value = parseNumericCell(cell);
      if (value === null) {
        throw new CouplingError(
          CouplingErrorCode.NON_NUMERIC_CELL,
          cell.trim() === ''
            ? `empty cell in column "${column}" at ${where}`
            : `non-numeric value ${JSON.stringify(cell)} in column "${column}" at ${where}`,
        );
      }
      values[column] = value;
    }
    return { id: ids.map((i) => row[i] ?? ''), values };
  });
}
