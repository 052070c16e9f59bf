import { duplicateTierQuantities, unitPriceAt } from './price-tier';

const tiers = [
  { minQuantity: 100, unitPriceFen: 2000 },
  { minQuantity: 1, unitPriceFen: 2500 },
  { minQuantity: 1000, unitPriceFen: 1600 },
];

describe('unitPriceAt', () => {
  it.each([
    [1, 2500],
    [99, 2500],
    [100, 2000],
    [999, 2000],
    [1000, 1600],
    [50_000, 1600],
  ])('quantity %i costs %i fen a unit', (quantity, price) => {
    expect(unitPriceAt(tiers, quantity)).toBe(price);
  });

  it('is null below the first tier', () => {
    expect(unitPriceAt([{ minQuantity: 500, unitPriceFen: 100 }], 499)).toBeNull();
  });
});

describe('duplicateTierQuantities', () => {
  it('finds repeated starting quantities', () => {
    expect(duplicateTierQuantities([...tiers, { minQuantity: 100, unitPriceFen: 1 }])).toEqual([
      100,
    ]);
    expect(duplicateTierQuantities(tiers)).toEqual([]);
  });
});
