import { Type } from '@nestjs/common';
import { Field, FieldMiddleware, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

export interface Edge<T> {
  node: T;
  cursor: string;
}

/**
 * A count, or a thunk that computes it. The thunk runs only when a client selects `totalCount`
 * (see `countWhenSelected`): pages that don't ask for it don't pay for a `COUNT(*)` over the
 * whole filtered set.
 */
export type LazyCount = number | (() => Promise<number>);

export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: LazyCount;
}

/** Resolves a connection's count, whether it was given eagerly or lazily. */
export async function resolveCount(count: LazyCount): Promise<number> {
  return typeof count === 'function' ? count() : count;
}

/** Counts once, on first call: two `totalCount` selections of one connection share the query. */
export function lazyCount(count: () => Promise<number>): () => Promise<number> {
  let pending: Promise<number> | undefined;
  return () => (pending ??= count());
}

/** Nest's field resolver reads properties as they are; this one calls a lazy count. */
const countWhenSelected: FieldMiddleware = async (_context, next) =>
  resolveCount((await next()) as LazyCount);

/** Builds `<Name>Connection` and `<Name>Edge` object types for a node type. */
export function ConnectionType<T>(nodeType: Type<T>, name = nodeType.name): Type<Connection<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field(() => nodeType)
    node!: T;

    @Field()
    cursor!: string;
  }

  @ObjectType(`${name}Connection`, { isAbstract: false })
  class ConnectionObject {
    @Field(() => [EdgeType])
    edges!: Edge<T>[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { middleware: [countWhenSelected] })
    totalCount!: LazyCount;
  }

  return ConnectionObject;
}
