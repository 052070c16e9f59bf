import { loadPlantedFits, PlantedFitsMissing, Query } from './planted-fits';
import { badInTopK, evaluate, ndcgAtK, precisionAtK } from './ranking-metrics';

describe('ranking metrics', () => {
  it('precision@k counts good fits in the top k, capped by how many there are', () => {
    expect(precisionAtK(['a', 'x', 'b', 'y', 'c'], ['a', 'b', 'c', 'd', 'e'], 5)).toBe(0.6);
    expect(precisionAtK(['a', 'x', 'y'], ['a', 'b'], 5)).toBe(0.5);
    expect(precisionAtK(['a', 'b'], ['a', 'b'], 5)).toBe(1);
    expect(precisionAtK(['x'], [], 5)).toBe(1);
  });

  it('NDCG@k is 1 for the ideal order and discounts late hits', () => {
    expect(ndcgAtK(['a', 'b', 'x'], ['a', 'b'], 10)).toBe(1);
    const late = ndcgAtK(['x', 'a'], ['a'], 10);
    expect(late).toBeCloseTo(1 / Math.log2(3), 10);
    expect(ndcgAtK(['x', 'y'], ['a'], 10)).toBe(0);
    // Beyond k counts nothing.
    expect(ndcgAtK(['x', 'y', 'a'], ['a'], 2)).toBe(0);
  });

  it('counts bad fits in the top k', () => {
    expect(badInTopK(['a', 'bad1', 'b', 'bad2'], ['bad1', 'bad2', 'bad3'], 3)).toBe(1);
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
    expect(evaluate([], () => [])).toEqual({
      cases: 0,
      precisionAt5: 0,
      ndcgAt10: 0,
      badInTop10: 0,
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
        { key: 'outlet_fits', value: [{ productId: 'q', good: ['o1'], bad: [] }] },
      ]),
    );
    expect(fits).toEqual({
      manufacturers: [{ subjectId: 'p', good: ['m1'], bad: ['m2'] }],
      outlets: [{ subjectId: 'q', good: ['o1'], bad: [] }],
    });
  });
});
