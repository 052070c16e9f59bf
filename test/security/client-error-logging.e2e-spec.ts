import { withEnv } from '../support/env-override';
import { IdentityFactory, TestUser } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Every JSON log line the app writes while `work` runs. Under Jest, pino writes through
 * process.stdout (it does when stdout's write has been replaced), so that is where lines are read.
 */
async function logLines(work: () => Promise<void>): Promise<Record<string, unknown>[]> {
  const chunks: string[] = [];
  const write = jest
    .spyOn(process.stdout, 'write')
    .mockImplementation((data: string | Uint8Array) => {
      chunks.push(typeof data === 'string' ? data : Buffer.from(data).toString('utf8'));
      return true;
    });
  try {
    await work();
    await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    write.mockRestore();
  }
  return chunks
    .join('')
    .split('\n')
    .filter(Boolean)
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

describe('client errors are not logged as server errors (production mode)', () => {
  let app: TestApp;
  let user: TestUser;
  const env = withEnv({ NODE_ENV: 'production', LOG_LEVEL: 'debug' });

  beforeAll(async () => {
    app = await startTestApp();
    user = await new IdentityFactory(app).talent();
  });

  afterAll(async () => {
    await app.close();
    env.restore();
  });

  it('a journey of NOT_FOUND, FORBIDDEN, BAD_USER_INPUT and CONFLICT writes no ERROR line and no credentials', async () => {
    const codes: string[] = [];
    const lines = await logLines(async () => {
      const attempts = [
        user.gql.request('{ project(id: "00000000-0000-4000-8000-000000000000") { id } }'),
        user.gql.request('{ users { totalCount } }'),
        user.gql.request('{ project(id: "nope") { id } }'),
        user.gql.request('{ cities(first: 0) { totalCount } }'),
        user.gql.request('{ citys }'),
        app.gql.request(
          'mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }',
          {
            input: {
              email: user.email,
              password: 'another-long-password',
              displayName: 'Again',
              roles: ['TALENT'],
            },
          },
          { cookie: 'session=cookie-secret' },
        ),
      ];
      for (const response of await Promise.all(attempts)) {
        codes.push(String(response.errors?.[0].extensions?.code));
      }
    });
    expect(new Set(codes)).toEqual(
      new Set(['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT', 'CONFLICT']),
    );
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => Number(line.level) >= 50)).toEqual([]);
    const text = JSON.stringify(lines);
    expect(text).not.toContain(user.accessToken);
    expect(text).not.toContain('cookie-secret');
    // each client error is still visible at debug level, for whoever wants it
    expect(lines.filter((line) => line.msg === 'client error').length).toBeGreaterThanOrEqual(6);
  });

  it('a failed SQL statement is logged without the values bound to it (hashes, emails)', async () => {
    // A trigger makes the sign-up's INSERT fail as an unexpected database error would.
    await app.db.query(`CREATE FUNCTION refuse_sign_up() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'forced failure' USING ERRCODE = 'XX000'; END $$`);
    await app.db.query(`CREATE TRIGGER refuse_sign_up BEFORE INSERT ON user_account
      FOR EACH ROW EXECUTE FUNCTION refuse_sign_up()`);
    const email = 'forced.failure@example.test';
    const password = 'a-password-for-the-forced-failure';
    let code: unknown;
    try {
      const lines = await logLines(async () => {
        const response = await app.gql.request(
          'mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }',
          { input: { email, password, displayName: 'Forced Failure', roles: ['TALENT'] } },
        );
        code = response.errors?.[0].extensions?.code;
      });
      expect(code).toBe('INTERNAL');
      const failures = lines.filter((line) => Number(line.level) >= 50);
      // one line per error: not a second one from Nest's ExceptionsHandler
      expect(failures.map((line) => line.msg)).toEqual([
        'unexpected error while resolving GraphQL',
      ]);
      for (const failure of failures) {
        // still useful: the statement and the database's message, without the values
        const err = failure.err as Record<string, unknown>;
        expect(err.query).toMatch(/INSERT INTO "user_account"/);
        expect(err.message).toContain('forced failure');
        expect(err.parameters).toBe('[redacted]');
      }
      const text = JSON.stringify(failures);
      expect(text).not.toContain(email);
      expect(text).not.toContain('$argon2');
      expect(text).not.toContain(password);
    } finally {
      await app.db.query('DROP TRIGGER refuse_sign_up ON user_account');
      await app.db.query('DROP FUNCTION refuse_sign_up()');
    }
  });
});
