import Redis from 'ioredis';
import { GraphqlError } from '../support/graphql-client';
import { IdentityFactory, TEST_PASSWORD, testIp } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

/** The defaults (LOGIN_RATE_LIMIT=10 per LOGIN_RATE_WINDOW_SECONDS=900), as the test env uses. */
const LIMIT = 10;

function aliasedLogins(credentials: { email: string; password: string }[]): string {
  const fields = credentials.map(
    ({ email, password }, index) =>
      `a${index}: login(email: ${JSON.stringify(email)}, password: ${JSON.stringify(password)}) { accessToken }`,
  );
  return `mutation { ${fields.join('\n')} }`;
}

/** The outcome of each alias, in order: 'ok' (a token), or the error's reason. */
async function outcomes(
  app: TestApp,
  credentials: { email: string; password: string }[],
  ip: string,
): Promise<string[]> {
  const response = await app.gql.request<Record<string, { accessToken: string } | null>>(
    aliasedLogins(credentials),
    {},
    { 'x-forwarded-for': ip },
  );
  const byAlias = new Map<string, GraphqlError>(
    (response.errors ?? []).map((error) => [String(error.path?.[0]), error]),
  );
  return credentials.map((_, index) => {
    const error = byAlias.get(`a${index}`);
    if (error) return String(error.extensions?.reason);
    return response.data?.[`a${index}`]?.accessToken ? 'ok' : 'not executed';
  });
}

const repeat = <T>(count: number, value: T): T[] => Array.from({ length: count }, () => value);

describe('login rate limit (Redis counters per IP and per email)', () => {
  let app: TestApp;
  let factory: IdentityFactory;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
  });

  afterAll(() => app.close());

  it('counts aliased logins in one request one by one, per email and address', async () => {
    const victim = await factory.talent();
    const guesses = repeat(LIMIT + 2, { email: victim.email, password: 'guess-guess-guess' });
    const ip = testIp();
    expect(await outcomes(app, guesses, ip)).toEqual([
      ...repeat(LIMIT, 'INVALID_CREDENTIALS'),
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
    // the email stays locked from that address, even with the right password (from another
    // address the owner still signs in: see test/security/rate-limits.e2e-spec.ts)
    const response = await app.gql.request(
      aliasedLogins([{ email: victim.email, password: TEST_PASSWORD }]),
      {},
      { 'x-forwarded-for': ip },
    );
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'RATE_LIMITED',
      retryAfterSeconds: expect.any(Number),
    });
    // sessions that already exist are not affected
    expect((await victim.gql.request('{ me { id } }')).errors).toBeUndefined();
  });

  it('counts each operation of a batched HTTP request too', async () => {
    const victim = await factory.talent();
    const operation = {
      query:
        'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
      variables: { e: victim.email, p: 'guess-guess-guess' },
    };
    // GRAPHQL_MAX_BATCH is 5: two full batches make the limit
    const ip = testIp();
    for (let batches = 0; batches < LIMIT / 5; batches += 1) {
      const batch = await app.gql.post<{ errors?: GraphqlError[] }[]>(repeat(5, operation), {
        'x-forwarded-for': ip,
      });
      expect(batch.map((result) => result.errors?.[0].extensions?.reason)).toEqual(
        repeat(5, 'INVALID_CREDENTIALS'),
      );
    }
    expect(await outcomes(app, [{ email: victim.email, password: TEST_PASSWORD }], ip)).toEqual([
      'RATE_LIMITED',
    ]);
  });

  it('limits one address across many emails', async () => {
    const ip = testIp();
    const sprayed = Array.from({ length: LIMIT + 1 }, () => ({
      email: factory.email('ghost'),
      password: 'guess-guess-guess',
    }));
    expect(await outcomes(app, sprayed, ip)).toEqual([
      ...repeat(LIMIT, 'INVALID_CREDENTIALS'),
      'RATE_LIMITED',
    ]);
    const user = await factory.talent();
    const fromThatAddress = await outcomes(
      app,
      [{ email: user.email, password: TEST_PASSWORD }],
      ip,
    );
    expect(fromThatAddress).toEqual(['RATE_LIMITED']);
    const fromElsewhere = await outcomes(
      app,
      [{ email: user.email, password: TEST_PASSWORD }],
      testIp(),
    );
    expect(fromElsewhere).toEqual(['ok']);
  });

  it('does not count successful logins against anyone', async () => {
    const user = await factory.talent();
    const ip = testIp();
    const logins = repeat(LIMIT + 5, { email: user.email, password: TEST_PASSWORD });
    expect(await outcomes(app, logins, ip)).toEqual(repeat(LIMIT + 5, 'ok'));
  });

  it('keeps its counters in Redis, so every API replica enforces one limit', async () => {
    const replica = await startTestApp();
    try {
      const user = await factory.talent();
      const ip = testIp();
      const wrong = { email: user.email, password: 'guess-guess-guess' };
      expect(await outcomes(app, repeat(6, wrong), ip)).toEqual(repeat(6, 'INVALID_CREDENTIALS'));
      // the same address through another replica shares the (email, IP) counter
      expect(await outcomes(replica, repeat(6, wrong), ip)).toEqual([
        ...repeat(4, 'INVALID_CREDENTIALS'),
        'RATE_LIMITED',
        'RATE_LIMITED',
      ]);

      const redis = new Redis(process.env.REDIS_URL!);
      try {
        const key = `${process.env.QUEUE_PREFIX}:login-limit:ip:${ip}`;
        // 6 + 4 counted; the 2 refused attempts were given back
        expect(Number(await redis.get(key))).toBe(10);
        const ttl = await redis.ttl(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(900);
        // no key holds the email in clear
        const keys = await redis.keys(`${process.env.QUEUE_PREFIX}:login-limit:*`);
        expect(keys.some((k) => k.includes(user.email))).toBe(false);
      } finally {
        await redis.quit();
      }
    } finally {
      await replica.close();
    }
  });

  it('validation errors are not login attempts', async () => {
    const ip = testIp();
    const bad = repeat(LIMIT + 1, { email: 'not-an-email', password: 'x' });
    const response = await app.gql.request(aliasedLogins(bad), {}, { 'x-forwarded-for': ip });
    expect(response.errors?.every((error) => error.extensions?.code === 'BAD_USER_INPUT')).toBe(
      true,
    );
    const user = await factory.talent();
    expect(await outcomes(app, [{ email: user.email, password: TEST_PASSWORD }], ip)).toEqual([
      'ok',
    ]);
  });
});
