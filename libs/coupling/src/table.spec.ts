import { CouplingError, CouplingErrorCode } from './coupling.error';
import { parseModel } from './model-validation';
import { parseNumericCell, samplesFromTable } from './table';

const model = parseModel({
  idColumns: ['地区'],
  subsystems: [
    { name: 'a', indicators: [{ column: 'x' }] },
    { name: 'b', indicators: [{ column: '专利' }] },
  ],
});

function errorOf(fn: () => unknown): CouplingError {
  try {
    fn();
  } catch (err) {
    return err as CouplingError;
  }
  throw new Error('expected an error');
}

describe('samplesFromTable', () => {
  it('builds samples from text cells', () => {
    expect(samplesFromTable(model, ['地区', 'x', '专利'], [['上海', ' 1.5 ', '2e3']])).toEqual([
      { id: ['上海'], values: { x: 1.5, 专利: 2000 } },
    ]);
  });

  it('reports an unknown column', () => {
    const err = errorOf(() => samplesFromTable(model, ['地区', 'x'], [['a', '1']]));
    expect(err.code).toBe(CouplingErrorCode.UNKNOWN_COLUMN);
    expect(err.message).toBe(
      'unknown column "专利" (indicator of subsystem "b"): the data header has "地区", "x"',
    );
  });

  it('reports a non-numeric cell with its row, line and column', () => {
    const err = errorOf(() =>
      samplesFromTable(
        model,
        ['地区', 'x', '专利'],
        [
          ['a', '1', '2'],
          ['b', '1,5', '2'],
        ],
        [2, 3],
      ),
    );
    expect(err.code).toBe(CouplingErrorCode.NON_NUMERIC_CELL);
    expect(err.message).toBe('non-numeric value "1,5" in column "x" at data row 2 (line 3)');
  });

  it('reports a duplicate header and an empty table', () => {
    expect(errorOf(() => samplesFromTable(model, ['x', 'x'], [])).code).toBe(
      CouplingErrorCode.DUPLICATE_COLUMN,
    );
    expect(errorOf(() => samplesFromTable(model, ['地区', 'x', '专利'], [])).code).toBe(
      CouplingErrorCode.NO_SAMPLES,
    );
  });
});

describe('parseNumericCell', () => {
  it.each([
    ['42', 42],
    ['-0.5', -0.5],
    ['.5', 0.5],
    ['1e-3', 0.001],
    [' 7 ', 7],
  ])('reads %j', (cell, value) => {
    expect(parseNumericCell(cell)).toBe(value);
  });

  it.each(['', 'abc', '1,5', 'NaN', 'Infinity', '0x10', '1e999', '--1'])('refuses %j', (cell) => {
    expect(parseNumericCell(cell)).toBeNull();
  });
});
