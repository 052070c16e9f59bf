import { quartersEndingAt, seasonalWeight } from './calendar';

describe('calendar', () => {
  it('lists the 8 quarters ending with the one containing now, in CST', () => {
    const quarters = quartersEndingAt(new Date('2026-11-30T20:00:00Z'), 8);
    expect(quarters.map((q) => q.key)).toEqual([
      '2025-Q1',
      '2025-Q2',
      '2025-Q3',
      '2025-Q4',
      '2026-Q1',
      '2026-Q2',
      '2026-Q3',
      '2026-Q4',
    ]);
    expect(quarters[7].start.toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(quarters[7].end.toISOString()).toBe('2026-12-31T16:00:00.000Z');
  });

  it('already counts 1 January 02:00 CST in the new year', () => {
    expect(quartersEndingAt(new Date('2026-12-31T18:00:00Z'), 1)[0].key).toBe('2027-Q1');
  });

  it('weights Golden Weeks, the Spring Festival and summer above an ordinary day', () => {
    const ordinary = seasonalWeight(new Date('2026-03-11T04:00:00Z'));
    expect(ordinary).toBe(1);
    expect(seasonalWeight(new Date('2026-10-03T04:00:00Z'))).toBeGreaterThan(3);
    expect(seasonalWeight(new Date('2026-02-18T04:00:00Z'))).toBeGreaterThan(2);
    expect(seasonalWeight(new Date('2026-05-02T04:00:00Z'))).toBeGreaterThan(2);
    expect(seasonalWeight(new Date('2026-07-15T04:00:00Z'))).toBeGreaterThan(1.5);
  });
});
