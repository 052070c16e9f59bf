/**
 * Runs one statement on the caller's connection and returns its rows. A service of another
 * library takes one so that a caller inside a transaction that holds row locks never waits for a
 * second pooled connection: under concurrency every pooled connection could be waiting on those
 * locks, and the pool would deadlock.
 */
export type RunQuery = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

/** Anything that runs SQL: a TypeORM EntityManager (answers rows) or a pg client (`.rows`). */
export interface QueryExecutor {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

export function runOn(executor: QueryExecutor): RunQuery {
  return async (sql, params) => {
    const result = await executor.query(sql, params);
    return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<
      string,
      unknown
    >[];
  };
}
