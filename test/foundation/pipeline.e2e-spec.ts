import { startTestApp, eventually, TestApp } from '../support/test-app';

describe('queue pipeline: API → Redis → worker → PostgreSQL', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
  });

  afterAll(() => app.close());

  it('a canary launched over GraphQL is processed by the worker and stored', async () => {
    const { launchWorkerCanary } = await app.gql.data<{
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

    const { workerCanary } = await app.gql.data<{
      workerCanary: { status: string; processedAt: string };
    }>('query($id: ID!) { workerCanary(id: $id) { status processedAt } }', {
      id: launchWorkerCanary.id,
    });
    expect(workerCanary.status).toBe('PROCESSED');
    expect(new Date(workerCanary.processedAt).getTime()).not.toBeNaN();
  });
});
