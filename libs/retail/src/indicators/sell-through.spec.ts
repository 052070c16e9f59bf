import { PeriodGranularity } from '@cc/impact';
import { sellThroughRows } from './sell-through';

describe('sellThroughRows', () => {
  const base = {
    granularity: PeriodGranularity.QUARTER,
    utcOffsetMinutes: 480,
    now: new Date('2026-12-01T00:00:00Z'),
  };

  it('keeps delivered, unsold units in the denominator until they sell', () => {
    const rows = sellThroughRows({
      ...base,
      delivered: [
        { city_id: 'c', project_id: 'p', delivered: 100, delivered_at: new Date('2026-02-01Z') },
        { city_id: 'c', project_id: 'idle', delivered: 50, delivered_at: new Date('2026-08-01Z') },
      ],
      sold: [
        { city_id: 'c', project_id: 'p', period: '2026-Q1', units: '30', sales: 3 },
        { city_id: 'c', project_id: 'p', period: '2026-Q3', units: 70, sales: 7 },
        { city_id: 'c', project_id: 'orphan', period: '2026-Q3', units: 5, sales: 1 },
      ],
    });
    const view = rows.map((r) => [r.project_id, r.period, Number(r.units), r.delivered]);
    expect(view).toEqual([
      ['p', '2026-Q1', 30, 100],
      ['p', '2026-Q2', 0, 70],
      ['p', '2026-Q3', 70, 70],
      // Sold out: p leaves the denominator in Q4.
      ['idle', '2026-Q3', 0, 50],
      ['idle', '2026-Q4', 0, 50],
      // No delivery on record: the sales count, nothing was in market.
      ['orphan', '2026-Q3', 5, 0],
    ]);
  });

  it('counts sales before the recorded delivery from the period of the first sale', () => {
    const rows = sellThroughRows({
      ...base,
      now: new Date('2026-05-01Z'),
      delivered: [
        { city_id: 'c', project_id: 'p', delivered: 10, delivered_at: new Date('2026-05-01Z') },
      ],
      sold: [{ city_id: 'c', project_id: 'p', period: '2026-Q1', units: 2, sales: 1 }],
    });
    expect(rows.map((r) => [r.period, Number(r.units), r.delivered])).toEqual([
      ['2026-Q1', 2, 0],
      ['2026-Q2', 0, 8],
    ]);
  });
});
