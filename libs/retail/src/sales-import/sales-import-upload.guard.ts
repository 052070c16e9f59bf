import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ModuleRef, Reflector } from '@nestjs/core';
import type { Request } from 'express';
import {
  AccessTokenService,
  AuthErrorCode,
  AuthException,
  bearerTokenOf,
  ClientIpResolver,
  RateLimiter,
  rateLimitHits,
  rateLimitOf,
  Role,
  Viewer,
  ViewerSource,
} from '@cc/auth';
import { AppConfig, RateLimitPolicy } from '@cc/config';
import { Outlet } from '../outlet/outlet.entity';
import { OutletService } from '../outlet/outlet.service';
import { RetailAccess } from '../retail-access';
import { RetailErrorCode, RetailException } from '../retail.exception';

export const UPLOAD_CONTEXT = Symbol('retail.salesImportUpload');

export interface UploadContext {
  viewer: Viewer;
  outlet: Outlet;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Authenticates the REST routes of sales imports the way the GraphQL guard does (Bearer access
 * token, session still live, RETAILER role) and checks that the caller is a member of the
 * outlet's organization, and spends the caller's budgets (the upload budget only on the upload
 * route, marked `@RateLimit('upload')`), before a byte of the file is read.
 */
@Injectable()
export class SalesImportUploadGuard implements CanActivate {
  private viewerSource?: ViewerSource;
  private readonly rateLimits: RateLimitPolicy;

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly moduleRef: ModuleRef,
    private readonly outlets: OutletService,
    private readonly access: RetailAccess,
    private readonly limiter: RateLimiter,
    private readonly clientIp: ClientIpResolver,
    private readonly reflector: Reflector,
    config: AppConfig,
  ) {
    this.rateLimits = config.rateLimits;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request & { [UPLOAD_CONTEXT]?: UploadContext }>();
    const token = bearerTokenOf({ req });
    if (token === undefined) throw AuthException.unauthenticated();
    if (token === null) throw AuthException.unauthenticated(AuthErrorCode.TOKEN_INVALID);
    const claims = await this.tokens.verify(token);
    this.viewerSource ??= this.moduleRef.get(ViewerSource, { strict: false });
    const viewer = await this.viewerSource.resolve(claims);
    if (!viewer) throw AuthException.unauthenticated(AuthErrorCode.SESSION_REVOKED);
    if (!viewer.hasRole(Role.RETAILER)) throw AuthException.roleRequired([Role.RETAILER]);
    // as GraphQL counts (RateLimitGuard): every route spends the general budgets, and the upload
    // route its `upload` budget too (shared with the statistics import), status reads do not
    await this.limiter.hit(
      rateLimitHits(
        this.rateLimits,
        { ip: this.clientIp.of(req), accountId: viewer.userId },
        rateLimitOf(this.reflector, context),
      ),
    );
    const outletId = String(req.params.outletId ?? '');
    if (!UUID.test(outletId)) {
      throw RetailException.invalid(
        RetailErrorCode.OUTLET_NOT_FOUND,
        'outletId',
        'outletId must be a UUID',
      );
    }
    const outlet = await this.outlets.get(outletId);
    await this.access.assertOutletMember(viewer, outlet);
    req[UPLOAD_CONTEXT] = { viewer, outlet };
    return true;
  }
}
