import { GraphqlError } from '../support/graphql-client';
import { IdentityFactory, TEST_PASSWORD, TestUser, testIp } from '../support/identity.factory';
import { PrivateRedis } from '../support/private-redis';
import { startTestApp, TestApp } from '../support/test-app';

const reasonOf = (response: { errors?: GraphqlError[] }) =>
  String(response.errors?.[0]?.extensions?.reason ?? 'ok');

/**
 * With Redis gone, the general budgets fail open (the API keeps answering, as the outage drills
 * need) but the budgets against credential guessing are counted in the API process: an outage
 * is not a free-for-all for guessing passwords.
 */
describe('credential rate limits while Redis is down', () => {
  let redis: PrivateRedis;
  let app: TestApp;
  let owner: TestUser;
  let user: TestUser;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    app = await startTestApp({
      env: { REDIS_URL: redis.url, RATE_LIMITS: 'ip=20/60', LOGIN_RATE_LIMIT: '4' },
    });
    const factory = new IdentityFactory(app);
    [owner, user] = [await factory.talent(), await factory.talent()];
    await redis.down('SIGKILL');
  });

  afterAll(async () => {
    await app.close();
    await redis.stop();
  });

  it('the general budget fails open: more requests than it allows are answered', async () => {
    const ip = testIp();
    const reasons: string[] = [];
    for (let i = 0; i < 25; i += 1) {
      reasons.push(
        reasonOf(await app.gql.request('{ __typename }', {}, { 'x-forwarded-for': ip })),
      );
    }
    expect(reasons).toEqual(Array.from({ length: 25 }, () => 'ok'));
  });

  it('login guesses for one account from one address are limited in process', async () => {
    const ip = testIp();
    const reasons: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await app.gql.request(
        'mutation($email: String!) { login(email: $email, password: "guess-guess-guess") { accessToken } }',
        { email: owner.email },
        { 'x-forwarded-for': ip },
      );
      reasons.push(reasonOf(response));
    }
    expect(reasons).toEqual([
      ...Array.from({ length: 4 }, () => 'INVALID_CREDENTIALS'),
      'RATE_LIMITED',
      'RATE_LIMITED',
    ]);
    // the owner, from another address, still signs in
    const fromOwner = await app.gql.request(
      'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }',
      { email: owner.email, password: TEST_PASSWORD },
      { 'x-forwarded-for': testIp() },
    );
    expect(reasonOf(fromOwner)).toBe('ok');
  });

  it('signUp, refreshSession and changePassword keep their budgets', async () => {
    const ip = testIp();
    const tag = `outage${Date.now()}`;
    const signUps: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await app.gql.request(
        `mutation { signUp(input: { email: "${tag}-${i}@test.creative-chain.example", password: "${TEST_PASSWORD}", displayName: "O", roles: [TALENT] }) { accessToken } }`,
        {},
        { 'x-forwarded-for': ip },
      );
      signUps.push(reasonOf(response));
    }
    expect(signUps).toEqual([...Array.from({ length: 5 }, () => 'ok'), 'RATE_LIMITED']);

    const refreshes: string[] = [];
    for (let i = 0; i < 31; i += 1) {
      const response = await app.gql.request(
        `mutation { refreshSession(refreshToken: "bogus-${i}") { accessToken } }`,
        {},
        { 'x-forwarded-for': ip },
      );
      refreshes.push(reasonOf(response));
    }
    expect(refreshes.slice(30)).toEqual(['RATE_LIMITED']);
    expect(refreshes.slice(0, 30)).not.toContain('RATE_LIMITED');

    const changes: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const response = await user.gql.request(
        'mutation { changePassword(input: { currentPassword: "guess-guess-guess", newPassword: "another-password-1" }) }',
      );
      changes.push(reasonOf(response));
    }
    expect(changes).toEqual([
      ...Array.from({ length: 5 }, () => 'WRONG_CURRENT_PASSWORD'),
      'RATE_LIMITED',
    ]);
  });
});
