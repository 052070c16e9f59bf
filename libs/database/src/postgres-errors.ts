import { QueryFailedError } from 'typeorm';

/** True when the error is PostgreSQL's unique_violation, optionally on one named constraint or index. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  return driverError?.code === '23505' && (!constraint || driverError.constraint === constraint);
}

/** True when the error is PostgreSQL's foreign_key_violation, optionally on one named constraint. */
export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  if (!(error instanceof QueryFailedError)) return false;
  const driverError = error.driverError as { code?: string; constraint?: string } | undefined;
  return driverError?.code === '23503' && (!constraint || driverError.constraint === constraint);
}

/**
 * The table PostgreSQL names in a constraint violation. For a foreign key refused on the
 * referenced side (a delete or key change of a row something still points to), that is the
 * referencing table, not the one changed.
 */
export function violationTable(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  return (error.driverError as { table?: string } | undefined)?.table;
}
