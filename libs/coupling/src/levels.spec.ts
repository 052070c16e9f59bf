import { COUPLING_LEVELS, levelOf } from './levels';

describe('levels of D', () => {
  it('has ten bands of 0.1 with the documented codes', () => {
    expect(COUPLING_LEVELS.map((l) => l.code)).toEqual([
      'EXTREME_DISORDER',
      'SEVERE_DISORDER',
      'MODERATE_DISORDER',
      'MILD_DISORDER',
      'BORDERLINE_DISORDER',
      'BARELY_COORDINATED',
      'PRIMARY_COORDINATION',
      'INTERMEDIATE_COORDINATION',
      'GOOD_COORDINATION',
      'HIGH_QUALITY_COORDINATION',
    ]);
  });

  it('closes each band on the left: [k/10, (k+1)/10)', () => {
    for (let k = 0; k < 10; k++) {
      expect(levelOf(k / 10)).toBe(COUPLING_LEVELS[k].code);
      if (k > 0) {
        const below = k / 10 - Number.EPSILON;
        expect(levelOf(below)).toBe(COUPLING_LEVELS[k - 1].code);
      }
      expect(levelOf(k / 10 + 0.05)).toBe(COUPLING_LEVELS[k].code);
    }
  });

  it('puts 1.0 in the top band', () => {
    expect(levelOf(1)).toBe('HIGH_QUALITY_COORDINATION');
    expect(levelOf(0.9999999)).toBe('HIGH_QUALITY_COORDINATION');
    expect(levelOf(0)).toBe('EXTREME_DISORDER');
  });

  it('handles the edges whose decimal is not exact in binary (0.3, 0.7)', () => {
    expect(levelOf(0.3)).toBe('MILD_DISORDER');
    expect(levelOf(0.7)).toBe('INTERMEDIATE_COORDINATION');
    expect(levelOf(0.6)).toBe('PRIMARY_COORDINATION');
  });
});
