import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { AccessTokenService } from '@cc/auth';
import { AppConfig } from '@cc/config';
import { IdentityException } from '../identity.exception';
import { RefreshToken } from './refresh-token.entity';
import { Session, SessionEndReason } from './session.entity';

export interface SessionTokens {
  sessionId: string;
  accessToken: string;
  accessTokenExpiresAt: Date;
  refreshToken: string;
  refreshTokenExpiresAt: Date;
}

type RotationOutcome =
  | { kind: 'invalid' }
  | { kind: 'reused' }
  | { kind: 'rotated'; userId: string; sessionId: string; refreshToken: string; expiresAt: Date };

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Sessions are refresh-token families: started at sign-in, rotated on refresh, ended on logout. */
@Injectable()
export class SessionService {
  private readonly refreshTtlMs: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly accessTokens: AccessTokenService,
    config: AppConfig,
  ) {
    this.refreshTtlMs = config.auth.refreshTtlDays * 24 * 60 * 60 * 1000;
  }

  async start(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<SessionTokens> {
    const expiresAt = new Date(Date.now() + this.refreshTtlMs);
    const session = await manager.save(manager.create(Session, { userId, expiresAt }));
    const refreshToken = await this.issueRefreshToken(manager, session.id, expiresAt);
    return this.tokensFor(userId, session.id, refreshToken, expiresAt);
  }

  /**
   * Exchanges a refresh token for a new pair. A token is good once: presenting it again ends
   * the whole family (someone holds a copy), including access tokens already issued from it.
   */
  async rotate(presented: string): Promise<SessionTokens & { userId: string }> {
    const tokenHash = hashRefreshToken(presented);
    const outcome = await this.dataSource.transaction(async (manager): Promise<RotationOutcome> => {
      const token = await manager.findOne(RefreshToken, {
        where: { tokenHash },
        lock: { mode: 'pessimistic_write' },
      });
      if (!token) return { kind: 'invalid' };
      const session = await manager.findOne(Session, {
        where: { id: token.familyId },
        lock: { mode: 'pessimistic_write' },
      });
      const now = new Date();
      if (!session || session.endedAt) return { kind: 'invalid' };
      if (token.usedAt) {
        await this.endWith(manager, session.id, SessionEndReason.REFRESH_TOKEN_REUSED);
        return { kind: 'reused' };
      }
      if (token.expiresAt <= now) return { kind: 'invalid' };

      await manager.update(RefreshToken, { id: token.id }, { usedAt: now });
      const expiresAt = new Date(now.getTime() + this.refreshTtlMs);
      await manager.update(Session, { id: session.id }, { expiresAt });
      const refreshToken = await this.issueRefreshToken(manager, session.id, expiresAt);
      return {
        kind: 'rotated',
        userId: session.userId,
        sessionId: session.id,
        refreshToken,
        expiresAt,
      };
    });

    if (outcome.kind === 'reused') throw IdentityException.refreshTokenReused();
    if (outcome.kind === 'invalid') throw IdentityException.refreshTokenInvalid();
    const tokens = await this.tokensFor(
      outcome.userId,
      outcome.sessionId,
      outcome.refreshToken,
      outcome.expiresAt,
    );
    return { ...tokens, userId: outcome.userId };
  }

  async end(sessionId: string, reason: SessionEndReason): Promise<void> {
    await this.endWith(this.dataSource.manager, sessionId, reason);
  }

  /** Ends every open session of the user, except (optionally) the one still in use. */
  async endAllFor(
    userId: string,
    reason: SessionEndReason,
    options: { except?: string; manager?: EntityManager } = {},
  ): Promise<void> {
    await (options.manager ?? this.dataSource.manager).update(
      Session,
      { userId, endedAt: IsNull(), ...(options.except ? { id: Not(options.except) } : {}) },
      { endedAt: new Date(), endReason: reason },
    );
  }

  private async endWith(manager: EntityManager, sessionId: string, reason: SessionEndReason) {
    await manager.update(
      Session,
      { id: sessionId, endedAt: IsNull() },
      { endedAt: new Date(), endReason: reason },
    );
  }

  private async issueRefreshToken(
    manager: EntityManager,
    familyId: string,
    expiresAt: Date,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.insert(RefreshToken, { familyId, tokenHash: hashRefreshToken(token), expiresAt });
    return token;
  }

  private async tokensFor(
    userId: string,
    sessionId: string,
    refreshToken: string,
    refreshTokenExpiresAt: Date,
  ): Promise<SessionTokens> {
    const access = await this.accessTokens.issue({ userId, sessionId });
    return {
      sessionId,
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt,
      refreshToken,
      refreshTokenExpiresAt,
    };
  }
}
