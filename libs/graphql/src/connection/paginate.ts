import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import { CommonException } from '../errors/domain.exception';
import { ConnectionArgs, DEFAULT_PAGE_SIZE } from './connection.args';
import { Connection, lazyCount } from './connection.type';
import { CursorKey, decodeCursor, encodeCursor } from './cursor';

export interface SortKey<T> {
  /** SQL expression of the sort column, e.g. `project.created_at`. */
  column: string;
  direction: 'ASC' | 'DESC';
  /** Reads the sort value back from a loaded row, for its cursor. */
  valueOf(row: T): string | number | null;
}

function toCursorValue(value: string | number | Date | null): string | number | null {
  return value instanceof Date ? value.toISOString() : value;
}

/**
 * Keyset pagination over a query builder, stable under concurrent inserts: the key is the
 * sort column plus the row id as a tie-breaker.
 */
export async function paginate<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  args: ConnectionArgs,
  sort: SortKey<T>,
): Promise<Connection<T>> {
  if (args.first !== undefined && args.last !== undefined) {
    throw CommonException.validation([
      { field: 'last', message: 'use either first or last, not both' },
    ]);
  }
  const alias = query.alias;
  const sortColumnMetadata = columnOf(query, sort.column);
  const sortColumnType = sortColumnMetadata?.type;
  const sortColumn = comparableSortExpression(sortColumnMetadata, sort.column);
  const countQuery = query.clone();
  const totalCount = lazyCount(() => countQuery.getCount());

  const backwards =
    args.last !== undefined || (args.before !== undefined && args.first === undefined);
  const limit = (backwards ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const cursor = backwards ? args.before : args.after;
  const scanDirection = backwards ? flip(sort.direction) : sort.direction;

  const page = query.clone();
  if (cursor) {
    const field = backwards ? 'before' : 'after';
    const [value, id] = decodeCursor(cursor, field);
    if (!fitsColumn(value, sortColumnType)) throw CommonException.invalidCursor(field);
    const op = scanDirection === 'ASC' ? '>' : '<';
    page.andWhere(`(${sortColumn}, ${alias}.id) ${op} (:cursorValue, :cursorId)`, {
      cursorValue: value,
      cursorId: id,
    });
  }
  page
    .orderBy(sortColumn, scanDirection)
    .addOrderBy(`${alias}.id`, scanDirection)
    .take(limit + 1);

  const rows = await page.getMany();
  const hasMore = rows.length > limit;
  const nodes = rows.slice(0, limit);
  if (backwards) nodes.reverse();

  const edges = nodes.map((node) => ({
    node,
    cursor: encodeCursor([toCursorValue(sort.valueOf(node)), node.id] as CursorKey),
  }));
  return {
    edges,
    totalCount,
    pageInfo: {
      hasNextPage: backwards ? Boolean(args.before) : hasMore,
      hasPreviousPage: backwards ? hasMore : Boolean(args.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

const TIMESTAMP_TYPES = new Set<unknown>([
  'timestamptz',
  'timestamp',
  'timestamp with time zone',
  Date,
]);

const NUMERIC_TYPES = new Set<unknown>([
  'int',
  'integer',
  'int4',
  'int8',
  'bigint',
  'smallint',
  'numeric',
  'decimal',
  'real',
  'float',
  'double precision',
  Number,
]);

/** The column metadata of `alias.column`, when the alias is an entity. */
function columnOf<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
): ColumnMetadata | undefined {
  const [aliasName, columnName] = column.split('.');
  const alias = query.expressionMap.aliases.find((candidate) => candidate.name === aliasName);
  const metadata = alias?.hasMetadata ? alias.metadata : undefined;
  return metadata?.columns.find((candidate) => candidate.databaseName === columnName);
}

/**
 * PostgreSQL keeps microseconds but a cursor carries a JavaScript date (milliseconds), so a
 * timestamp sort must compare at millisecond precision (ties broken by id), or rows are skipped
 * or repeated across pages. A column stored as `timestamptz(3)` already is: it is sorted as is,
 * and its `(column, id)` index serves the page. Any other timestamp column is wrapped in
 * `date_trunc`, which is exact but sorts the whole filtered set.
 */
function comparableSortExpression(metadata: ColumnMetadata | undefined, column: string): string {
  if (!metadata || !TIMESTAMP_TYPES.has(metadata.type)) return column;
  const storedInMilliseconds =
    metadata.precision !== undefined && metadata.precision !== null && metadata.precision <= 3;
  return storedInMilliseconds ? column : `date_trunc('milliseconds', ${column})`;
}

/** A crafted cursor whose sort value PostgreSQL could not compare with the column. */
function fitsColumn(value: string | number | null, columnType: unknown): boolean {
  if (value === null) return true;
  if (TIMESTAMP_TYPES.has(columnType)) {
    return typeof value === 'string' && !Number.isNaN(Date.parse(value));
  }
  if (NUMERIC_TYPES.has(columnType)) {
    // numeric columns come back from the driver as strings, so their cursors carry strings
    return typeof value === 'number' || /^-?\d{1,30}(\.\d{1,30})?$/.test(value);
  }
  return true;
}

function flip(direction: 'ASC' | 'DESC'): 'ASC' | 'DESC' {
  return direction === 'ASC' ? 'DESC' : 'ASC';
}
