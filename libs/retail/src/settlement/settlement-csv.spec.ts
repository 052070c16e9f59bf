import { csvField } from './settlement-csv';

describe('csvField', () => {
  it('quotes every text cell and leaves numbers bare', () => {
    expect(csvField('Bookends')).toBe('"Bookends"');
    expect(csvField('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvField(1200)).toBe('1200');
  });

  it('defuses formulas at the start and after a ; or , separator', () => {
    expect(csvField('=1+1')).toBe(`"'=1+1"`);
    expect(csvField('Bookmark;=1+1')).toBe(`"Bookmark;'=1+1"`);
    expect(csvField('a,@SUM(A1)')).toBe(`"a,'@SUM(A1)"`);
    expect(csvField('-5 off')).toBe(`"'-5 off"`);
  });
});
