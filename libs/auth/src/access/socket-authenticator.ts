import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { decodeJwt } from 'jose';
import { AuthErrorCode, AuthException } from '../auth.exception';
import { AccessTokenService } from '../token/access-token.service';
import { Viewer } from '../viewer';
import { ViewerSource } from '../viewer-source';
import { bearerTokenOf, CredentialSource } from './bearer-token';

export interface SocketIdentity {
  viewer: Viewer;
  /** When the access token the socket was opened with expires. */
  expiresAt: Date;
}

/**
 * Checks the credentials of a GraphQL WebSocket when it is opened (graphql-ws `onConnect`),
 * with the same token verification and viewer loading as the HTTP guard. Each subscription on
 * the socket then still passes the `AccessGuard`, which reads the same token from the
 * connection params.
 */
@Injectable()
export class SocketAuthenticator {
  private viewerSource?: ViewerSource;

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly moduleRef: ModuleRef,
  ) {}

  private get viewers(): ViewerSource {
    this.viewerSource ??= this.moduleRef.get(ViewerSource, { strict: false });
    return this.viewerSource;
  }

  /**
   * `undefined` for an anonymous socket (no credentials: only `@Public` subscriptions will
   * work on it). Throws UNAUTHENTICATED (TOKEN_INVALID, TOKEN_EXPIRED, SESSION_REVOKED) for
   * credentials that are present but not good.
   */
  async authenticate(source: CredentialSource): Promise<SocketIdentity | undefined> {
    const token = bearerTokenOf(source);
    if (token === undefined) return undefined;
    if (token === null) throw AuthException.unauthenticated(AuthErrorCode.TOKEN_INVALID);
    const claims = await this.tokens.verify(token);
    const viewer = await this.viewers.resolve(claims);
    if (!viewer) throw AuthException.unauthenticated(AuthErrorCode.SESSION_REVOKED);
    // Already verified above, so reading `exp` without checking again is safe.
    const { exp } = decodeJwt(token);
    return { viewer, expiresAt: new Date((exp ?? 0) * 1000) };
  }
}
