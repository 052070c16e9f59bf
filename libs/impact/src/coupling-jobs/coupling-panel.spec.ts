import { IndicatorDefinition } from '../indicator-system/indicator-system.definition';
import {
  IndicatorAggregation,
  IndicatorSource,
} from '../platform-indicators/platform-indicator.catalog';
import { buildPanel, OFFICIAL_STATISTIC_SOURCE } from './coupling-panel';

const indicator = (
  key: string,
  subsystem: string,
  source: IndicatorSource,
  aggregation: IndicatorAggregation | null = null,
): IndicatorDefinition => ({
  key,
  label: key,
  subsystem,
  direction: 'positive',
  source,
  aggregation,
  unit: null,
  description: null,
});

const INDICATORS = [
  indicator('visitors', 'u1', IndicatorSource.OFFICIAL_STATISTIC),
  indicator('creative_sales_revenue', 'u1', IndicatorSource.PLATFORM, IndicatorAggregation.SUM),
  indicator('sell_through', 'u2', IndicatorSource.PLATFORM, IndicatorAggregation.RATIO),
];

const stat = (cityId: string, period: string, value: number, indicatorKey = 'visitors') => ({
  cityId,
  period,
  indicator: indicatorKey,
  value,
  importId: 'import-1',
});

describe('buildPanel', () => {
  it('makes one sample per (city, period) with data, sorted by period then city', () => {
    const panel = buildPanel({
      indicators: INDICATORS,
      statistics: [stat('b', '2026-Q2', 20), stat('a', '2026-Q2', 10), stat('b', '2025-Q4', 5)],
      platformValues: [],
      platformSourceOf: {},
    });
    expect(panel.samples.map((s) => `${s.cityId}/${s.period.key}`)).toEqual([
      'b/2025-Q4',
      'a/2026-Q2',
      'b/2026-Q2',
    ]);
    expect(panel.excluded).toEqual([]);
  });

  it('counts platform indicators without a source as 0 and says so in the trace', () => {
    const [sample] = buildPanel({
      indicators: INDICATORS,
      statistics: [stat('a', '2026-Q1', 7)],
      platformValues: [],
      platformSourceOf: {},
    }).samples;
    expect(sample.values).toEqual({ visitors: 7, creative_sales_revenue: 0, sell_through: 0 });
    expect(sample.totals).toEqual({
      visitors: 7,
      creative_sales_revenue: 0,
      sell_through: { numerator: 0, denominator: 0 },
    });
    expect(sample.trace.visitors).toEqual({
      source: OFFICIAL_STATISTIC_SOURCE,
      recordCount: 1,
      importId: 'import-1',
    });
    expect(sample.trace.creative_sales_revenue).toMatchObject({
      source: null,
      recordCount: 0,
      contributorCount: 0,
    });
    expect(sample.trace.creative_sales_revenue.note).toMatch(
      /no platform source computes this indicator yet/,
    );
    expect(sample.contributors).toEqual([]);
  });

  it('takes totals, counts and per-project parts from platform sources', () => {
    const [sample] = buildPanel({
      indicators: INDICATORS,
      statistics: [stat('a', '2026-Q1', 7)],
      platformValues: [
        {
          cityId: 'a',
          period: '2026-Q1',
          indicator: 'creative_sales_revenue',
          total: 900,
          recordCount: 12,
          parts: [
            { projectId: 'p2', amount: 600 },
            { projectId: 'p1', amount: 250 },
          ],
        },
        {
          cityId: 'a',
          period: '2026-Q1',
          indicator: 'sell_through',
          total: { numerator: 30, denominator: 40 },
          recordCount: 5,
          parts: [{ projectId: 'p1', amount: { numerator: 30, denominator: 40 } }],
        },
        // An indicator this system does not use is ignored.
        {
          cityId: 'a',
          period: '2026-Q1',
          indicator: 'brand_reach',
          total: 3,
          recordCount: 3,
          parts: [],
        },
      ],
      platformSourceOf: { creative_sales_revenue: 'retail.sales', sell_through: 'retail.sales' },
    }).samples;
    expect(sample.values).toEqual({ visitors: 7, creative_sales_revenue: 900, sell_through: 0.75 });
    expect(sample.totals.sell_through).toEqual({ numerator: 30, denominator: 40 });
    expect(sample.trace.creative_sales_revenue).toEqual({
      source: 'retail.sales',
      recordCount: 12,
      contributorCount: 2,
    });
    expect(sample.trace.sell_through).toEqual({
      source: 'retail.sales',
      recordCount: 5,
      numerator: 30,
      denominator: 40,
      contributorCount: 1,
    });
    // 50 of the revenue belongs to no project: it stays in the total, not in the parts.
    expect(sample.contributors).toEqual([
      {
        id: 'p1',
        parts: { creative_sales_revenue: 250, sell_through: { numerator: 30, denominator: 40 } },
      },
      { id: 'p2', parts: { creative_sales_revenue: 600 } },
    ]);
  });

  it('leaves out a sample missing an official statistic instead of inventing a 0', () => {
    const indicators = [
      ...INDICATORS,
      indicator('patents', 'u2', IndicatorSource.OFFICIAL_STATISTIC),
    ];
    const panel = buildPanel({
      indicators,
      statistics: [
        stat('a', '2026-Q1', 7),
        stat('a', '2026-Q1', 3, 'patents'),
        stat('b', '2026-Q1', 9),
      ],
      platformValues: [
        {
          cityId: 'c',
          period: '2026-Q1',
          indicator: 'creative_sales_revenue',
          total: 5,
          recordCount: 1,
          parts: [],
        },
      ],
      platformSourceOf: { creative_sales_revenue: 'retail.sales' },
    });
    expect(panel.samples.map((s) => s.cityId)).toEqual(['a']);
    expect(panel.excluded).toEqual([
      'b/2026-Q1: missing patents',
      'c/2026-Q1: missing visitors, patents',
    ]);
  });

  it('a ratio with denominator 0 is 0', () => {
    const [sample] = buildPanel({
      indicators: INDICATORS,
      statistics: [stat('a', '2026-Q1', 1)],
      platformValues: [
        {
          cityId: 'a',
          period: '2026-Q1',
          indicator: 'sell_through',
          total: { numerator: 0, denominator: 0 },
          recordCount: 0,
          parts: [],
        },
      ],
      platformSourceOf: { sell_through: 'retail.sales' },
    }).samples;
    expect(sample.values.sell_through).toBe(0);
  });
});
