import { KpiCadence } from '../program/kpi-cadence.enum';
import { dayStart, duePeriods, parseCadencePeriod, reportablePeriods } from './report-periods';

describe('KPI report periods', () => {
  const cohort = { startsOn: '2027-02-15', endsOn: '2027-08-31' };

  it('starts a cohort day at midnight China Standard Time', () => {
    expect(dayStart('2027-02-15').toISOString()).toBe('2027-02-14T16:00:00.000Z');
  });

  it('lists the cadence periods from admission to the cohort end, up to now', () => {
    const admitted = new Date('2027-03-10T02:00:00Z');
    const keys = (cadence: KpiCadence, now: string) =>
      reportablePeriods(cadence, cohort, admitted, new Date(now)).map((p) => p.key);
    expect(keys(KpiCadence.QUARTER, '2030-01-01T00:00:00Z')).toEqual([
      '2027-Q1',
      '2027-Q2',
      '2027-Q3',
    ]);
    expect(keys(KpiCadence.MONTH, '2027-05-02T00:00:00Z')).toEqual([
      '2027-03',
      '2027-04',
      '2027-05',
    ]);
    // Admitted before the cohort starts: from the start.
    expect(
      reportablePeriods(
        KpiCadence.MONTH,
        cohort,
        new Date('2027-01-01T00:00:00Z'),
        new Date('2027-02-20T00:00:00Z'),
      ).map((p) => p.key),
    ).toEqual(['2027-02']);
  });

  it('a period is due once it has ended (in UTC+8)', () => {
    const periods = reportablePeriods(
      KpiCadence.QUARTER,
      cohort,
      new Date('2027-02-15T00:00:00Z'),
      new Date('2027-07-01T00:00:00Z'),
    );
    expect(duePeriods(periods, new Date('2027-06-30T15:59:59Z')).map((p) => p.key)).toEqual([
      '2027-Q1',
    ]);
    expect(duePeriods(periods, new Date('2027-06-30T16:00:00Z')).map((p) => p.key)).toEqual([
      '2027-Q1',
      '2027-Q2',
    ]);
  });

  it('accepts only keys of the cadence', () => {
    expect(parseCadencePeriod(KpiCadence.QUARTER, '2027-Q2')?.key).toBe('2027-Q2');
    expect(parseCadencePeriod(KpiCadence.QUARTER, '2027-05')).toBeNull();
    expect(parseCadencePeriod(KpiCadence.MONTH, '2027-05')?.key).toBe('2027-05');
  });
});
