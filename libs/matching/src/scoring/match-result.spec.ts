import { combine, compareRanked, coverage, reason } from './match-result';
import { DEFAULT_MATCH_WEIGHTS, parseMatchWeights } from './match-weights';

describe('combine', () => {
  it('normalises weights, clamps values and lists exclusions first', () => {
    const result = combine(
      {
        a: { value: 1.5, reasons: [reason('A', 'a', '甲')] },
        b: { value: 0, reasons: [], exclusion: reason('B_OUT', 'b out', '乙') },
      },
      { a: 3, b: 1 },
    );
    expect(result).toEqual({
      score: 0.75,
      excluded: true,
      components: [
        { name: 'a', weight: 0.75, value: 1 },
        { name: 'b', weight: 0.25, value: 0 },
      ],
      reasons: [reason('B_OUT', 'b out', '乙'), reason('A', 'a', '甲')],
    });
  });

  it('all-zero weights give 0 rather than NaN', () => {
    expect(combine({ a: { value: 1, reasons: [] } }, { a: 0 }).score).toBe(0);
  });
});

describe('coverage', () => {
  it('ignores case, spaces and duplicates; nothing needed is full coverage', () => {
    expect(coverage([' Brass', 'brass', 'silk'], ['BRASS'])).toEqual({
      share: 0.5,
      missing: ['silk'],
    });
    expect(coverage([], [])).toEqual({ share: 1, missing: [] });
  });
});

describe('compareRanked', () => {
  it('breaks ties by candidate id whatever the input order', () => {
    const rows = [
      { score: 0.5, candidateId: 'c' },
      { score: 0.9, candidateId: 'z' },
      { score: 0.5, candidateId: 'a' },
    ];
    const ids = (xs: typeof rows) => [...xs].sort(compareRanked).map((r) => r.candidateId);
    expect(ids(rows)).toEqual(['z', 'a', 'c']);
    expect(ids([...rows].reverse())).toEqual(['z', 'a', 'c']);
  });
});

describe('parseMatchWeights', () => {
  it('defaults when unset, overrides per key', () => {
    expect(parseMatchWeights(undefined).manufacturer).toEqual(DEFAULT_MATCH_WEIGHTS.manufacturer);
    const weights = parseMatchWeights('{"manufacturer":{"proximity":0.3}}');
    expect(weights.manufacturer.proximity).toBe(0.3);
    expect(weights.manufacturer.process_coverage).toBe(0.25);
  });

  it('rejects malformed JSON, unknown components and negative weights', () => {
    expect(() => parseMatchWeights('{oops')).toThrow('MATCHING_WEIGHTS must be JSON');
    expect(() => parseMatchWeights('{"manufacturer":{"vibes":1}}')).toThrow(
      /MATCHING_WEIGHTS is invalid/,
    );
    expect(() => parseMatchWeights('{"outlet":{"footfall":-1}}')).toThrow(/outlet\.footfall/);
  });
});
