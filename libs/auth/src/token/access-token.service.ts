import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { errors, jwtVerify, SignJWT } from 'jose';
import { AppConfig } from '@cc/config';
import { AuthErrorCode, AuthException } from '../auth.exception';

export const ACCESS_TOKEN_ISSUER = 'creative-chain';
export const ACCESS_TOKEN_AUDIENCE = 'creative-chain-api';
const CLOCK_TOLERANCE_SECONDS = 5;

export interface AccessTokenClaims {
  userId: string;
  sessionId: string;
}

export interface IssuedAccessToken {
  token: string;
  expiresAt: Date;
}

/** Short-lived HS256 access tokens. Only HS256 is accepted: `alg: none` and others are refused. */
@Injectable()
export class AccessTokenService {
  private readonly key: Uint8Array;
  private readonly ttlSeconds: number;

  constructor(config: AppConfig) {
    this.key = new TextEncoder().encode(config.auth.jwtSecret);
    this.ttlSeconds = config.auth.accessTtlSeconds;
  }

  async issue(claims: AccessTokenClaims): Promise<IssuedAccessToken> {
    const issuedAt = Math.floor(Date.now() / 1000);
    const expiresAt = issuedAt + this.ttlSeconds;
    const token = await new SignJWT({ sid: claims.sessionId })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(claims.userId)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(expiresAt)
      .setJti(randomUUID())
      .sign(this.key);
    return { token, expiresAt: new Date(expiresAt * 1000) };
  }

  /** Throws UNAUTHENTICATED (TOKEN_EXPIRED or TOKEN_INVALID) for anything but a good token. */
  async verify(token: string): Promise<AccessTokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, {
        algorithms: ['HS256'],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        requiredClaims: ['sub', 'sid', 'exp', 'iat'],
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
      });
      if (typeof payload.sub !== 'string' || typeof payload.sid !== 'string') {
        throw AuthException.unauthenticated(AuthErrorCode.TOKEN_INVALID);
      }
      return { userId: payload.sub, sessionId: payload.sid };
    } catch (error) {
      if (error instanceof AuthException) throw error;
      if (error instanceof errors.JWTExpired) {
        throw AuthException.unauthenticated(AuthErrorCode.TOKEN_EXPIRED);
      }
      throw AuthException.unauthenticated(AuthErrorCode.TOKEN_INVALID);
    }
  }
}
