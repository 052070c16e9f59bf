import { OutletRef } from '../seed-context';
import { dailySalesRate, judgeOutlets, outletAppeal } from './sales-model';

const outlet = (id: string, over: Partial<OutletRef> = {}): OutletRef => ({
  id,
  organizationId: 'org',
  cityId: 'city',
  districtId: 'district',
  type: 'MUSEUM',
  themes: ['PALACE_QING_CULTURE'],
  footfall: 50_000,
  priceMin: 2_000,
  priceMax: 30_000,
  recorderUserId: 'user',
  ...over,
});
const palace = {
  themes: ['PALACE_QING_CULTURE'] as const,
  retailPriceFen: 8_000,
  resourceDistrictIds: ['district'],
};

describe('the generator sales model', () => {
  it('multiplies theme, price and footfall into an outlet appeal', () => {
    expect(outletAppeal(palace, outlet('a'))).toBe(6);
    expect(outletAppeal(palace, outlet('a', { themes: ['OTHER'] }))).toBe(1);
    expect(outletAppeal(palace, outlet('a', { priceMax: 5_000 }))).toBeCloseTo(1.2, 10);
    expect(outletAppeal(palace, outlet('a', { footfall: 200_000 }))).toBe(12);
  });

  it('sells palace culture best at museums, and fades in the flagging district', () => {
    const museum = dailySalesRate(palace, outlet('a'), 'elsewhere');
    expect(dailySalesRate(palace, outlet('a', { type: 'SCENIC_SPOT' }), 'elsewhere')).toBe(
      (museum * 1.4) / 2.5,
    );
    expect(dailySalesRate(palace, outlet('a'), 'district')).toBeCloseTo(museum * 0.6, 12);
    const industrial = { ...palace, themes: ['INDUSTRIAL_HERITAGE'] as const };
    const shop: Partial<OutletRef> = { themes: ['INDUSTRIAL_HERITAGE'], type: 'COMMUNITY' };
    expect(dailySalesRate(industrial, outlet('a', shop), 'x')).toBe(
      dailySalesRate(industrial, outlet('a', { ...shop, type: 'MUSEUM' }), 'x'),
    );
  });

  it('grades every outlet against the best one: good at half its rate or more, bad under a tenth', () => {
    const judgement = judgeOutlets(
      palace,
      [
        outlet('best', { footfall: 200_000 }),
        outlet('half', { footfall: 50_000 }),
        outlet('scenic', { type: 'SCENIC_SPOT', footfall: 200_000 }),
        outlet('corner', { type: 'COMMUNITY', themes: ['OTHER'], priceMax: 1_500 }),
      ],
      'elsewhere',
    );
    expect(judgement.good).toEqual(['best', 'scenic', 'half']);
    expect(judgement.bad).toEqual(['corner']);
    // Under 0.01 of the best goes unrecorded (a gain of nothing).
    expect(judgement.relevance).toEqual({ best: 1, scenic: 0.56, half: 0.5 });
  });

  it('judges nothing without outlets', () => {
    expect(judgeOutlets(palace, [], 'x')).toEqual({ good: [], bad: [], relevance: {} });
  });
});
