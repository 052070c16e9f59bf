import { OutletProfile, ProductProfile } from './match-features';
import { DEFAULT_MATCH_WEIGHTS } from './match-weights';
import {
  footfall,
  outletTypeFit,
  priceFit,
  scoreProductForOutlet,
  sellThroughAtSimilar,
  themeAffinity,
} from './outlet-fit';

const product: ProductProfile = {
  id: 'prod',
  cityId: 'shenyang',
  themes: ['PALACE_QING_CULTURE'],
  retailPriceFen: 12_800,
  sellThroughByOutletType: { MUSEUM: 0.8 },
};
const museum: OutletProfile = {
  id: 'o1',
  organizationId: 'r1',
  cityId: 'shenyang',
  districtId: 'shenhe',
  type: 'MUSEUM',
  themes: ['PALACE_QING_CULTURE', 'FOLK_CULTURE'],
  averageMonthlyFootfall: 200_000,
  priceBandMinFen: 5_000,
  priceBandMaxFen: 30_000,
};

describe('outlet fit components', () => {
  it('theme affinity: the share of product themes the outlet carries', () => {
    expect(themeAffinity(product, museum).value).toBe(1);
    const off = themeAffinity(product, { ...museum, themes: ['INDUSTRIAL_HERITAGE'] });
    expect(off.value).toBe(0);
    expect(off.reasons[0].code).toBe('THEME_MISMATCH');
    const none = themeAffinity({ ...product, themes: [] }, museum);
    expect(none.value).toBe(0.5);
    expect(none.reasons[0].code).toBe('NO_CULTURAL_THEME');
  });

  it('outlet type fit: palace culture belongs in museums and scenic spots', () => {
    expect(outletTypeFit(product, museum).value).toBe(1);
    expect(outletTypeFit(product, { ...museum, type: 'SCENIC_SPOT' }).value).toBe(1);
    expect(outletTypeFit(product, { ...museum, type: 'COMMUNITY' }).value).toBe(0.2);
    expect(outletTypeFit(product, { ...museum, type: 'ONLINE' }).value).toBe(0.6);
  });

  it('price: 1 inside the band, falling with the distance outside', () => {
    expect(priceFit(product, museum).value).toBe(1);
    const above = priceFit({ ...product, retailPriceFen: 45_000 }, museum);
    expect(above.value).toBeCloseTo(0.5, 5);
    expect(above.reasons[0].code).toBe('PRICE_ABOVE_BAND');
    expect(above.reasons[0].message).toContain('¥450.00');
    const below = priceFit({ ...product, retailPriceFen: 1_000 }, museum);
    expect(below.value).toBeCloseTo(0.2, 5);
    expect(below.reasons[0].code).toBe('PRICE_BELOW_BAND');
  });

  it('footfall on a square-root scale, full marks from 300,000 a month, zero scoring 0', () => {
    expect(footfall({ ...museum, averageMonthlyFootfall: 0 }).value).toBe(0);
    expect(footfall({ ...museum, averageMonthlyFootfall: 300_000 }).value).toBe(1);
    expect(footfall({ ...museum, averageMonthlyFootfall: 1_000_000 }).value).toBe(1);
    expect(footfall({ ...museum, averageMonthlyFootfall: 75_000 }).value).toBe(0.5);
  });

  it('sell-through at outlets of the same type; none yet is neutral', () => {
    expect(sellThroughAtSimilar(product, museum).value).toBe(0.8);
    const unknown = sellThroughAtSimilar(product, { ...museum, type: 'SCENIC_SPOT' });
    expect(unknown.value).toBe(0.5);
    expect(unknown.reasons[0].code).toBe('NO_SALES_AT_SIMILAR');
  });

  it('before any sale at a type, half the index of products sharing its themes there', () => {
    const similar = { PALACE_QING_CULTURE: { SCENIC_SPOT: 0.6, ONLINE: 3 } };
    const scenic = sellThroughAtSimilar(product, { ...museum, type: 'SCENIC_SPOT' }, similar);
    expect(scenic.value).toBe(0.3);
    expect(scenic.reasons[0]).toEqual({
      code: 'SIMILAR_PRODUCTS_SELL_THROUGH',
      message:
        'No sales yet at SCENIC_SPOT outlets; products sharing its themes sell 0.6× their average there',
      messageZh:
        '尚无在 SCENIC_SPOT 类门店的销售记录；同主题产品在此类门店的售罄率为其平均水平的 0.6 倍',
    });
    // Capped at 1; the product's own sales at a type always win over the index.
    expect(sellThroughAtSimilar(product, { ...museum, type: 'ONLINE' }, similar).value).toBe(1);
    expect(
      sellThroughAtSimilar(product, museum, { PALACE_QING_CULTURE: { MUSEUM: 3 } }).value,
    ).toBe(0.8);
  });
});

describe('scoreProductForOutlet', () => {
  it('a good fit outranks a poor one, with reasons in both languages', () => {
    const good = scoreProductForOutlet(product, museum, DEFAULT_MATCH_WEIGHTS.outlet);
    const poor = scoreProductForOutlet(
      product,
      { ...museum, type: 'COMMUNITY', themes: ['INDUSTRIAL_HERITAGE'], priceBandMaxFen: 6_000 },
      DEFAULT_MATCH_WEIGHTS.outlet,
    );
    expect(good.score).toBeGreaterThan(0.85);
    expect(poor.score).toBeLessThan(0.35);
    expect(good.excluded).toBe(false);
    for (const r of good.reasons) {
      expect(r.message.length).toBeGreaterThan(0);
      expect(r.messageZh.length).toBeGreaterThan(0);
    }
  });

  it('an outlet of another city is excluded, online shops included, and says why', () => {
    for (const type of ['MUSEUM', 'ONLINE']) {
      const result = scoreProductForOutlet(
        product,
        { ...museum, type, cityId: 'dalian' },
        DEFAULT_MATCH_WEIGHTS.outlet,
      );
      expect(result.excluded).toBe(true);
      expect(result.reasons[0]).toEqual({
        code: 'OTHER_CITY',
        message: "The outlet is in another city than the product's",
        messageZh: '门店与产品不在同一城市',
      });
      // The components are kept, so the pair can still be explained.
      expect(result.components.find((c) => c.name === 'theme_affinity')?.value).toBe(1);
    }
  });
});
