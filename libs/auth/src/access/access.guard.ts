import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GqlContextType, GqlExecutionContext } from '@nestjs/graphql';
import { GraphqlContext } from '@cc/graphql';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { AccessTokenService } from '../token/access-token.service';
import { Viewer } from '../viewer';
import { ViewerSource } from '../viewer-source';
import { accessRuleOf } from './access.decorators';
import { bearerTokenOf } from './bearer-token';

interface ViewerCacheEntry {
  token: string;
  viewer: Promise<Viewer>;
}

/** One resolution per token per request, shared by the root fields of that request. */
const viewerCache = new WeakMap<object, ViewerCacheEntry>();

/** Drops the request's resolved viewer, e.g. after its session was revoked by `logout`. */
export function forgetViewer(context: GraphqlContext<Viewer>): void {
  viewerCache.delete(context);
  context.viewer = undefined;
}

/**
 * The global guard. Every Query, Mutation and Subscription must declare who may call it
 * (`@Public`, `@Authenticated`, `@Roles`); one that does not is refused for everyone.
 * Field resolvers are not guarded here: they check the viewer themselves where needed.
 * HTTP controllers (health probes) are outside this scheme.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);
  private viewerSource?: ViewerSource;

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly moduleRef: ModuleRef,
  ) {}

  private get viewers(): ViewerSource {
    this.viewerSource ??= this.moduleRef.get(ViewerSource, { strict: false });
    return this.viewerSource;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const gql = GqlExecutionContext.create(context);
    const rule = accessRuleOf(context.getHandler());
    if (!rule) {
      const info = gql.getInfo<{ parentType: { name: string }; fieldName: string }>();
      const operation = `${info.parentType.name}.${info.fieldName}`;
      this.logger.error(`${operation} has no access declaration; refusing it`);
      throw AuthException.accessNotDeclared(operation);
    }

    const graphqlContext = gql.getContext<GraphqlContext<Viewer>>();
    const token = bearerTokenOf(graphqlContext);

    if (rule.kind === 'public') {
      // A public operation works for anyone: a good token still identifies the viewer,
      // a bad or expired one is ignored (so e.g. refreshSession works with a stale header).
      if (token) await this.viewerFor(graphqlContext, token).catch(() => undefined);
      return true;
    }

    if (!token) throw AuthException.unauthenticated();
    const viewer = await this.viewerFor(graphqlContext, token);
    if (rule.kind === 'roles' && !viewer.hasAnyRole(rule.roles)) {
      throw AuthException.roleRequired(rule.roles);
    }
    return true;
  }

  private async viewerFor(context: GraphqlContext<Viewer>, token: string): Promise<Viewer> {
    let entry = viewerCache.get(context);
    if (!entry || entry.token !== token) {
      entry = { token, viewer: this.resolve(token) };
      viewerCache.set(context, entry);
    }
    try {
      const viewer = await entry.viewer;
      context.viewer = viewer;
      return viewer;
    } catch (error) {
      context.viewer = undefined;
      throw error;
    }
  }

  private async resolve(token: string): Promise<Viewer> {
    const claims = await this.tokens.verify(token);
    const viewer = await this.viewers.resolve(claims);
    if (!viewer) throw AuthException.unauthenticated(AuthErrorCode.SESSION_REVOKED);
    return viewer;
  }
}
