import { GraphqlError } from '../support/graphql-client';
import { IdentityFactory, TEST_PASSWORD, testIp } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

const SIGN_UP = `mutation($input: SignUpInput!) {
  signUp(input: $input) { accessToken refreshToken accessTokenExpiresAt user { id email displayName roles } }
}`;
const LOGIN = `mutation($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken user { id email } }
}`;

function fieldsOf(error: GraphqlError | undefined): string[] {
  return ((error?.extensions?.fieldErrors as { field: string }[] | undefined) ?? []).map(
    (fieldError) => fieldError.field,
  );
}

describe('accounts: sign-up, login, me, profile, password', () => {
  let app: TestApp;
  let factory: IdentityFactory;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
  });

  afterAll(() => app.close());

  describe('signUp', () => {
    it('creates the account with its self-service roles and signs it in', async () => {
      const email = factory.email('Mixed.Case');
      const { signUp } = await app.gql.data<{
        signUp: {
          accessToken: string;
          refreshToken: string;
          accessTokenExpiresAt: string;
          user: { id: string; email: string; displayName: string; roles: string[] };
        };
      }>(SIGN_UP, {
        input: {
          email: `  ${email.toUpperCase()} `,
          password: TEST_PASSWORD,
          displayName: '  Li Wei ',
          roles: ['TALENT', 'MANUFACTURER'],
        },
      });
      expect(signUp.user).toMatchObject({
        email: email.toLowerCase(),
        displayName: 'Li Wei',
        roles: ['TALENT', 'MANUFACTURER'],
      });
      const lifetime = new Date(signUp.accessTokenExpiresAt).getTime() - Date.now();
      expect(lifetime).toBeGreaterThan(0);
      expect(lifetime).toBeLessThanOrEqual(15 * 60 * 1000);
      const { me } = await app.gql
        .as(signUp.accessToken)
        .data<{ me: { id: string } }>('{ me { id } }');
      expect(me.id).toBe(signUp.user.id);
    });

    it('stores the password as argon2id (m ≥ 19 MiB, t ≥ 2, p = 1), never in clear', async () => {
      const user = await factory.talent();
      const [row] = await app.db.query('SELECT password_hash FROM user_account WHERE id = $1', [
        user.id,
      ]);
      const match = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(row.password_hash);
      expect(match).not.toBeNull();
      expect(Number(match![1])).toBeGreaterThanOrEqual(19456);
      expect(Number(match![2])).toBeGreaterThanOrEqual(2);
      expect(Number(match![3])).toBe(1);
      expect(row.password_hash).not.toContain(TEST_PASSWORD);
    });

    it('answers a duplicate email (in any case) with CONFLICT and creates nothing', async () => {
      const first = await factory.talent();
      const response = await app.gql.request(SIGN_UP, {
        input: {
          email: first.email.toUpperCase(),
          password: TEST_PASSWORD,
          displayName: 'Copy',
          roles: ['RETAILER'],
        },
      });
      expect(response.errors?.[0].extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'EMAIL_TAKEN',
      });
      const [{ n }] = await app.db.query(
        'SELECT count(*)::int AS n FROM user_account WHERE email = $1',
        [first.email],
      );
      expect(n).toBe(1);
    });

    it('never grants ADMIN or OFFICIAL at sign-up', async () => {
      const email = factory.email('wannabe');
      const admin = await app.gql.request(SIGN_UP, {
        input: { email, password: TEST_PASSWORD, displayName: 'X', roles: ['TALENT', 'ADMIN'] },
      });
      expect(admin.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(fieldsOf(admin.errors?.[0])).toEqual(['roles']);
      expect(
        await app.db.query('SELECT 1 FROM user_account WHERE email = $1', [email]),
      ).toHaveLength(0);

      const city = await factory.defaultCity();
      const official = await factory.signUp({
        roles: ['TALENT', 'OFFICIAL'] as never,
        officialRequest: { cityId: city.cityId, department: 'TOURISM' as never },
      });
      expect(official.roles).toEqual(['TALENT']);
      const { myRoleRequests } = await official.gql.data<{
        myRoleRequests: { edges: { node: { role: string; status: string; department: string } }[] };
      }>('{ myRoleRequests { edges { node { role status department } } } }');
      expect(myRoleRequests.edges.map((edge) => edge.node)).toEqual([
        { role: 'OFFICIAL', status: 'PENDING', department: 'TOURISM' },
      ]);
    });

    it('names every bad field', async () => {
      const response = await app.gql.request(SIGN_UP, {
        input: { email: 'not-an-email', password: 'short', displayName: '   ', roles: [] },
      });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(new Set(fieldsOf(response.errors?.[0]))).toEqual(
        new Set(['email', 'password', 'displayName', 'roles']),
      );
    });

    it('names nested bad fields, and officialRequest when OFFICIAL is asked for without it', async () => {
      const nested = await app.gql.request(SIGN_UP, {
        input: {
          email: factory.email(),
          password: TEST_PASSWORD,
          displayName: 'Official',
          roles: ['OFFICIAL'],
          officialRequest: { cityId: 'nope', department: 'CULTURE' },
        },
      });
      expect(fieldsOf(nested.errors?.[0])).toEqual(['officialRequest.cityId']);
      const missing = await app.gql.request(SIGN_UP, {
        input: {
          email: factory.email(),
          password: TEST_PASSWORD,
          displayName: 'O',
          roles: ['OFFICIAL'],
        },
      });
      expect(fieldsOf(missing.errors?.[0])).toEqual(['officialRequest']);
    });

    it('refuses unknown input fields, naming them, instead of ignoring them', async () => {
      const response = await app.gql.request(SIGN_UP, {
        input: {
          email: factory.email(),
          password: TEST_PASSWORD,
          displayName: 'Sneaky',
          roles: ['TALENT'],
          isAdmin: true,
        },
      });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toContain('isAdmin');
    });
  });

  describe('login', () => {
    it('signs in with the right password, whatever the email case', async () => {
      const user = await factory.talent();
      const response = await app.gql.request<{ login: { user: { id: string } } }>(
        LOGIN,
        { email: user.email.toUpperCase(), password: TEST_PASSWORD },
        { 'x-forwarded-for': testIp() },
      );
      expect(response.data?.login.user.id).toBe(user.id);
    });

    it('gives the same error for a wrong password and an unknown email', async () => {
      const user = await factory.talent();
      const ip = { 'x-forwarded-for': testIp() };
      const wrongPassword = await app.gql.request(
        LOGIN,
        { email: user.email, password: 'nope-nope-nope' },
        ip,
      );
      const unknownEmail = await app.gql.request(
        LOGIN,
        { email: factory.email('ghost'), password: TEST_PASSWORD },
        ip,
      );
      expect(wrongPassword.errors).toHaveLength(1);
      const strip = (errors?: GraphqlError[]) =>
        errors?.map(({ message, extensions }) => ({ message, extensions }));
      expect(strip(wrongPassword.errors)).toEqual(strip(unknownEmail.errors));
      expect(wrongPassword.errors?.[0].extensions).toEqual({
        code: 'UNAUTHENTICATED',
        reason: 'INVALID_CREDENTIALS',
      });
    });
  });

  describe('me and profile', () => {
    it('needs a signed-in user', async () => {
      const response = await app.gql.request('{ me { id } }');
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    });

    it('updates the display name only; roles and ownerId are unknown fields', async () => {
      const user = await factory.talent();
      const { updateMyProfile } = await user.gql.data<{
        updateMyProfile: { displayName: string };
      }>('mutation { updateMyProfile(input: { displayName: "Zhang Min" }) { displayName } }');
      expect(updateMyProfile.displayName).toBe('Zhang Min');

      for (const [field, value] of [
        ['roles', '[ADMIN]'],
        ['ownerId', '"00000000-0000-4000-8000-000000000000"'],
      ]) {
        const response = await user.gql.request(
          `mutation { updateMyProfile(input: { displayName: "X", ${field}: ${value} }) { displayName } }`,
        );
        expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
        expect(response.errors?.[0].message).toContain(`"${field}"`);
      }
      // the same through variables, where GraphQL coerces the input
      const viaVariables = await user.gql.request(
        'mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { displayName } }',
        { input: { displayName: 'Y', roles: ['ADMIN'] } },
      );
      expect(viaVariables.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(viaVariables.errors?.[0].message).toContain('"roles"');

      const [row] = await app.db.query(
        'SELECT roles::text[] AS roles, display_name FROM user_account WHERE id = $1',
        [user.id],
      );
      expect(row).toEqual({ roles: ['TALENT'], display_name: 'Zhang Min' });
    });

    it('shows an email to its owner and to ADMIN only (null for others)', async () => {
      const [owner, other, admin] = await Promise.all([
        factory.talent(),
        factory.talent(),
        factory.admin(),
      ]);
      const query = 'query($id: ID!) { user(id: $id) { id email displayName } }';
      const seen = async (viewer: typeof owner) =>
        (await viewer.gql.data<{ user: { email: string | null } }>(query, { id: owner.id })).user
          .email;
      expect(await seen(owner)).toBe(owner.email);
      expect(await seen(admin)).toBe(owner.email);
      expect(await seen(other)).toBeNull();
      // and through nested lists too
      const { users } = await admin.gql.data<{ users: { edges: { node: { email: string } }[] } }>(
        '{ users(first: 100, role: ADMIN) { edges { node { email } } } }',
      );
      expect(users.edges.every((edge) => edge.node.email)).toBe(true);
    });
  });

  describe('changePassword', () => {
    it('needs the current password, and ends the other sessions', async () => {
      const user = await factory.talent();
      const otherDevice = await factory.login(user.email);
      const wrong = await user.gql.request(
        'mutation { changePassword(input: { currentPassword: "not-it-at-all", newPassword: "another-long-secret" }) }',
      );
      expect(wrong.errors?.[0].extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fieldErrors: [{ field: 'currentPassword', message: 'is not correct' }],
      });
      const weak = await user.gql.request(
        `mutation { changePassword(input: { currentPassword: "${TEST_PASSWORD}", newPassword: "short" }) }`,
      );
      expect(fieldsOf(weak.errors?.[0])).toEqual(['newPassword']);

      await user.gql.data(
        `mutation { changePassword(input: { currentPassword: "${TEST_PASSWORD}", newPassword: "another-long-secret" }) }`,
      );
      // this session goes on; the other device is signed out
      await expect(user.gql.data('{ me { id } }')).resolves.toBeDefined();
      const stale = await otherDevice.gql.request('{ me { id } }');
      expect(stale.errors?.[0].extensions).toMatchObject({
        code: 'UNAUTHENTICATED',
        reason: 'SESSION_REVOKED',
      });
      const oldPassword = await app.gql.request(
        LOGIN,
        { email: user.email, password: TEST_PASSWORD },
        { 'x-forwarded-for': testIp() },
      );
      expect(oldPassword.errors?.[0].extensions?.reason).toBe('INVALID_CREDENTIALS');
      await expect(factory.login(user.email, 'another-long-secret')).resolves.toBeDefined();
    });
  });
});
