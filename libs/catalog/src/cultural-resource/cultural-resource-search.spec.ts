import {
  buildTextSearch,
  MAX_SEARCH_TERMS,
  normalizeSearchText,
  parseSearchTerms,
} from './cultural-resource-search';

describe('normalizeSearchText', () => {
  it.each([
    [undefined, undefined],
    [null, undefined],
    ['', undefined],
    ['   \t\n ', undefined],
    ['  Imperial   Palace ', 'Imperial Palace'],
    ['剪纸', '剪纸'],
  ])('%p -> %p', (input, expected) => {
    expect(normalizeSearchText(input)).toBe(expected);
  });
});

describe('parseSearchTerms', () => {
  it('splits words and lower-cases them', () => {
    expect(parseSearchTerms('Imperial Palace')).toEqual({
      include: ['imperial', 'palace'],
      exclude: [],
    });
  });

  it('keeps a quoted phrase as one term, also negated', () => {
    expect(parseSearchTerms('"imperial palace" -"paper cutting"')).toEqual({
      include: ['imperial palace'],
      exclude: ['paper cutting'],
    });
  });

  it('excludes -terms and drops a bare OR (the full-text branch handles it)', () => {
    expect(parseSearchTerms('palace or tomb -museum OR')).toEqual({
      include: ['palace', 'tomb'],
      exclude: ['museum'],
    });
  });

  it('keeps Chinese terms and hyphenated words whole', () => {
    expect(parseSearchTerms('沈阳 故宫 paper-cutting')).toEqual({
      include: ['沈阳', '故宫', 'paper-cutting'],
      exclude: [],
    });
  });

  it('ignores tokens without a letter or digit, and duplicates', () => {
    expect(parseSearchTerms('- "" !! tiexi TIEXI')).toEqual({ include: ['tiexi'], exclude: [] });
  });

  it('falls back to the whole text when no term is left', () => {
    expect(parseSearchTerms('!!!')).toEqual({ include: ['!!!'], exclude: [] });
  });

  it(`keeps at most ${MAX_SEARCH_TERMS} terms of each kind`, () => {
    const words = Array.from({ length: 12 }, (_, i) => `w${i}`);
    const terms = parseSearchTerms([...words, ...words.map((w) => `-x${w}`)].join(' '));
    expect(terms.include).toHaveLength(MAX_SEARCH_TERMS);
    expect(terms.exclude).toHaveLength(MAX_SEARCH_TERMS);
  });
});

describe('buildTextSearch', () => {
  it('matches full text OR every term as a substring, minus the exclusions', () => {
    const search = buildTextSearch('r', 'Imper 10% -museum');
    expect(search.where).toBe(
      "((r.search_vector @@ websearch_to_tsquery('simple', :searchQuery) OR " +
        '(r.search_text ILIKE :searchInclude0 AND r.search_text ILIKE :searchInclude1))' +
        ' AND r.search_text NOT ILIKE :searchExclude0)',
    );
    expect(search.parameters).toEqual({
      searchQuery: 'Imper 10% -museum',
      searchPattern: '%Imper 10\\% -museum%',
      searchInclude0: '%imper%',
      searchInclude1: '%10\\%%',
      searchExclude0: '%museum%',
    });
  });

  it('with only exclusions, the substring branch keeps everything not excluded', () => {
    expect(buildTextSearch('r', '-museum').where).toContain('OR (TRUE))');
  });

  it('binds every parameter the SQL names, and names every parameter it binds', () => {
    const search = buildTextSearch('resource', '"a b" c -d');
    const sql = `${search.where} ${search.relevance}`;
    const named = new Set([...sql.matchAll(/(?<!:):([A-Za-z]\w*)/g)].map((m) => m[1]));
    expect([...named].sort()).toEqual(Object.keys(search.parameters).sort());
  });

  it('scores with ts_rank + name similarity + a name-contains bonus, as double precision', () => {
    const { relevance } = buildTextSearch('resource', 'palace');
    expect(relevance).toContain('ts_rank(resource.search_vector');
    expect(relevance).toContain(
      "word_similarity(:searchQuery, (resource.name || ' ' || resource.local_name))",
    );
    expect(relevance).toContain('ILIKE :searchPattern THEN 0.5 ELSE 0');
    expect(relevance.match(/AS double precision/g)).toHaveLength(2);
  });
});
