import type { Granularity } from './api/queries';

/** The widest span the api accepts, in the indicator system's granularity: every stored period. */
export function fullPeriodRange(granularity: Granularity): { from: string; to: string } {
  switch (granularity) {
    case 'MONTH':
      return { from: '1900-01', to: '2999-12' };
    case 'QUARTER':
      return { from: '1900-Q1', to: '2999-Q4' };
    case 'YEAR':
      return { from: '1900', to: '2999' };
  }
}
