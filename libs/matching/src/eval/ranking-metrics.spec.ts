import { loadPlantedFits, PlantedFitsMissing, Query } from './planted-fits';
import {
  badAboveGoodInTopK,
  badInTopK,
  evaluate,
  gainsOf,
  ndcgAtK,
  precisionAtK,
  restrictCase,
} from './ranking-metrics';

const binary = (...good: string[]) => gainsOf({ subjectId: 's', good, bad: [] });

describe('ranking metrics', () => {
  it('precision@k counts good fits in the top k, capped by how many there are', () => {
    expect(precisionAtK(['a', 'x', 'b', 'y', 'c'], ['a', 'b', 'c', 'd', 'e'], 5)).toBe(0.6);
    expect(precisionAtK(['a', 'x', 'y'], ['a', 'b'], 5)).toBe(0.5);
    expect(precisionAtK(['a', 'b'], ['a', 'b'], 5)).toBe(1);
    expect(precisionAtK(['x'], [], 5)).toBe(1);
  });

  it('NDCG@k is 1 for the ideal order and discounts late hits', () => {
    expect(ndcgAtK(['a', 'b', 'x'], binary('a', 'b'), 10)).toBe(1);
    const late = ndcgAtK(['x', 'a'], binary('a'), 10);
    expect(late).toBeCloseTo(1 / Math.log2(3), 10);
    expect(ndcgAtK(['x', 'y'], binary('a'), 10)).toBe(0);
    // Beyond k counts nothing.
    expect(ndcgAtK(['x', 'y', 'a'], binary('a'), 2)).toBe(0);
  });

  it('graded NDCG@k rewards the higher grades first', () => {
    const gains = gainsOf({ subjectId: 's', good: ['a'], bad: [], relevance: { a: 1, b: 0.5 } });
    expect(ndcgAtK(['a', 'b'], gains, 10)).toBe(1);
    const swapped = (0.5 + 1 / Math.log2(3)) / (1 + 0.5 / Math.log2(3));
    expect(ndcgAtK(['b', 'a'], gains, 10)).toBeCloseTo(swapped, 10);
    // A grade in the top 10 counts even when the candidate is not a good fit.
    expect(ndcgAtK(['x', 'b'], gains, 10)).toBeGreaterThan(0);
  });

  it('counts bad fits in the top k', () => {
    expect(badInTopK(['a', 'bad1', 'b', 'bad2'], ['bad1', 'bad2', 'bad3'], 3)).toBe(1);
  });

  it('counts only the bad fits ranked above a good one', () => {
    // Every good fit first: the bad ones after them are no ranking error.
    expect(badAboveGoodInTopK(['a', 'b', 'bad1', 'bad2'], ['a', 'b'], ['bad1', 'bad2'], 10)).toBe(
      0,
    );
    expect(badAboveGoodInTopK(['a', 'bad1', 'b', 'bad2'], ['a', 'b'], ['bad1', 'bad2'], 10)).toBe(
      1,
    );
    // A good fit missing from the top k lies below every bad fit in it.
    expect(badAboveGoodInTopK(['a', 'bad1', 'bad2'], ['a', 'c'], ['bad1', 'bad2'], 10)).toBe(2);
  });

  it('averages over cases', () => {
    const row = evaluate(
      [
        { subjectId: 'p1', good: ['a'], bad: ['z'] },
        { subjectId: 'p2', good: ['b'], bad: ['z'] },
      ],
      (subject) => (subject === 'p1' ? ['a'] : ['z', 'b']),
    );
    expect(row.cases).toBe(2);
    expect(row.precisionAt5).toBe(1);
    expect(row.ndcgAt10).toBeCloseTo((1 + 1 / Math.log2(3)) / 2, 10);
    expect(row.badInTop10).toBe(1);
    expect(row.badAboveGoodInTop10).toBe(1);
    expect(evaluate([], () => [])).toEqual({
      cases: 0,
      precisionAt5: 0,
      ndcgAt10: 0,
      badInTop10: 0,
      badAboveGoodInTop10: 0,
    });
  });
});

describe('loadPlantedFits', () => {
  const fake =
    (present: boolean, rows: { key: string; value: unknown }[]): Query =>
    async (sql) =>
      sql.includes('to_regclass') ? [{ present }] : rows;

  it('says to run the seed when the table is absent', async () => {
    await expect(loadPlantedFits(fake(false, []))).rejects.toThrow(PlantedFitsMissing);
    await expect(loadPlantedFits(fake(false, []))).rejects.toThrow('Run `npm run seed` first');
  });

  it('says which key is missing', async () => {
    await expect(
      loadPlantedFits(fake(true, [{ key: 'manufacturer_fits', value: [] }])),
    ).rejects.toThrow('"outlet_fits"');
  });

  it('reads both lists', async () => {
    const fits = await loadPlantedFits(
      fake(true, [
        { key: 'manufacturer_fits', value: [{ projectId: 'p', good: ['m1'], bad: ['m2', 7] }] },
        {
          key: 'outlet_fits',
          value: [
            { productId: 'q', good: ['o1'], bad: [], relevance: { o1: 1, o2: 0.4, o3: 'x' } },
          ],
        },
      ]),
    );
    expect(fits).toEqual({
      manufacturers: [{ subjectId: 'p', good: ['m1'], bad: ['m2'] }],
      outlets: [{ subjectId: 'q', good: ['o1'], bad: [], relevance: { o1: 1, o2: 0.4 } }],
    });
  });
});

describe('restrictCase', () => {
  it('keeps only eligible ids in the good, bad and graded lists', () => {
    const planted = {
      subjectId: 'p',
      good: ['a', 'x'],
      bad: ['b', 'y'],
      relevance: { a: 1, x: 0.9, b: 0.05 },
    };
    const here = (id: string) => !['x', 'y'].includes(id);
    expect(restrictCase(planted, here)).toEqual({
      subjectId: 'p',
      good: ['a'],
      bad: ['b'],
      relevance: { a: 1, b: 0.05 },
    });
    expect(restrictCase({ subjectId: 'q', good: ['x'], bad: [] }, here)).toEqual({
      subjectId: 'q',
      good: [],
      bad: [],
    });
  });
});
