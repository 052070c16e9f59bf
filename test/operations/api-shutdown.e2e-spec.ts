import { Client } from 'pg';
import { Agent, request } from 'node:http';
import { IdentityFactory, TestUser } from '../support/identity.factory';
import { AppProcess, spawnApp } from '../support/app-process';
import { eventually, startTestApp, TestApp } from '../support/test-app';

const DELAY_MS = 1_000;
const GRACE_MS = 10_000;
const IN_FLIGHT = 50;
const LAUNCH = 'mutation { launchWorkerCanary { id } }';

/** The api as `main.ts` runs it, in its own process, so a real signal reaches it. */
const spawnApi = () =>
  spawnApp('api', {
    API_SHUTDOWN_DELAY_MS: String(DELAY_MS),
    API_SHUTDOWN_GRACE_MS: String(GRACE_MS),
  });

/**
 * Drill 14 (issue 17): SIGTERM to the api with 50 requests in flight. The requests are held in
 * flight by a lock on the table they insert into (taken by the test, released after the
 * listener has closed), so "in flight" is certain rather than a race.
 */
describe('drill: api shutdown with requests in flight', () => {
  let app: TestApp;
  let admin: TestUser;
  let api: AppProcess | undefined;

  beforeAll(async () => {
    app = await startTestApp();
    admin = await new IdentityFactory(app).admin();
  });

  afterAll(async () => {
    if (api && api.child.exitCode === null) api.child.kill('SIGKILL');
    await app.close();
  });

  it('turns readiness false first, completes all 50 requests without a reset, then exits 0 within the grace', async () => {
    api = await spawnApi();
    // Clients like a load balancer's: keep-alive connections, opened for this test only.
    const agent = new Agent({ keepAlive: true });
    const launch = () =>
      call(`${api!.url}/graphql`, {
        agent,
        body: JSON.stringify({ query: LAUNCH }),
        headers: { authorization: `Bearer ${admin.accessToken}` },
      });
    const canariesBefore = await countCanaries(app);
    const lock = new Client({ connectionString: process.env.DATABASE_URL });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE worker_canary IN SHARE MODE');
    let released = false;
    try {
      const requests = Array.from({ length: IN_FLIGHT }, () =>
        launch().then(
          (response) => ({ ok: true as const, response }),
          (error: NodeJS.ErrnoException) => ({ ok: false as const, error: error.code }),
        ),
      );
      // Held: inserts wait on the lock (the rest wait for one of them or for a pool slot).
      await eventually(async () => (await blockedBy(lock)) > 0);

      const signalled = Date.now();
      api.child.kill('SIGTERM');
      // The signal and this request race to the api's event loop: a readiness check that got in
      // first reports its dependencies (the held requests hold the pool, so postgres may time
      // out). Readiness must name the shutdown, with a 503, while the listener still answers.
      const draining = await eventually(async () => {
        const ready = await call(`${api!.url}/health/ready`);
        const body = JSON.parse(ready.body);
        return body.checks?.shutdown ? { status: ready.status, body } : undefined;
      });
      expect(draining).toEqual({
        status: 503,
        body: {
          status: 'error',
          checks: { shutdown: { status: 'down', error: 'shutting down (SIGTERM)' } },
        },
      });

      // Once the delay is over the listener is closed: a new connection is refused.
      await eventually(async () =>
        call(`${api!.url}/health/live`).then(
          () => false,
          (error: NodeJS.ErrnoException) => error.code === 'ECONNREFUSED',
        ),
      );
      expect(api.child.exitCode).toBeNull();
      await lock.query('COMMIT');
      released = true;

      const outcomes = await Promise.all(requests);
      const failures = outcomes.filter(
        (outcome) =>
          !outcome.ok ||
          outcome.response.status !== 200 ||
          JSON.parse(outcome.response.body).errors,
      );
      expect(failures).toEqual([]);
      const ids = outcomes.map(
        (outcome) => outcome.ok && JSON.parse(outcome.response.body).data.launchWorkerCanary.id,
      );
      expect(new Set(ids).size).toBe(IN_FLIGHT);
      expect(await countCanaries(app)).toBe(canariesBefore + IN_FLIGHT);

      const exit = await api.exited;
      expect(exit).toMatchObject({ code: 0, signal: null });
      const took = exit.at - signalled;
      process.stderr.write(`api shutdown drill: exited ${took} ms after SIGTERM\n`);
      expect(took).toBeLessThan(DELAY_MS + GRACE_MS);
    } finally {
      if (!released) await lock.query('ROLLBACK').catch(() => undefined);
      await lock.end();
    }
  }, 180_000);
});

/**
 * One HTTP call on its own connection unless an agent is given (fetch's shared pool could reuse a
 * socket the server's keep-alive timeout just closed, a client-side reset this drill is not about).
 */
function call(
  url: string,
  options: { agent?: Agent; body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: options.body ? 'POST' : 'GET',
        agent: options.agent ?? false,
        headers: { 'content-type': 'application/json', ...options.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** Sessions waiting for a lock that `client` holds. */
async function blockedBy(client: Client): Promise<number> {
  const { rows } = await client.query(
    'SELECT count(*)::int AS n FROM pg_stat_activity WHERE pg_backend_pid() = ANY(pg_blocking_pids(pid))',
  );
  return rows[0].n as number;
}

async function countCanaries(app: TestApp): Promise<number> {
  return (await app.db.query('SELECT count(*)::int AS n FROM worker_canary'))[0].n;
}
