import { Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { PeriodGranularity } from '../period';
import { PLATFORM_INDICATOR_KEYS } from './platform-indicator.catalog';
import { PlatformIndicatorSource, PlatformIndicatorValue } from './platform-indicator-source';
import { PlatformIndicatorRegistry } from './platform-indicator.registry';

const QUERY = { granularity: PeriodGranularity.QUARTER, cityIds: null, utcOffsetMinutes: 480 };

function registry(): PlatformIndicatorRegistry {
  const discovery = { getProviders: () => [] } as unknown as DiscoveryService;
  const r = new PlatformIndicatorRegistry(discovery);
  r.onModuleInit();
  return r;
}

function source(
  name: string,
  indicators: string[],
  rows: PlatformIndicatorValue[] = [],
): PlatformIndicatorSource {
  return { name, indicators, collect: jest.fn(async () => rows) };
}

describe('PlatformIndicatorRegistry', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('starts empty: every platform indicator is unavailable (no domain registers a source yet)', async () => {
    const r = registry();
    const collected = await r.collect(QUERY, PLATFORM_INDICATOR_KEYS);
    expect(collected).toEqual({
      values: [],
      sourceOf: {},
      unavailable: [...PLATFORM_INDICATOR_KEYS],
    });
  });

  it('asks each source only for the keys it computes and keeps only those rows', async () => {
    const r = registry();
    const rows: PlatformIndicatorValue[] = [
      {
        cityId: 'a',
        period: '2026-Q1',
        indicator: 'brand_reach',
        total: 4,
        recordCount: 4,
        parts: [],
      },
      {
        cityId: 'a',
        period: '2026-Q1',
        indicator: 'scene_coverage',
        total: 2,
        recordCount: 2,
        parts: [],
      },
    ];
    const retail = source('retail', ['brand_reach', 'scene_coverage'], rows);
    r.register(retail);
    const collected = await r.collect(QUERY, ['brand_reach', 'bids_awarded']);
    expect(retail.collect).toHaveBeenCalledWith({ ...QUERY, indicators: ['brand_reach'] });
    expect(collected).toEqual({
      values: [rows[0]],
      sourceOf: { brand_reach: 'retail' },
      unavailable: ['bids_awarded'],
    });
  });

  it('refuses unknown keys and two sources for one key', () => {
    const r = registry();
    expect(() => r.register(source('x', ['made_up']))).toThrow(/not in the catalogue/);
    r.register(source('retail', ['brand_reach']));
    expect(() => r.register(source('other', ['brand_reach']))).toThrow(/both retail and other/);
  });

  it('rejects rows that break the contract (a ratio given as a number, a non-finite part)', async () => {
    const r = registry();
    r.register(
      source(
        'retail',
        ['sell_through'],
        [
          {
            cityId: 'a',
            period: '2026-Q1',
            indicator: 'sell_through',
            total: 0.5,
            recordCount: 1,
            parts: [],
          },
        ],
      ),
    );
    await expect(r.collect(QUERY, ['sell_through'])).rejects.toThrow(
      /total must be \{ numerator, denominator \}/,
    );

    const s = registry();
    s.register(
      source(
        'retail',
        ['creative_sales_revenue'],
        [
          {
            cityId: 'a',
            period: '2026-Q1',
            indicator: 'creative_sales_revenue',
            total: 5,
            recordCount: 1,
            parts: [{ projectId: 'p', amount: Number.NaN }],
          },
        ],
      ),
    );
    await expect(s.collect(QUERY, ['creative_sales_revenue'])).rejects.toThrow(/part of project p/);
  });
});
