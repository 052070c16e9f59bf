import { DataSource } from 'typeorm';

/**
 * Counts the SQL statements the app sends while `work` runs, by wrapping TypeORM's query logger
 * (every statement passes through it, whatever the logging level).
 */
export async function countQueries(
  db: DataSource,
  work: () => Promise<unknown>,
): Promise<string[]> {
  const statements = await recordQueries(db, work);
  return statements.map(({ query }) => query);
}

export interface RecordedQuery {
  query: string;
  parameters: unknown[];
}

/** Like `countQueries`, with each statement's parameters, so a test can EXPLAIN it. */
export async function recordQueries(
  db: DataSource,
  work: () => Promise<unknown>,
): Promise<RecordedQuery[]> {
  const logger = db.logger;
  const statements: RecordedQuery[] = [];
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, runner) => {
    statements.push({ query, parameters: Array.isArray(parameters) ? parameters : [] });
    return original(query, parameters, runner);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return statements;
}
