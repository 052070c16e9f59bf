import {
  comparePeriods,
  nextPeriod,
  parsePeriod,
  PeriodError,
  PeriodGranularity,
  periodContains,
  periodEnd,
  periodOf,
  periodOrdinal,
  periodsBetween,
  periodStart,
  previousPeriod,
  tryParsePeriod,
} from './period';

describe('period', () => {
  it.each([
    ['2026-Q3', PeriodGranularity.QUARTER, 2026, 3, '2026-Q3'],
    ['2026-q1', PeriodGranularity.QUARTER, 2026, 1, '2026-Q1'],
    ['2026-09', PeriodGranularity.MONTH, 2026, 9, '2026-09'],
    ['2026-9', PeriodGranularity.MONTH, 2026, 9, '2026-09'],
    ['2026-12', PeriodGranularity.MONTH, 2026, 12, '2026-12'],
    [' 2026 ', PeriodGranularity.YEAR, 2026, 1, '2026'],
  ])('parses %p', (text, granularity, year, index, key) => {
    expect(parsePeriod(text)).toEqual({ granularity, year, index, key });
  });

  it.each([
    '',
    '2026-Q5',
    '2026-Q0',
    '2026-13',
    '2026-00',
    '26-Q1',
    '2026Q1',
    '2026-09-01',
    '1800',
    'Q3',
  ])('rejects %p', (text) => {
    expect(tryParsePeriod(text)).toBeNull();
    expect(() => parsePeriod(text)).toThrow(PeriodError);
  });

  it('starts and ends in China Standard Time by default', () => {
    const q3 = parsePeriod('2026-Q3');
    expect(periodStart(q3).toISOString()).toBe('2026-06-30T16:00:00.000Z');
    expect(periodEnd(q3).toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(periodStart(q3, 0).toISOString()).toBe('2026-07-01T00:00:00.000Z');
    expect(periodEnd(parsePeriod('2026-12')).toISOString()).toBe('2026-12-31T16:00:00.000Z');
    expect(periodEnd(parsePeriod('2026'), 0).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('finds the period of an instant, on the local side of a boundary', () => {
    // 2026-09-30 23:30 in Shenyang is still Q3; 2026-10-01 00:30 local is Q4.
    expect(periodOf(new Date('2026-09-30T15:30:00Z')).key).toBe('2026-Q3');
    expect(periodOf(new Date('2026-09-30T16:30:00Z')).key).toBe('2026-Q4');
    expect(periodOf(new Date('2026-09-30T16:30:00Z'), PeriodGranularity.QUARTER, 0).key).toBe(
      '2026-Q3',
    );
    expect(periodOf(new Date('2026-02-10T00:00:00Z'), PeriodGranularity.MONTH).key).toBe('2026-02');
    expect(periodOf(new Date('2026-12-31T17:00:00Z'), PeriodGranularity.YEAR).key).toBe('2027');
    expect(() => periodOf(new Date('nope'))).toThrow(PeriodError);
  });

  it('every instant of a period maps back to it (default granularity is the quarter)', () => {
    for (const key of ['2025-Q4', '2026-Q1', '2026-Q2']) {
      const period = parsePeriod(key);
      expect(periodOf(periodStart(period)).key).toBe(key);
      expect(periodOf(new Date(periodEnd(period).getTime() - 1)).key).toBe(key);
    }
  });

  it('steps across year boundaries', () => {
    expect(nextPeriod(parsePeriod('2026-Q4')).key).toBe('2027-Q1');
    expect(previousPeriod(parsePeriod('2026-01')).key).toBe('2025-12');
    expect(nextPeriod(parsePeriod('2026')).key).toBe('2027');
    expect(periodOrdinal(parsePeriod('2027-Q1')) - periodOrdinal(parsePeriod('2026-Q4'))).toBe(1);
  });

  it('lists and compares periods of one granularity only', () => {
    expect(
      periodsBetween(parsePeriod('2025-Q3'), parsePeriod('2026-Q2')).map((p) => p.key),
    ).toEqual(['2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(periodsBetween(parsePeriod('2026-Q2'), parsePeriod('2026-Q1'))).toEqual([]);
    expect(comparePeriods(parsePeriod('2026-03'), parsePeriod('2026-11'))).toBeLessThan(0);
    expect(() => comparePeriods(parsePeriod('2026-03'), parsePeriod('2026-Q1'))).toThrow(
      PeriodError,
    );
    expect(() => periodsBetween(parsePeriod('1900'), parsePeriod('2999'), 100)).toThrow(
      PeriodError,
    );
  });

  it('knows which periods contain others', () => {
    expect(periodContains(parsePeriod('2026-Q3'), parsePeriod('2026-09'))).toBe(true);
    expect(periodContains(parsePeriod('2026'), parsePeriod('2026-Q3'))).toBe(true);
    expect(periodContains(parsePeriod('2026-Q3'), parsePeriod('2026-10'))).toBe(false);
    expect(periodContains(parsePeriod('2026-Q1'), parsePeriod('2026'))).toBe(false);
  });
});
