import { withEnv } from '../support/env-override';
import { GraphqlError } from '../support/graphql-client';
import { countQueries } from '../support/sql-counter';
import { startTestApp, TestApp } from '../support/test-app';

const SECRET = 'correct-horse-battery-SECRET';

/** Nothing an attacker could learn the schema or a secret from. */
function expectHygienic(errors: GraphqlError[] | undefined) {
  const text = JSON.stringify(errors);
  expect(text).not.toMatch(/Did you mean/);
  expect(text).not.toContain(SECRET);
  expect(errors?.every((error) => error.extensions?.code === 'BAD_USER_INPUT')).toBe(true);
}

describe('hostile inputs are refused as the client error they are (production mode)', () => {
  let app: TestApp;
  const env = withEnv({ NODE_ENV: 'production' });

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
    env.restore();
  });

  describe('page sizes', () => {
    const costly = Array.from(
      { length: 25 },
      (_, i) => `p${i}: projects(first: 100) { edges { node { id title } } }`,
    ).join(' ');

    it('a negative first no longer hides the cost of the rest, and no SQL runs', async () => {
      const alone = await app.gql.request(`{ ${costly} }`);
      expect(alone.errors?.[0].extensions?.reason).toBe('QUERY_TOO_COMPLEX');
      let response: Awaited<ReturnType<typeof app.gql.request>> | undefined;
      const statements = await countQueries(app.db, async () => {
        response = await app.gql.request(`{ ${costly} cities(first: -1000000) { totalCount } }`);
      });
      expect(response?.status).toBe(400);
      expect(response?.errors?.[0]).toMatchObject({
        message: 'cities(first) must be a positive whole number',
        extensions: { code: 'BAD_USER_INPUT', reason: 'INVALID_PAGE_SIZE' },
      });
      expect(statements).toEqual([]);
    });

    it('refuses a zero or negative page size sent in a variable, or as last', async () => {
      for (const [query, variables] of [
        ['query($n: Int) { cities(first: $n) { totalCount } }', { n: 0 }],
        ['{ cities(last: -5) { totalCount } }', {}],
      ] as const) {
        const response = await app.gql.request(query, variables);
        expect(response.errors?.[0].extensions?.reason).toBe('INVALID_PAGE_SIZE');
      }
    });
  });

  describe('error hygiene', () => {
    it('a typo in a variable gets no suggestion and no echo of the password', async () => {
      const response = await app.gql.request(
        'mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }',
        {
          input: {
            email: 'typo@test.creative-chain.example',
            displayName: 'Typo',
            passwrd: SECRET,
            password: SECRET,
            roles: ['TALENT'],
          },
        },
      );
      expectHygienic(response.errors);
      expect(response.errors?.[0].message).toBe(
        'Variable "$input" got an invalid value; Field "passwrd" is not defined by type "SignUpInput".',
      );
    });

    it('a typo in a field or an argument value gets no suggestion', async () => {
      expectHygienic((await app.gql.request('{ citys { totalCount } }')).errors);
      const literal = await app.gql.request(`{ cities(first: "${SECRET}") { totalCount } }`);
      expectHygienic(literal.errors);
    });

    it('an overflowing number names the field, not the value', async () => {
      const response = await app.gql.request(
        'query($n: Int) { cities(first: $n) { totalCount } }',
        { n: 1e20 },
      );
      expectHygienic(response.errors);
      expect(response.errors?.[0].message).toBe(
        'Variable "$n" got an invalid value; Int cannot represent non 32-bit signed integer value',
      );
    });

    it('a NUL character is BAD_USER_INPUT naming the field, not an SQL failure', async () => {
      const response = await app.gql.request(
        'mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }',
        {
          input: {
            email: 'nul@test.creative-chain.example',
            displayName: 'Nul\u0000Byte',
            password: SECRET,
            roles: ['TALENT'],
          },
        },
      );
      expectHygienic(response.errors);
      expect(response.errors?.[0].extensions).toMatchObject({
        reason: 'VALIDATION_FAILED',
        fieldErrors: [{ field: 'input.displayName', message: 'must not contain NUL characters' }],
      });
    });

    it('crafted and undecodable cursors are BAD_USER_INPUT naming the argument', async () => {
      const crafted = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
      for (const cursor of [
        'not-a-cursor',
        crafted(['2026-01-01T00:00:00.000Z', "x' OR 1=1"]),
        crafted(['not a date', '00000000-0000-4000-8000-000000000000']),
        crafted([{ $gt: 1 }, '00000000-0000-4000-8000-000000000000']),
      ]) {
        const response = await app.gql.request(
          'query($c: String) { projects(after: $c) { totalCount } }',
          { c: cursor },
        );
        expectHygienic(response.errors);
        expect(response.errors?.[0].extensions).toMatchObject({
          reason: 'INVALID_CURSOR',
          fieldErrors: [{ field: 'after', message: 'is not a valid cursor' }],
        });
      }
    });
  });
});
