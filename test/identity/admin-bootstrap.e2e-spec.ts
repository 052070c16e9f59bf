import { withEnv } from '../support/env-override';
import { IdentityFactory, testIp } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

const PASSWORD = 'operator-chosen-secret';
const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { user { roles } }
}`;

/** Starts an API with BOOTSTRAP_ADMIN_* set, as an operator would. */
async function startWithBootstrapAdmin(email: string, password = PASSWORD): Promise<TestApp> {
  const env = withEnv({ BOOTSTRAP_ADMIN_EMAIL: email, BOOTSTRAP_ADMIN_PASSWORD: password });
  try {
    return await startTestApp();
  } finally {
    env.restore();
  }
}

async function rolesAfterLogin(app: TestApp, email: string, password: string) {
  const response = await app.gql.request<{ login: { user: { roles: string[] } } }>(
    LOGIN,
    { email, password },
    { 'x-forwarded-for': testIp() },
  );
  return response.data?.login?.user.roles ?? response.errors?.[0].extensions?.reason;
}

describe('the first ADMIN comes from BOOTSTRAP_ADMIN_EMAIL/PASSWORD, never from sign-up', () => {
  let app: TestApp;
  let factory: IdentityFactory;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
  });

  afterAll(() => app.close());

  it('creates the account at start-up, once, however often the API starts', async () => {
    const email = factory.email('operator');
    for (let start = 0; start < 2; start += 1) {
      const booted = await startWithBootstrapAdmin(email);
      await booted.close();
    }
    expect(await rolesAfterLogin(app, email, PASSWORD)).toEqual(['ADMIN']);
    const rows = await app.db.query('SELECT 1 FROM user_account WHERE email = $1', [email]);
    expect(rows).toHaveLength(1);
  });

  it('does not promote an account someone else registered with that email first', async () => {
    const squatter = await factory.signUp({
      roles: ['TALENT' as never],
      password: 'squatter-password',
    });
    const booted = await startWithBootstrapAdmin(squatter.email);
    await booted.close();
    expect(await rolesAfterLogin(app, squatter.email, 'squatter-password')).toEqual(['TALENT']);
  });

  it('promotes an existing account when the operator proves its password', async () => {
    const user = await factory.signUp({ roles: ['TALENT' as never], password: PASSWORD });
    const booted = await startWithBootstrapAdmin(user.email);
    await booted.close();
    expect(await rolesAfterLogin(app, user.email, PASSWORD)).toEqual(['TALENT', 'ADMIN']);
  });
});
