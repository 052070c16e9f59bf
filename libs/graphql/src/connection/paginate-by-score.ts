import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { CommonException } from '../errors/domain.exception';
import { ConnectionArgs, DEFAULT_PAGE_SIZE } from './connection.args';
import { Connection, lazyCount } from './connection.type';
import { decodeCursor, encodeCursor } from './cursor';

const SCORE_ALIAS = 'page_score';

/**
 * Keyset pagination by a computed score, best first: the order is (score DESC, id DESC) and the
 * cursor is [score, id], like `paginate` but for an SQL expression rather than a column. The
 * score must be a deterministic `double precision` expression of the row (and of bound
 * parameters): it is selected to build cursors and repeated in the WHERE of the next page, and
 * float8 values round-trip exactly through JSON numbers. As with any keyset, a row whose score
 * changes between two page requests may move across the page boundary.
 */
export async function paginateByScore<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  args: ConnectionArgs,
  score: string,
): Promise<Connection<T>> {
  if (args.first !== undefined && args.last !== undefined) {
    throw CommonException.validation([
      { field: 'last', message: 'use either first or last, not both' },
    ]);
  }
  const alias = query.alias;
  const countQuery = query.clone();
  const totalCount = lazyCount(() => countQuery.getCount());

  const backwards =
    args.last !== undefined || (args.before !== undefined && args.first === undefined);
  const limit = (backwards ? args.last : args.first) ?? DEFAULT_PAGE_SIZE;
  const cursor = backwards ? args.before : args.after;
  // Best first means DESC forwards; walking backwards scans the other way and reverses.
  const scanDirection = backwards ? 'ASC' : 'DESC';

  const page = query.clone().addSelect(score, SCORE_ALIAS);
  if (cursor) {
    const field = backwards ? 'before' : 'after';
    const [value, id] = decodeCursor(cursor, field);
    if (typeof value !== 'number') throw CommonException.invalidCursor(field);
    const op = scanDirection === 'DESC' ? '<' : '>';
    page.andWhere(`(${score}, ${alias}.id) ${op} (:scoreCursorValue, :scoreCursorId)`, {
      scoreCursorValue: value,
      scoreCursorId: id,
    });
  }
  page
    .orderBy(SCORE_ALIAS, scanDirection)
    .addOrderBy(`${alias}.id`, scanDirection)
    .limit(limit + 1);

  const { entities, raw } = await page.getRawAndEntities<Record<string, unknown>>();
  const scores = new Map(
    raw.map((row) => [String(row[`${alias}_id`]), Number(row[SCORE_ALIAS])] as const),
  );
  const hasMore = entities.length > limit;
  const nodes = entities.slice(0, limit);
  if (backwards) nodes.reverse();

  const edges = nodes.map((node) => ({
    node,
    cursor: encodeCursor([scores.get(node.id) ?? 0, node.id]),
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
