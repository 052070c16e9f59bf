import { overStock, StockRoom } from './sale-stock';

const P = 'aaaaaaaa-0000-0000-0000-000000000001';
const Q = 'aaaaaaaa-0000-0000-0000-000000000002';
const claim = (line: number, externalId: string, quantity: number, productId = P) => ({
  line,
  externalId,
  quantity,
  productId,
});
const room = (entries: [string, StockRoom][]) => new Map(entries);

describe('overStock', () => {
  it('takes sales in line order, each against what the earlier ones left', () => {
    const refused = overStock(
      [claim(4, 'c', 2), claim(2, 'a', 6), claim(3, 'b', 5)],
      room([[P, { delivered: 10, sold: 2 }]]),
      new Set(),
    );
    expect(refused).toEqual([{ line: 3, productId: P, quantity: 5, left: 2, delivered: 10 }]);
  });

  it('keeps each product to its own stock, and a product without delivery to none', () => {
    const refused = overStock(
      [claim(1, 'a', 3, Q.toUpperCase()), claim(2, 'b', 1), claim(3, 'c', 1, Q)],
      room([[Q, { delivered: 4, sold: 0 }]]),
      new Set(),
    );
    expect(refused).toEqual([{ line: 2, productId: P, quantity: 1, left: 0, delivered: 0 }]);
  });

  it('takes no stock for sales already recorded or repeated within the batch', () => {
    const refused = overStock(
      [claim(1, 'old', 9), claim(2, 'a', 2), claim(3, 'a', 2), claim(4, 'b', 1)],
      room([[P, { delivered: 5, sold: 2 }]]),
      new Set(['old']),
    );
    expect(refused).toEqual([]);
  });
});
