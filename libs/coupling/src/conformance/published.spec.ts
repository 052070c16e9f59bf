import { conformanceDir, matchesPrinted, printedDecimals } from './published';

describe('published-number comparison', () => {
  it('reads the precision from the printed text, trailing zeros included', () => {
    expect(printedDecimals('0.000820')).toBe(6);
    expect(printedDecimals('36.2')).toBe(1);
    expect(printedDecimals('68.0')).toBe(1);
    expect(printedDecimals('2015')).toBe(0);
    expect(printedDecimals('0.8179733')).toBe(7);
  });

  it('accepts values that round to the printed text and rejects the others', () => {
    expect(matchesPrinted(0.00082049, '0.000820')).toBe(true);
    expect(matchesPrinted(0.0008206, '0.000820')).toBe(false);
    expect(matchesPrinted(0.09996, '0.100')).toBe(true);
    expect(matchesPrinted(0.0994, '0.100')).toBe(false);
    expect(matchesPrinted(0.81797334, '0.8179733')).toBe(true);
    expect(matchesPrinted(0.81797336, '0.8179733')).toBe(false);
  });

  it('finds the shared conformance folder beside the repository', () => {
    expect(conformanceDir()).toMatch(/shared[\\/]conformance[\\/]ccd$/);
  });
});
