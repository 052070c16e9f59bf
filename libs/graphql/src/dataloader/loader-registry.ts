import DataLoader from 'dataloader';

export type BatchLoad<K, V> = (keys: readonly K[]) => Promise<readonly (V | Error)[]>;

/**
 * Created once per GraphQL request and dropped with it, so batching and caching never leak
 * data between users. Each loader is identified by a name chosen by its feature.
 */
export class LoaderRegistry {
  private readonly loaders = new Map<string, DataLoader<unknown, unknown>>();

  get<K, V>(name: string, batch: BatchLoad<K, V>): DataLoader<K, V> {
    let loader = this.loaders.get(name);
    if (!loader) {
      loader = new DataLoader<K, V>(batch, { maxBatchSize: 500 }) as DataLoader<unknown, unknown>;
      this.loaders.set(name, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Orders batch results to match the requested keys; a missing key yields `fallback`. */
export function byKeys<K, V, F = null>(
  keys: readonly K[],
  rows: V[],
  keyOf: (row: V) => K,
  fallback: F = null as F,
): (V | F)[] {
  const index = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => index.get(key) ?? fallback);
}

/** Groups batch results per requested key, for one-to-many loads. */
export function groupByKeys<K, V>(keys: readonly K[], rows: V[], keyOf: (row: V) => K): V[][] {
  const groups = new Map<K, V[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}
