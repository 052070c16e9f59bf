import { PeriodGranularity } from '@cc/impact';
import { RETAIL_INDICATORS, retailIndicatorValues } from './retail-indicator.rows';

const CITY = 'city-1';
const terms = {
  termsType: 'CONSIGNMENT' as const,
  consignmentCommissionBp: 3000,
  wholesaleUnitPriceFen: null,
  heritageRoyaltyBp: 1000,
  royaltySplit: [{ userId: 't1', shareBp: 10_000 }],
};

describe('retail indicator rows', () => {
  const values = retailIndicatorValues({
    granularity: PeriodGranularity.QUARTER,
    indicators: RETAIL_INDICATORS,
    placementSales: [
      {
        city_id: CITY,
        period: '2026-Q4',
        project_id: 'p2',
        placement_id: 'pl2',
        units: '2',
        amount: '10000',
        sales: 2,
      },
      {
        city_id: CITY,
        period: '2026-Q4',
        project_id: 'p1',
        placement_id: 'pl1',
        units: '1',
        amount: '1999',
        sales: 1,
      },
    ],
    placementTerms: new Map([
      ['pl1', terms],
      ['pl2', terms],
    ]),
    sellThrough: [
      { city_id: CITY, period: '2026-Q4', project_id: 'p1', units: '1', delivered: 10, sales: 1 },
      { city_id: CITY, period: '2026-Q4', project_id: 'p2', units: '2', delivered: 0, sales: 2 },
    ],
    brandOutletPairs: [
      { city_id: CITY, period: '2026-Q4', project_ids: ['p1', 'p2'] },
      { city_id: CITY, period: '2026-Q4', project_ids: ['p2'] },
    ],
    sceneOutlets: [{ city_id: CITY, period: '2026-Q4', project_ids: ['p1', 'p2', 'p3'] }],
    resources: [
      { city_id: CITY, period: '2026-Q4', project_ids: ['p1', 'p2'], catalogue: 5 },
      { city_id: CITY, period: '2026-Q4', project_ids: ['p1'], catalogue: 5 },
    ],
    inMarket: [
      { city_id: CITY, period: '2026-Q3', project_id: 'p1' },
      { city_id: CITY, period: '2026-Q4', project_id: 'p1' },
      { city_id: CITY, period: '2026-Q4', project_id: 'p2' },
    ],
  });
  const find = (indicator: string, period = '2026-Q4') =>
    values.find((value) => value.indicator === indicator && value.period === period)!;

  it('gives every indicator additive per-project parts', () => {
    expect(find('creative_sales_revenue')).toEqual({
      cityId: CITY,
      period: '2026-Q4',
      indicator: 'creative_sales_revenue',
      total: 119.99,
      recordCount: 3,
      parts: [
        { projectId: 'p1', amount: 19.99 },
        { projectId: 'p2', amount: 100 },
      ],
    });
    // 70% to the makers, 10% of that to the heritage owner: 63% to the talent (1999 → 1259.37 → 1259 fen).
    expect(find('talent_earnings').parts).toEqual([
      { projectId: 'p1', amount: 12.59 },
      { projectId: 'p2', amount: 63 },
    ]);
    expect(find('sell_through').total).toEqual({ numerator: 3, denominator: 10 });
    expect(find('brand_reach')).toMatchObject({
      total: 2,
      recordCount: 2,
      parts: [
        { projectId: 'p1', amount: 0.5 },
        { projectId: 'p2', amount: 1.5 },
      ],
    });
    const scene = find('scene_coverage');
    expect(scene.total).toBeCloseTo(1, 12);
    expect(
      scene.parts.map((part) => part.amount as number).every((a) => Math.abs(a - 1 / 3) < 1e-12),
    ).toBe(true);
    expect(find('resource_activation')).toMatchObject({
      total: { numerator: 2, denominator: 5 },
      recordCount: 2,
      parts: [
        { projectId: 'p1', amount: { numerator: 1.5, denominator: 0 } },
        { projectId: 'p2', amount: { numerator: 0.5, denominator: 0 } },
      ],
    });
    expect(find('products_in_market', '2026-Q3').total).toBe(1);
    expect(find('products_in_market').total).toBe(2);
  });

  it('returns only the indicators asked for, sorted', () => {
    const only = retailIndicatorValues({
      granularity: PeriodGranularity.QUARTER,
      indicators: ['products_in_market'],
      placementSales: [],
      placementTerms: new Map(),
      sellThrough: [],
      brandOutletPairs: [],
      sceneOutlets: [],
      resources: [],
      inMarket: [
        { city_id: 'b', period: '2026-Q4', project_id: 'p1' },
        { city_id: 'a', period: '2026-Q4', project_id: 'p1' },
      ],
    });
    expect(only.map((value) => [value.cityId, value.indicator])).toEqual([
      ['a', 'products_in_market'],
      ['b', 'products_in_market'],
    ]);
    expect(values.map((value) => `${value.period} ${value.indicator}`)).toEqual(
      [...values.map((value) => `${value.period} ${value.indicator}`)].sort(),
    );
  });
});
