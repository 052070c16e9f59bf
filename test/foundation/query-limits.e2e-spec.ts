import { withEnv } from '../support/env-override';
import { startTestApp, TestApp } from '../support/test-app';

describe('query and request limits', () => {
  let app: TestApp;
  const env = withEnv({
    GRAPHQL_MAX_DEPTH: '4',
    GRAPHQL_MAX_COMPLEXITY: '300',
    GRAPHQL_MAX_ALIASES: '3',
    GRAPHQL_MAX_BATCH: '2',
    HTTP_BODY_LIMIT: '4kb',
  });

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(async () => {
    await app.close();
    env.restore();
  });

  it('refuses a query deeper than GRAPHQL_MAX_DEPTH', async () => {
    expect(
      (await app.gql.request('{ cities { edges { node { name } } } }')).errors,
    ).toBeUndefined();
    const response = await app.gql.request(
      '{ culturalResources { edges { node { district { name } } } } }',
    );
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'QUERY_TOO_DEEP',
    });
    expect(response.errors?.[0].message).toBe('Query depth 5 exceeds the limit of 4');
  });

  it('refuses a query costlier than GRAPHQL_MAX_COMPLEXITY, counting page sizes', async () => {
    const cheap = await app.gql.request(
      '{ culturalResources(first: 10) { edges { node { name } } } }',
    );
    expect(cheap.errors).toBeUndefined();
    const costly = await app.gql.request(
      '{ culturalResources(first: 100) { edges { node { name } } } }',
    );
    expect(costly.status).toBe(400);
    expect(costly.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'QUERY_TOO_COMPLEX',
    });
  });

  it('refuses more aliases than GRAPHQL_MAX_ALIASES', async () => {
    const response = await app.gql.request(
      '{ a: cities { totalCount } b: cities { totalCount } c: cities { totalCount } d: cities { totalCount } }',
    );
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TOO_MANY_ALIASES',
    });
  });

  it('answers a batch up to GRAPHQL_MAX_BATCH and refuses a larger one', async () => {
    const operation = { query: '{ cities { totalCount } }' };
    const ok = await app.gql.post<unknown[]>([operation, operation]);
    expect(ok.status).toBe(200);
    expect(ok).toHaveLength(2);
    const refused = await app.gql.post<{ errors: { extensions: { reason: string } }[] }>([
      operation,
      operation,
      operation,
    ]);
    expect(refused.status).toBe(400);
    expect(refused.errors[0].extensions.reason).toBe('TOO_MANY_OPERATIONS');
  });

  it('refuses a body over HTTP_BODY_LIMIT with 413', async () => {
    const padding = `# ${'x'.repeat(5000)}\n`;
    const response = await app.gql.post<{ errors: { extensions: { reason: string } }[] }>({
      query: `${padding}{ cities { totalCount } }`,
    });
    expect(response.status).toBe(413);
    expect(response.errors[0].extensions.reason).toBe('PAYLOAD_TOO_LARGE');
  });
});
