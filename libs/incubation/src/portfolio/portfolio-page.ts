import { CommonException, Connection, ConnectionArgs, DEFAULT_PAGE_SIZE } from '@cc/graphql';

const PREFIX = 'portfolio:';

function encode(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`, 'utf8').toString('base64url');
}

function decode(cursor: string): number {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const offset = Number(text.slice(PREFIX.length));
  if (!text.startsWith(PREFIX) || !Number.isInteger(offset) || offset < 0) {
    throw CommonException.invalidCursor();
  }
  return offset;
}

/**
 * A Relay page over rows already sorted in memory. The portfolio's sort keys (revenue,
 * sell-through, coupling) come from other domains, so there is no SQL column to keyset on;
 * cursors are positions in the sorted, filtered list (an incubator's portfolio is bounded by
 * its cohorts' seats).
 */
export function pageOf<T>(rows: readonly T[], args: ConnectionArgs): Connection<T> {
  // GraphQL clients send an unset argument as null (`after: $after` with no value).
  const first = args.first ?? undefined;
  const last = args.last ?? undefined;
  const after = args.after ?? undefined;
  const before = args.before ?? undefined;
  if (first !== undefined && last !== undefined) {
    throw CommonException.validation([
      { field: 'last', message: 'use either first or last, not both' },
    ]);
  }
  const backwards = last !== undefined || (before !== undefined && first === undefined);
  const size = (backwards ? last : first) ?? DEFAULT_PAGE_SIZE;
  let start: number;
  let end: number;
  if (backwards) {
    end = before !== undefined ? Math.min(decode(before), rows.length) : rows.length;
    start = Math.max(0, end - size);
  } else {
    start = after !== undefined ? decode(after) + 1 : 0;
    end = Math.min(rows.length, start + size);
  }
  const edges = rows
    .slice(start, end)
    .map((node, index) => ({ node, cursor: encode(start + index) }));
  return {
    edges,
    totalCount: rows.length,
    pageInfo: {
      hasPreviousPage: start > 0,
      hasNextPage: end < rows.length,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
