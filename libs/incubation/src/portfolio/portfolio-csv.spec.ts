import { numberCell, textCell } from './portfolio-csv';

describe('portfolio CSV cells', () => {
  it('quotes every text cell and doubles quotes', () => {
    expect(textCell('Tiexi Works')).toBe('"Tiexi Works"');
    expect(textCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(textCell('')).toBe('""');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(textCell('=HYPERLINK("http://evil.example","x")')).toBe(
      '"\'=HYPERLINK(""http://evil.example"",""x"")"',
    );
    for (const start of ['+', '-', '@', '\t', '\r']) {
      expect(textCell(`${start}1+1`)).toBe(`"'${start}1+1"`);
    }
  });

  it('writes numbers plain', () => {
    expect(numberCell(-0.0123)).toBe('-0.0123');
    expect(numberCell(null)).toBe('');
  });
});
