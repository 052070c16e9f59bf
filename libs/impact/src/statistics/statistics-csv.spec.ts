import { ImpactException } from '../impact.exception';
import { parseStatisticsCsv } from './statistics-csv';

function reasons(csv: string) {
  return parseStatisticsCsv(csv).errors.map((e) => [e.line, e.column, e.reason]);
}

describe('parseStatisticsCsv', () => {
  it('reads the header, each row with its line, and skips blank lines and empty cells', () => {
    const result = parseStatisticsCsv(
      '\ufeffcity,period,museum_visitors,博物馆数量\n' +
        'shenyang,2026-Q3,3200000,12\n' +
        '\n' +
        'dalian,2026-q3,2100000,\n' +
        'shenyang,2026,1.5e7,13\r\n',
    );
    expect(result.indicators).toEqual(['museum_visitors', '博物馆数量']);
    expect(result.errors).toEqual([]);
    expect(result.rowsRead).toBe(3);
    expect(result.rows).toEqual([
      {
        line: 2,
        cityCode: 'shenyang',
        period: { granularity: 'QUARTER', year: 2026, index: 3, key: '2026-Q3' },
        values: [
          { indicator: 'museum_visitors', value: 3200000 },
          { indicator: '博物馆数量', value: 12 },
        ],
      },
      {
        line: 4,
        cityCode: 'dalian',
        period: { granularity: 'QUARTER', year: 2026, index: 3, key: '2026-Q3' },
        values: [{ indicator: 'museum_visitors', value: 2100000 }],
      },
      {
        line: 5,
        cityCode: 'shenyang',
        period: { granularity: 'YEAR', year: 2026, index: 1, key: '2026' },
        values: [
          { indicator: 'museum_visitors', value: 15000000 },
          { indicator: '博物馆数量', value: 13 },
        ],
      },
    ]);
  });

  it('reports every bad row with its exact line, column and reason, and keeps the good ones', () => {
    const csv = [
      'city,period,visitors,patents', // 1
      'a,2026-Q1,1,2', // 2 ok
      ',2026-Q1,1,2', // 3 no city
      'a,2026-Q5,1,2', // 4 bad period
      'a,2026-Q2,abc,2', // 5 not a number
      'a,2026-Q2,1', // 6 too few cells
      '', // 7 blank
      'a,2026-Q3,,', // 8 no values
      'a,2026-Q1,3,4', // 9 duplicate of line 2
      'a,2026-Q4,NaN,1', // 10 NaN
      'a,2026-Q4,1e999,1', // 11 infinite
      'b,"2026-Q1",0x10,1', // 12 hex is not a decimal
      'b,2026-Q2,-1.5,.5', // 13 ok (negative and leading-dot decimals are numbers)
    ].join('\n');
    const result = parseStatisticsCsv(csv);
    expect(result.rows.map((r) => r.line)).toEqual([2, 13]);
    expect(reasons(csv)).toEqual([
      [3, 'city', 'city is empty'],
      [4, 'period', expect.stringContaining('"2026-Q5" is not a period')],
      [5, 'visitors', '"abc" is not a number'],
      [6, null, 'has 3 cells, the header has 4'],
      [8, null, 'has no indicator values'],
      [9, null, 'repeats city a and period 2026-Q1 of line 2'],
      [10, 'visitors', '"NaN" is not a number'],
      [11, 'visitors', '"1e999" is not a number'],
      [12, 'visitors', '"0x10" is not a number'],
    ]);
    expect(result.rowsRead).toBe(11);
  });

  it('gives a quoted multi-line row the line it starts on, and reports unreadable CSV', () => {
    const csv = 'city,period,visitors\na,2026-Q1,"1\nx"\nb,20"26,1\nc,2026-Q2,5\n';
    const result = parseStatisticsCsv(csv);
    expect(result.rows.map((r) => [r.line, r.cityCode])).toEqual([[5, 'c']]);
    expect(result.errors).toEqual([
      { line: 2, column: 'visitors', reason: '"1\nx" is not a number' },
      { line: 4, column: null, reason: expect.stringMatching(/^not valid CSV: .*quote/i) },
    ]);
  });

  it.each([
    ['', /empty/],
    ['period,city,x\n', /header must be city,period/],
    ['city,period\n', /header must be city,period/],
    ['city,period,a,a\n', /appears twice/],
    ['city,period,2x\n', /must start with a letter/],
    ['city,period,creative_sales_revenue\n', /computed by the platform/],
    ['\n\ncity,period,x\n', /must be the first line/],
  ])('rejects the whole file for %p', (csv, message) => {
    let error: unknown;
    try {
      parseStatisticsCsv(csv);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ImpactException);
    expect((error as ImpactException).reason).toBe('INVALID_CSV');
    expect((error as ImpactException).code).toBe('BAD_USER_INPUT');
    expect((error as Error).message).toMatch(message);
  });

  it('caps the number of rows', () => {
    const csv = 'city,period,x\n' + 'a,2026,1\n'.repeat(4);
    expect(() => parseStatisticsCsv(csv, 3)).toThrow(/at most 3 rows/);
  });
});
