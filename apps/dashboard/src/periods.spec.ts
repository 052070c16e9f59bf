import { fullPeriodRange } from './periods';

describe('fullPeriodRange', () => {
  it('spans every period the api accepts, in the system granularity', () => {
    expect(fullPeriodRange('QUARTER')).toEqual({ from: '1900-Q1', to: '2999-Q4' });
    expect(fullPeriodRange('MONTH')).toEqual({ from: '1900-01', to: '2999-12' });
    expect(fullPeriodRange('YEAR')).toEqual({ from: '1900', to: '2999' });
  });
});
