import type { IncomingMessage } from 'node:http';
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { LoaderRegistry } from './dataloader/loader-registry';

/** What every resolver can rely on. `viewer` is set by the auth guard when a token is valid. */
export interface GraphqlContext<TViewer = unknown> {
  /** The HTTP request; for an operation over WebSocket, the upgrade request of the socket. */
  req: Request;
  res?: Response;
  loaders: LoaderRegistry;
  viewer?: TViewer;
  /** Over WebSocket only: the payload of the client's graphql-ws `connection_init`. */
  connectionParams?: Readonly<Record<string, unknown>>;
}

/** What graphql-ws passes to the context factory (its `Context`, with the `ws` extra). */
interface GraphqlWsContext {
  connectionParams?: Readonly<Record<string, unknown>>;
  extra: { request: IncomingMessage };
}

function isGraphqlWsContext(source: object): source is GraphqlWsContext {
  const extra = (source as { extra?: { request?: unknown } }).extra;
  return typeof extra === 'object' && extra !== null && 'request' in extra && !('req' in source);
}

/**
 * One fresh context per operation: per HTTP request from Apollo, and per subscription from
 * graphql-ws (which calls this with its connection context).
 */
export function createGraphqlContext(
  source: { req: Request; res?: Response } | GraphqlWsContext,
): GraphqlContext {
  if (isGraphqlWsContext(source)) {
    return {
      req: source.extra.request as Request,
      loaders: new LoaderRegistry(),
      connectionParams: source.connectionParams ?? {},
    };
  }
  const { req, res } = source;
  return { req, res, loaders: new LoaderRegistry() };
}

export function graphqlContextOf<TViewer = unknown>(
  context: ExecutionContext,
): GraphqlContext<TViewer> {
  return GqlExecutionContext.create(context).getContext<GraphqlContext<TViewer>>();
}

/** Injects the per-request `LoaderRegistry` into a resolver method. */
export const Loaders = createParamDecorator(
  (_data: unknown, context: ExecutionContext) => graphqlContextOf(context).loaders,
);
