import { toCsv } from './csv';

describe('toCsv', () => {
  it('writes a header and rows with CRLF line ends, numbers at full precision', () => {
    expect(
      toCsv(
        ['period', 'D'],
        [
          ['2026-Q1', 0.123456789012345],
          ['2026-Q2', 1],
        ],
      ),
    ).toBe('period,D\r\n2026-Q1,0.123456789012345\r\n2026-Q2,1\r\n');
  });

  it('quotes commas, quotes and line breaks, and leaves missing values empty', () => {
    expect(
      toCsv(
        ['a', 'b', 'c'],
        [
          ['x, y', 'say "hi"', null],
          ['line\nbreak', undefined, NaN],
        ],
      ),
    ).toBe('a,b,c\r\n"x, y","say ""hi""",\r\n"line\nbreak",,\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(
      toCsv(
        ['title', 'delta'],
        [
          ['=HYPERLINK("x")', -0.5],
          ['@SUM(A1)', 0],
        ],
      ),
    ).toBe('title,delta\r\n"\'=HYPERLINK(""x"")",-0.5\r\n\'@SUM(A1),0\r\n');
  });
});
