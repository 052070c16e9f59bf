import { PeriodGranularity } from '../period';
import { canonicalPeriods, periodsCovering } from './period-scope';

describe('periodsCovering', () => {
  it('maps a quarter to its months, a month to its quarter and year', () => {
    expect(periodsCovering('2026-Q3', PeriodGranularity.MONTH)).toEqual([
      '2026-07',
      '2026-08',
      '2026-09',
    ]);
    expect(periodsCovering('2026-08', PeriodGranularity.QUARTER)).toEqual(['2026-Q3']);
    expect(periodsCovering('2026-Q4', PeriodGranularity.YEAR)).toEqual(['2026']);
    expect(periodsCovering('2026-Q4', PeriodGranularity.QUARTER)).toEqual(['2026-Q4']);
  });

  it('is null for a key that is not a period', () => {
    expect(periodsCovering('someday', PeriodGranularity.MONTH)).toBeNull();
  });

  it('canonicalPeriods sorts and de-duplicates', () => {
    expect(canonicalPeriods(['2026-09', '2026-07', '2026-09'])).toEqual(['2026-07', '2026-09']);
  });
});
