import { withEnv } from '../support/env-override';
import { GraphqlError } from '../support/graphql-client';
import { IdentityFactory, TEST_PASSWORD, testIp } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

const repeat = <T>(count: number, value: T): T[] => Array.from({ length: count }, () => value);

/** The outcome of each alias a0..an, in order: 'ok' or the error's reason. */
function outcomes(
  response: { data?: Record<string, unknown> | null; errors?: GraphqlError[] },
  count: number,
): string[] {
  const byAlias = new Map(
    (response.errors ?? []).map((error) => [String(error.path?.[0]), error] as const),
  );
  return Array.from({ length: count }, (_, index) => {
    const error = byAlias.get(`a${index}`);
    if (error) return String(error.extensions?.reason);
    return response.data?.[`a${index}`] ? 'ok' : 'not executed';
  });
}

const login = (email: string, password: string) =>
  `login(email: ${JSON.stringify(email)}, password: ${JSON.stringify(password)}) { accessToken }`;

const aliased = (count: number, field: (index: number) => string, operation = 'mutation') =>
  `${operation} { ${Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join('\n')} }`;

describe('rate limits as policy (production mode, production budgets)', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  // the general budgets are lowered so that the test spends them quickly; the others are defaults
  const env = withEnv({
    NODE_ENV: 'production',
    RATE_LIMITS: 'ip=200/60,account=100/60',
    LOGIN_EMAIL_RATE_LIMIT: '15',
  });

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
  });

  afterAll(async () => {
    await app.close();
    env.restore();
  });

  it('5 batched operations of 30 aliased signUps create 5 accounts, not 150', async () => {
    const ip = testIp();
    const tag = `burst${Date.now()}`;
    const operation = (batchIndex: number) => ({
      query: aliased(
        30,
        (i) =>
          `signUp(input: { email: "${tag}-${batchIndex}-${i}@test.creative-chain.example", password: "${TEST_PASSWORD}", displayName: "B", roles: [TALENT] }) { accessToken }`,
      ),
    });
    const started = process.cpuUsage();
    const batch = await app.gql.post<{ data?: Record<string, unknown>; errors?: GraphqlError[] }[]>(
      Array.from({ length: 5 }, (_, batchIndex) => operation(batchIndex)),
      { 'x-forwarded-for': ip },
    );
    const cpu = process.cpuUsage(started);
    // a non-null mutation field that fails stops the rest of its operation: one refusal each
    const reasons = batch.flatMap((response) =>
      (response.errors ?? []).map((error) => error.extensions?.reason),
    );
    expect(reasons).toEqual(repeat(5, 'RATE_LIMITED'));
    const [{ n }] = await app.db.query<{ n: number }[]>(
      'SELECT count(*)::int AS n FROM user_account WHERE email LIKE $1',
      [`${tag}-%`],
    );
    expect(n).toBe(5);
    // 5 password hashes, not 150
    expect((cpu.user + cpu.system) / 1000).toBeLessThan(2000);
  });

  it("a stranger's wrong guesses do not lock the owner out", async () => {
    const owner = await factory.talent();
    const stranger = testIp();
    const guesses = await app.gql.request(
      aliased(30, () => login(owner.email, 'guess-guess-guess')),
      {},
      { 'x-forwarded-for': stranger },
    );
    expect(outcomes(guesses, 30)).toEqual([
      ...repeat(10, 'INVALID_CREDENTIALS'),
      ...repeat(20, 'RATE_LIMITED'),
    ]);
    // the stranger's address stays limited for this email, even with the right password
    const fromStranger = await app.gql.request(
      aliased(1, () => login(owner.email, TEST_PASSWORD)),
      {},
      { 'x-forwarded-for': stranger },
    );
    expect(outcomes(fromStranger, 1)).toEqual(['RATE_LIMITED']);
    // the owner, from their own address, signs in
    const fromOwner = await app.gql.request(
      aliased(1, () => login(owner.email, TEST_PASSWORD)),
      {},
      { 'x-forwarded-for': testIp() },
    );
    expect(outcomes(fromOwner, 1)).toEqual(['ok']);
  });

  it('a guess spread over many addresses meets the per-email ceiling (LOGIN_EMAIL_RATE_LIMIT)', async () => {
    const owner = await factory.talent();
    const wrong = aliased(8, () => login(owner.email, 'guess-guess-guess'));
    const first = await app.gql.request(wrong, {}, { 'x-forwarded-for': testIp() });
    const second = await app.gql.request(wrong, {}, { 'x-forwarded-for': testIp() });
    expect([...outcomes(first, 8), ...outcomes(second, 8)]).toEqual([
      ...repeat(15, 'INVALID_CREDENTIALS'),
      'RATE_LIMITED',
    ]);
  });

  it('changePassword allows 5 attempts per 15 minutes', async () => {
    const user = await factory.talent();
    const reasons: string[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      const response = await user.gql.request(
        'mutation { changePassword(input: { currentPassword: "guess-guess-guess", newPassword: "another-password-1" }) }',
      );
      reasons.push(String(response.errors?.[0].extensions?.reason));
    }
    expect(reasons).toEqual([
      ...repeat(5, 'WRONG_CURRENT_PASSWORD'),
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
  });

  it('refreshSession allows 30 per minute per address', async () => {
    const ip = testIp();
    const reasons: string[] = [];
    for (let attempt = 0; attempt < 31; attempt += 1) {
      const response = await app.gql.request(
        `mutation { refreshSession(refreshToken: "bogus-${attempt}") { accessToken } }`,
        {},
        { 'x-forwarded-for': ip },
      );
      reasons.push(String(response.errors?.[0].extensions?.reason));
    }
    expect(reasons).toEqual([...repeat(30, 'REFRESH_TOKEN_INVALID'), 'RATE_LIMITED']);
  });

  it('every root field spends the general budget per address and per account', async () => {
    const ip = testIp();
    const query = aliased(25, () => 'cities(first: 1) { totalCount }', 'query');
    /** Refusals for the budget (the first one nulls the non-null root, hiding the rest). */
    const refusals = (response: { errors?: GraphqlError[] }) =>
      (response.errors ?? []).filter((error) => error.extensions?.reason === 'RATE_LIMITED').length;
    const fromOneAddress: number[] = [];
    for (let request = 0; request < 9; request += 1) {
      fromOneAddress.push(refusals(await app.gql.request(query, {}, { 'x-forwarded-for': ip })));
    }
    // 8 requests of 25 aliases spend the 200 exactly: aliases count one by one
    expect(fromOneAddress.slice(0, 8)).toEqual(repeat(8, 0));
    expect(fromOneAddress[8]).toBeGreaterThan(0);

    const user = await factory.talent();
    const fromOneAccount: number[] = [];
    for (let request = 0; request < 5; request += 1) {
      // a new address each time: the account budget still holds
      const response = await user.gql.request(query, {}, { 'x-forwarded-for': testIp() });
      fromOneAccount.push(refusals(response));
    }
    expect(fromOneAccount.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(fromOneAccount[4]).toBeGreaterThan(0);
  });
});

describe('default TRUST_PROXY trusts no forwarded header', () => {
  let app: TestApp;
  let previous: string | undefined;

  beforeAll(async () => {
    previous = process.env.TRUST_PROXY;
    delete process.env.TRUST_PROXY;
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
    process.env.TRUST_PROXY = previous;
  });

  it('rotating X-Forwarded-For from a local peer does not escape the per-IP login limit', async () => {
    const results: string[] = [];
    for (let attempt = 0; attempt < 11; attempt += 1) {
      const response = await app.gql.request(
        aliased(1, () =>
          login(`sprayed-${attempt}-${Date.now()}@test.creative-chain.example`, 'guess-guess'),
        ),
        {},
        { 'x-forwarded-for': testIp() },
      );
      results.push(...outcomes(response, 1));
    }
    expect(results).toEqual([...repeat(10, 'INVALID_CREDENTIALS'), 'RATE_LIMITED']);
  });
});
