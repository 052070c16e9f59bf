import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { graphqlContextOf } from '@cc/graphql';
import { AuthException } from '../auth.exception';
import { Viewer } from '../viewer';

/**
 * The signed-in `Viewer`. On `@Authenticated`/`@Roles` operations it is always there; use
 * `@CurrentViewer({ optional: true })` on `@Public` operations and field resolvers, where it may
 * be undefined.
 */
export const CurrentViewer = createParamDecorator(
  (options: { optional?: boolean } | undefined, context: ExecutionContext): Viewer | undefined => {
    const viewer = graphqlContextOf<Viewer>(context).viewer;
    if (!viewer && !options?.optional) throw AuthException.unauthenticated();
    return viewer;
  },
);
