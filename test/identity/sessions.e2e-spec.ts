import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { IdentityFactory, TestUser } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

const REFRESH = `mutation($token: String!) {
  refreshSession(refreshToken: $token) { accessToken refreshToken user { id email } }
}`;

interface Pair {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string | null };
}

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('sessions: access tokens, refresh rotation, reuse detection, logout', () => {
  let app: TestApp;
  let factory: IdentityFactory;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
  });

  afterAll(() => app.close());

  const refresh = (token: string) => app.gql.request<{ refreshSession: Pair }>(REFRESH, { token });
  const me = (accessToken: string) => app.gql.as(accessToken).request('{ me { id } }');

  describe('access tokens', () => {
    let user: TestUser;
    let claims: { sub: string; sid: string };
    const secret = () => new TextEncoder().encode(process.env.JWT_SECRET!);

    beforeAll(async () => {
      user = await factory.talent();
      const payload = JSON.parse(
        Buffer.from(user.accessToken.split('.')[1], 'base64url').toString(),
      );
      claims = { sub: payload.sub, sid: payload.sid };
    });

    const sign = (key: Uint8Array, expiresAt: number) =>
      new SignJWT({ sid: claims.sid })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(claims.sub)
        .setIssuer('creative-chain')
        .setAudience('creative-chain-api')
        .setIssuedAt(expiresAt - 900)
        .setExpirationTime(expiresAt)
        .sign(key);

    it('accepts a token it issued', async () => {
      expect((await me(user.accessToken)).errors).toBeUndefined();
    });

    it('refuses an expired token', async () => {
      const expired = await sign(secret(), Math.floor(Date.now() / 1000) - 60);
      expect((await me(expired)).errors?.[0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'TOKEN_EXPIRED',
      });
    });

    it('refuses a token signed with another key', async () => {
      const forged = await sign(
        new TextEncoder().encode('another-secret-that-is-32-chars-long!!'),
        Math.floor(Date.now() / 1000) + 600,
      );
      expect((await me(forged)).errors?.[0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'TOKEN_INVALID',
      });
    });

    it('refuses an unsigned token (alg none)', async () => {
      const now = Math.floor(Date.now() / 1000);
      const body = b64({
        ...claims,
        iss: 'creative-chain',
        aud: 'creative-chain-api',
        iat: now,
        exp: now + 600,
      });
      for (const token of [
        `${b64({ alg: 'none', typ: 'JWT' })}.${body}.`,
        `${b64({ alg: 'none' })}.${body}`,
      ]) {
        expect((await me(token)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      }
    });

    it('refuses garbage and a non-Bearer header', async () => {
      expect((await me('garbage')).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const basic = await app.gql.request('{ me { id } }', {}, { authorization: 'Basic abc' });
      expect(basic.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('ignores a bad token on public operations', async () => {
      const expired = await sign(secret(), Math.floor(Date.now() / 1000) - 60);
      const response = await app.gql.as(expired).request('{ cities(first: 1) { totalCount } }');
      expect(response.errors).toBeUndefined();
    });
  });

  describe('refresh rotation', () => {
    it('stores only a hash of each refresh token', async () => {
      const user = await factory.talent();
      const hash = createHash('sha256').update(user.refreshToken).digest('hex');
      const rows = await app.db.query(
        `SELECT t.token_hash FROM refresh_token t JOIN session s ON s.id = t.family_id
          WHERE s.user_id = $1`,
        [user.id],
      );
      expect(rows).toEqual([{ token_hash: hash }]);
      const raw = await app.db.query('SELECT 1 FROM refresh_token WHERE token_hash = $1', [
        user.refreshToken,
      ]);
      expect(raw).toHaveLength(0);
    });

    it('rotates: each refresh gives a new pair, and the new access token works', async () => {
      const user = await factory.talent();
      const first = await refresh(user.refreshToken);
      const pair = first.data!.refreshSession;
      expect(pair.user).toEqual({ id: user.id, email: user.email });
      expect(pair.refreshToken).not.toBe(user.refreshToken);
      expect((await me(pair.accessToken)).errors).toBeUndefined();
      const second = await refresh(pair.refreshToken);
      expect(second.data?.refreshSession.refreshToken).toBeDefined();
    });

    it('replaying a used refresh token ends the whole family, access tokens included', async () => {
      const user = await factory.talent();
      const otherDevice = await factory.login(user.email);
      const rotated = (await refresh(user.refreshToken)).data!.refreshSession;

      const replay = await refresh(user.refreshToken);
      expect(replay.errors?.[0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'REFRESH_TOKEN_REUSED',
      });
      // the legitimate holder's newer tokens are dead too
      expect((await refresh(rotated.refreshToken)).errors?.[0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'REFRESH_TOKEN_INVALID',
      });
      for (const token of [user.accessToken, rotated.accessToken]) {
        expect((await me(token)).errors?.[0].extensions).toMatchObject({
          code: 'UNAUTHENTICATED',
          reason: 'SESSION_REVOKED',
        });
      }
      const [session] = await app.db.query(
        `SELECT s.end_reason FROM session s JOIN refresh_token t ON t.family_id = s.id
          WHERE t.token_hash = $1`,
        [createHash('sha256').update(user.refreshToken).digest('hex')],
      );
      expect(session.end_reason).toBe('REFRESH_TOKEN_REUSED');
      // another sign-in of the same account is a different family and keeps working
      expect((await me(otherDevice.accessToken)).errors).toBeUndefined();
      expect((await refresh(otherDevice.refreshToken)).errors).toBeUndefined();
    });

    it('two concurrent refreshes with one token: one wins, the replay ends the family', async () => {
      const user = await factory.talent();
      const results = await Promise.all([refresh(user.refreshToken), refresh(user.refreshToken)]);
      const won = results.filter((result) => result.data?.refreshSession);
      const lost = results.filter((result) => result.errors);
      expect(won).toHaveLength(1);
      expect(lost[0].errors?.[0].extensions?.reason).toBe('REFRESH_TOKEN_REUSED');
      expect(
        (await refresh(won[0].data!.refreshSession.refreshToken)).errors?.[0].extensions?.code,
      ).toBe('UNAUTHENTICATED');
    });

    it('refuses unknown and expired refresh tokens', async () => {
      const unknown = await refresh('x'.repeat(43));
      expect(unknown.errors?.[0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'REFRESH_TOKEN_INVALID',
      });
      const user = await factory.talent();
      await app.db.query(
        `UPDATE refresh_token SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
        [createHash('sha256').update(user.refreshToken).digest('hex')],
      );
      expect((await refresh(user.refreshToken)).errors?.[0].extensions?.reason).toBe(
        'REFRESH_TOKEN_INVALID',
      );
    });
  });

  describe('logout', () => {
    it('ends this session at once: its access and refresh tokens stop working', async () => {
      const user = await factory.talent();
      const otherDevice = await factory.login(user.email);
      const { logout } = await user.gql.data<{ logout: boolean }>('mutation { logout }');
      expect(logout).toBe(true);
      expect((await me(user.accessToken)).errors?.[0].extensions?.reason).toBe('SESSION_REVOKED');
      expect((await refresh(user.refreshToken)).errors?.[0].extensions?.code).toBe(
        'UNAUTHENTICATED',
      );
      expect((await me(otherDevice.accessToken)).errors).toBeUndefined();
    });

    it('everywhere: ends every session of the account', async () => {
      const user = await factory.talent();
      const otherDevice = await factory.login(user.email);
      await user.gql.data('mutation { logout(everywhere: true) }');
      for (const token of [user.accessToken, otherDevice.accessToken]) {
        expect((await me(token)).errors?.[0].extensions?.reason).toBe('SESSION_REVOKED');
      }
    });

    it('in one request, operations after logout no longer see the session', async () => {
      const user = await factory.talent();
      const response = await user.gql.request(
        'mutation { logout other: updateMyProfile(input: { displayName: "after" }) { id } }',
      );
      expect(response.data).toBeNull();
      expect(response.errors?.[0].extensions?.reason).toBe('SESSION_REVOKED');
      const [row] = await app.db.query('SELECT display_name FROM user_account WHERE id = $1', [
        user.id,
      ]);
      expect(row.display_name).not.toBe('after');
    });
  });
});
