import { GraphqlClient } from '../support/graphql-client';
import { IdentityFactory } from '../support/identity.factory';
import { startTestApp, eventually, TestApp } from '../support/test-app';

describe('queue pipeline: API → Redis → worker → PostgreSQL', () => {
  let app: TestApp;
  let admin: GraphqlClient;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    // the canary is an operator tool: ADMIN only
    admin = (await new IdentityFactory(app).admin()).gql;
  });

  afterAll(() => app.close());

  it('only an ADMIN may launch or read a canary', async () => {
    const count = async () =>
      Number((await app.db.query('SELECT count(*) AS n FROM worker_canary'))[0].n);
    const before = await count();
    const anonymous = await app.gql.request('mutation { launchWorkerCanary { id } }');
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const talent = await new IdentityFactory(app).talent();
    const refused = await talent.gql.request('mutation { launchWorkerCanary { id } }');
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  it('a canary launched over GraphQL is processed by the worker and stored', async () => {
    const { launchWorkerCanary } = await admin.data<{
      launchWorkerCanary: { id: string; status: string };
    }>('mutation { launchWorkerCanary { id status } }');
    expect(launchWorkerCanary.status).toBe('QUEUED');

    const row = await eventually(async () => {
      const [canary] = await app.db.query(
        'SELECT status, processed_by, attempts FROM worker_canary WHERE id = $1',
        [launchWorkerCanary.id],
      );
      return canary?.status === 'PROCESSED' ? canary : undefined;
    });
    expect(row.processed_by).toMatch(/:\d+$/);
    expect(row.attempts).toBe(1);

    const { workerCanary } = await admin.data<{
      workerCanary: { status: string; processedAt: string };
    }>('query($id: ID!) { workerCanary(id: $id) { status processedAt } }', {
      id: launchWorkerCanary.id,
    });
    expect(workerCanary.status).toBe('PROCESSED');
    expect(new Date(workerCanary.processedAt).getTime()).not.toBeNaN();
  });
});
