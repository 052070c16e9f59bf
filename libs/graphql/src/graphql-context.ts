import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { LoaderRegistry } from './dataloader/loader-registry';

/** What every resolver can rely on. `viewer` is set by the auth guard when a token is valid. */
export interface GraphqlContext<TViewer = unknown> {
  req: Request;
  res?: Response;
  loaders: LoaderRegistry;
  viewer?: TViewer;
}

export function createGraphqlContext({
  req,
  res,
}: {
  req: Request;
  res?: Response;
}): GraphqlContext {
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
