import { similarIndex, similarSellThrough } from './similar-sell-through';

const sample = (theme: string, outletType: string, meanSellThrough: number, products = 10) => ({
  theme,
  outletType,
  products,
  meanSellThrough,
});

describe('similarSellThrough', () => {
  it("indexes each type against the theme's mean over the types", () => {
    const index = similarSellThrough([
      sample('PALACE_QING_CULTURE', 'MUSEUM', 0.3),
      sample('PALACE_QING_CULTURE', 'SCENIC_SPOT', 0.1),
      sample('PALACE_QING_CULTURE', 'ONLINE', 0.05),
    ]);
    expect(index).toEqual({
      PALACE_QING_CULTURE: { MUSEUM: 2, SCENIC_SPOT: 0.67, ONLINE: 0.33 },
    });
  });

  it('learns nothing from too few products, a single type, or no sales', () => {
    expect(
      similarSellThrough([
        sample('FOLK_CULTURE', 'MUSEUM', 0.3, 4),
        sample('FOLK_CULTURE', 'ONLINE', 0.1),
        sample('OTHER', 'MUSEUM', 0, 20),
        sample('OTHER', 'ONLINE', 0, 20),
      ]),
    ).toEqual({});
    expect(similarSellThrough([])).toEqual({});
  });

  it("a product's index is the mean over its known themes; unknown is undefined", () => {
    const index = { A: { MUSEUM: 2 }, B: { MUSEUM: 1, ONLINE: 0.5 } };
    expect(similarIndex(index, ['A', 'B'], 'MUSEUM')).toBe(1.5);
    expect(similarIndex(index, ['A', 'B'], 'ONLINE')).toBe(0.5);
    expect(similarIndex(index, ['A'], 'ONLINE')).toBeUndefined();
    expect(similarIndex(index, [], 'MUSEUM')).toBeUndefined();
  });
});
