import { SignJWT } from 'jose';
import { AppConfig } from '@cc/config';
import { AuthErrorCode, AuthException } from '../auth.exception';
import {
  ACCESS_TOKEN_AUDIENCE,
  ACCESS_TOKEN_ISSUER,
  AccessTokenService,
} from './access-token.service';

const SECRET = 'k'.repeat(40);
const config = { auth: { jwtSecret: SECRET, accessTtlSeconds: 900 } } as unknown as AppConfig;
const service = new AccessTokenService(config);
const claims = { userId: '11111111-1111-4111-8111-111111111111', sessionId: 'session-1' };

function b64(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

async function signed(secret: string, overrides: { exp?: number; alg?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sid: claims.sessionId })
    .setProtectedHeader({ alg: overrides.alg ?? 'HS256' })
    .setSubject(claims.userId)
    .setIssuer(ACCESS_TOKEN_ISSUER)
    .setAudience(ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt(now - 1000)
    .setExpirationTime(overrides.exp ?? now + 60)
    .sign(new TextEncoder().encode(secret));
}

async function reasonOf(token: string): Promise<string> {
  const error = await service.verify(token).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(AuthException);
  expect((error as AuthException).code).toBe('UNAUTHENTICATED');
  return (error as AuthException).reason;
}

describe('AccessTokenService', () => {
  it('issues HS256 tokens of at most the configured lifetime that verify back', async () => {
    const before = Date.now();
    const { token, expiresAt } = await service.issue(claims);
    const header = JSON.parse(Buffer.from(token.split('.')[0], 'base64url').toString());
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(expiresAt.getTime() - before).toBeLessThanOrEqual(900_000 + 1000);
    await expect(service.verify(token)).resolves.toEqual(claims);
  });

  it('refuses an expired token', async () => {
    const token = await signed(SECRET, { exp: Math.floor(Date.now() / 1000) - 60 });
    expect(await reasonOf(token)).toBe(AuthErrorCode.TOKEN_EXPIRED);
  });

  it('refuses a token signed with another key', async () => {
    expect(await reasonOf(await signed('w'.repeat(40)))).toBe(AuthErrorCode.TOKEN_INVALID);
  });

  it('refuses alg none, with or without a signature', async () => {
    const payload = b64({
      sub: claims.userId,
      sid: claims.sessionId,
      iss: ACCESS_TOKEN_ISSUER,
      aud: ACCESS_TOKEN_AUDIENCE,
      iat: Math.floor(Date.now() / 1000),
      exp: Math.floor(Date.now() / 1000) + 60,
    });
    const valid = (await service.issue(claims)).token;
    const signature = valid.split('.')[2];
    for (const alg of ['none', 'None', 'NONE']) {
      const header = b64({ alg, typ: 'JWT' });
      expect(await reasonOf(`${header}.${payload}.`)).toBe(AuthErrorCode.TOKEN_INVALID);
      expect(await reasonOf(`${header}.${payload}.${signature}`)).toBe(AuthErrorCode.TOKEN_INVALID);
    }
  });

  it('refuses other algorithms even with the right key', async () => {
    expect(await reasonOf(await signed(SECRET, { alg: 'HS512' }))).toBe(
      AuthErrorCode.TOKEN_INVALID,
    );
  });

  it('refuses a tampered payload and garbage', async () => {
    const [header, , signature] = (await service.issue(claims)).token.split('.');
    const forged = b64({ sub: 'someone-else', sid: 'x', exp: 9999999999, iat: 1 });
    expect(await reasonOf(`${header}.${forged}.${signature}`)).toBe(AuthErrorCode.TOKEN_INVALID);
    expect(await reasonOf('not-a-jwt')).toBe(AuthErrorCode.TOKEN_INVALID);
  });

  it('refuses a token without a session id', async () => {
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.userId)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('1m')
      .sign(new TextEncoder().encode(SECRET));
    expect(await reasonOf(token)).toBe(AuthErrorCode.TOKEN_INVALID);
  });
});
