import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Request } from 'express';
import {
  AccessTokenService,
  AuthErrorCode,
  AuthException,
  bearerTokenOf,
  RateLimiter,
  Role,
  Viewer,
  ViewerSource,
} from '@cc/auth';
import { AppConfig, RateLimitRule } from '@cc/config';
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
 * outlet's organization, and spends the account's upload budget, before a byte of the file is
 * read.
 */
@Injectable()
export class SalesImportUploadGuard implements CanActivate {
  private viewerSource?: ViewerSource;
  private readonly uploadLimit: RateLimitRule;

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly moduleRef: ModuleRef,
    private readonly outlets: OutletService,
    private readonly access: RetailAccess,
    private readonly limiter: RateLimiter,
    config: AppConfig,
  ) {
    this.uploadLimit = config.rateLimits.upload;
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
    // the `upload` budget, shared with the GraphQL statistics import (see RateLimitGuard)
    await this.limiter.hit([{ key: `rate:upload:account:${viewer.userId}`, ...this.uploadLimit }]);
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
