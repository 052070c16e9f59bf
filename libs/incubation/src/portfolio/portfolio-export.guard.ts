import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Request } from 'express';
import {
  AccessTokenService,
  AuthErrorCode,
  AuthException,
  bearerTokenOf,
  Role,
  Viewer,
  ViewerSource,
} from '@cc/auth';

export const EXPORT_VIEWER = Symbol('incubation.exportViewer');

export type ExportRequest = Request & { [EXPORT_VIEWER]?: Viewer };

/**
 * Authenticates the CSV export the way the GraphQL guard does (Bearer access token, session
 * still live) and requires the INCUBATOR role; the service then checks membership.
 */
@Injectable()
export class PortfolioExportGuard implements CanActivate {
  private viewerSource?: ViewerSource;

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly moduleRef: ModuleRef,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<ExportRequest>();
    const token = bearerTokenOf({ req });
    if (token === undefined) throw AuthException.unauthenticated();
    if (token === null) throw AuthException.unauthenticated(AuthErrorCode.TOKEN_INVALID);
    const claims = await this.tokens.verify(token);
    this.viewerSource ??= this.moduleRef.get(ViewerSource, { strict: false });
    const viewer = await this.viewerSource.resolve(claims);
    if (!viewer) throw AuthException.unauthenticated(AuthErrorCode.SESSION_REVOKED);
    if (!viewer.hasRole(Role.INCUBATOR)) throw AuthException.roleRequired([Role.INCUBATOR]);
    req[EXPORT_VIEWER] = viewer;
    return true;
  }
}
