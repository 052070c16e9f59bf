import { DataSource } from 'typeorm';

/**
 * Counts the SQL statements the app sends while `work` runs, by wrapping TypeORM's query logger
 * (every statement passes through it, whatever the logging level).
 */
export async function countQueries(
  db: DataSource,
  work: () => Promise<unknown>,
): Promise<string[]> {
  const logger = db.logger;
  const statements: string[] = [];
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, runner) => {
    statements.push(query);
    return original(query, parameters, runner);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return statements;
}
