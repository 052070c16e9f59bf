import { DataSource } from 'typeorm';
import { countQueries } from './sql-counter';

export interface PageStatements {
  /** Rows the small and the large page returned (the test asserts them: an empty page proves nothing). */
  rows: { small: number; large: number };
  statements: { small: string[]; large: string[] };
}

/**
 * Runs the same read with a small and a large page size and returns the statements each sent.
 * `read(first)` returns how many rows the page held. A read without per-row queries sends the
 * same statements for both.
 */
export async function pageStatements(
  db: DataSource,
  read: (first: number) => Promise<number>,
  sizes: { small: number; large: number } = { small: 2, large: 50 },
): Promise<PageStatements> {
  let small = 0;
  let large = 0;
  const smallStatements = await countQueries(db, async () => {
    small = await read(sizes.small);
  });
  const largeStatements = await countQueries(db, async () => {
    large = await read(sizes.large);
  });
  return {
    rows: { small, large },
    statements: { small: smallStatements, large: largeStatements },
  };
}
