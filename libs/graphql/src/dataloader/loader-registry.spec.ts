import { byKeys, groupByKeys, LoaderRegistry } from './loader-registry';

describe('LoaderRegistry', () => {
  it('batches loads of one name into one call', async () => {
    const calls: (readonly number[])[] = [];
    const registry = new LoaderRegistry();
    const load = (keys: readonly number[]) => {
      calls.push(keys);
      return Promise.resolve(keys.map((key) => key * 2));
    };
    const results = await Promise.all(
      [1, 2, 3].map((key) => registry.get('double', load).load(key)),
    );
    expect(results).toEqual([2, 4, 6]);
    expect(calls).toEqual([[1, 2, 3]]);
  });

  it('keeps registries apart', () => {
    const load = (keys: readonly number[]) => Promise.resolve(keys);
    expect(new LoaderRegistry().get('x', load)).not.toBe(new LoaderRegistry().get('x', load));
  });
});

describe('byKeys / groupByKeys', () => {
  it('aligns rows to keys', () => {
    expect(byKeys(['a', 'b', 'c'], [{ id: 'c' }, { id: 'a' }], (row) => row.id)).toEqual([
      { id: 'a' },
      null,
      { id: 'c' },
    ]);
    expect(
      groupByKeys(
        ['a', 'b'],
        [
          { k: 'a', v: 1 },
          { k: 'a', v: 2 },
        ],
        (row) => row.k,
      ),
    ).toEqual([
      [
        { k: 'a', v: 1 },
        { k: 'a', v: 2 },
      ],
      [],
    ]);
  });
});
