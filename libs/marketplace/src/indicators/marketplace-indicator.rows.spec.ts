import { PeriodGranularity, PLATFORM_INDICATORS } from '@cc/impact';
import {
  crossDisciplinary,
  MARKETPLACE_INDICATORS,
  marketplaceIndicatorValues,
  PERIOD_KEY_FORMAT,
} from './marketplace-indicator.rows';

const P1 = '00000000-0000-4000-8000-000000000001';
const P2 = '00000000-0000-4000-8000-000000000002';
const P3 = '00000000-0000-4000-8000-000000000003';

describe('marketplace indicator rows', () => {
  it('computes only catalogue keys the catalogue says the marketplace provides', () => {
    const provided = PLATFORM_INDICATORS.filter((s) => s.providedBy === 'marketplace');
    expect([...MARKETPLACE_INDICATORS].sort()).toEqual(provided.map((s) => s.key).sort());
  });

  it('has a to_char pattern per granularity', () => {
    expect(Object.keys(PERIOD_KEY_FORMAT).sort()).toEqual(Object.values(PeriodGranularity).sort());
  });

  it('gives every project an additive part: 1 of a count, {0|1, 1} of a share', () => {
    const rows = marketplaceIndicatorValues({
      granularity: PeriodGranularity.QUARTER,
      indicators: MARKETPLACE_INDICATORS,
      published: [
        {
          city_id: 'b',
          period: '2026-Q3',
          projects: [
            { projectId: P2, local: true, cross: false },
            { projectId: P1, local: true, cross: true },
            { projectId: P3, local: false, cross: false },
          ],
        },
      ],
      awarded: [{ city_id: 'a', period: '2026-q4', project_ids: [P3, P1] }],
    });
    expect(rows.map((r) => [r.cityId, r.period, r.indicator])).toEqual([
      ['a', '2026-Q4', 'bids_awarded'],
      ['b', '2026-Q3', 'cross_disciplinary_share'],
      ['b', '2026-Q3', 'local_culture_share'],
      ['b', '2026-Q3', 'projects_published'],
    ]);
    const [awarded, cross, local, published] = rows;
    expect(awarded).toMatchObject({
      total: 2,
      recordCount: 2,
      parts: [
        { projectId: P1, amount: 1 },
        { projectId: P3, amount: 1 },
      ],
    });
    expect(published).toMatchObject({ total: 3, recordCount: 3 });
    expect(published.parts.map((p) => p.projectId)).toEqual([P1, P2, P3]);
    expect(local).toMatchObject({
      total: { numerator: 2, denominator: 3 },
      recordCount: 3,
      parts: [
        { projectId: P1, amount: { numerator: 1, denominator: 1 } },
        { projectId: P2, amount: { numerator: 1, denominator: 1 } },
        { projectId: P3, amount: { numerator: 0, denominator: 1 } },
      ],
    });
    expect(cross.total).toEqual({ numerator: 1, denominator: 3 });
  });

  it('returns only the indicators asked for, and nothing for an empty period', () => {
    const rows = marketplaceIndicatorValues({
      granularity: PeriodGranularity.MONTH,
      indicators: ['local_culture_share'],
      published: [
        {
          city_id: 'a',
          period: '2026-09',
          projects: [{ projectId: P1, local: false, cross: true }],
        },
        { city_id: 'a', period: '2026-10', projects: [] },
      ],
      awarded: [{ city_id: 'a', period: '2026-09', project_ids: [P1] }],
    });
    expect(rows).toEqual([
      {
        cityId: 'a',
        period: '2026-09',
        indicator: 'local_culture_share',
        total: { numerator: 0, denominator: 1 },
        recordCount: 1,
        parts: [{ projectId: P1, amount: { numerator: 0, denominator: 1 } }],
      },
    ]);
  });

  it('refuses a period key of the wrong granularity', () => {
    expect(() =>
      marketplaceIndicatorValues({
        granularity: PeriodGranularity.YEAR,
        indicators: ['bids_awarded'],
        published: [],
        awarded: [{ city_id: 'a', period: '2026-Q1', project_ids: [P1] }],
      }),
    ).toThrow(/not a YEAR/);
  });

  it('counts as cross-disciplinary: a digital experience, two disciplines, or digital technology', () => {
    expect(crossDisciplinary(true, [])).toBe(true);
    expect(crossDisciplinary(false, [])).toBe(false);
    // The creator and a teammate in the same field: one discipline.
    expect(crossDisciplinary(false, ['FINE_ARTS', 'FINE_ARTS'])).toBe(false);
    expect(crossDisciplinary(false, ['FINE_ARTS', 'TRADITIONAL_CRAFTS'])).toBe(true);
    expect(crossDisciplinary(false, ['DIGITAL_TECHNOLOGY'])).toBe(true);
  });
});
