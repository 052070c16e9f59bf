import { median, toFen, total } from './statistics';

describe('portfolio statistics', () => {
  it('median of odd, even and empty lists', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([])).toBeNull();
  });

  it('totals and rounds yuan to the fen', () => {
    expect(total([1, 2, 3.5])).toBe(6.5);
    expect(toFen(0.1 + 0.2)).toBe(0.3);
  });
});
