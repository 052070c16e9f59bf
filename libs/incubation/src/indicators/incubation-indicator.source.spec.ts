import { parsePeriod } from '@cc/impact';
import { activeIn } from './incubation-indicator.source';

describe('active incubated ventures: active in a period', () => {
  const q2 = parsePeriod('2027-Q2'); // [2027-03-31T16:00Z, 2027-06-30T16:00Z) in UTC+8
  const at = (iso: string) => new Date(iso);
  const venture = (
    state: 'ADMITTED' | 'GRADUATED' | 'WITHDRAWN',
    admitted: string,
    ended?: string,
  ) => ({
    id: 'a',
    city_id: 'c',
    state,
    admitted_at: at(admitted),
    ended_at: ended ? at(ended) : null,
    project_ids: ['p'],
  });

  it('counts admitted teams from the period of admission on', () => {
    expect(activeIn(venture('ADMITTED', '2027-06-30T15:59:00Z'), q2, 480)).toBe(true);
    expect(activeIn(venture('ADMITTED', '2027-06-30T16:00:00Z'), q2, 480)).toBe(false);
  });

  it('drops a team withdrawn during the period, keeps one graduating in it', () => {
    expect(
      activeIn(venture('WITHDRAWN', '2027-01-10T00:00:00Z', '2027-05-01T00:00:00Z'), q2, 480),
    ).toBe(false);
    expect(
      activeIn(venture('WITHDRAWN', '2027-01-10T00:00:00Z', '2027-07-02T00:00:00Z'), q2, 480),
    ).toBe(true);
    expect(
      activeIn(venture('GRADUATED', '2027-01-10T00:00:00Z', '2027-05-01T00:00:00Z'), q2, 480),
    ).toBe(true);
    expect(
      activeIn(venture('GRADUATED', '2027-01-10T00:00:00Z', '2027-03-01T00:00:00Z'), q2, 480),
    ).toBe(false);
  });
});
