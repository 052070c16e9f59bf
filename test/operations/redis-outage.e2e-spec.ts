import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { REDIS_CLIENT } from '@cc/redis';
import { QueueName, QueueService } from '@cc/queue';
import { WorkerHealthServer } from '../../apps/worker/src/worker-health.server';
import { CouplingScheduleRegistrar } from '../../libs/impact/src/coupling-jobs/coupling-schedule.registrar';
import { RECORD_SALE } from '../retail/retail-test-kit';
import { TestMember, TestUser } from '../support/identity.factory';
import { placedProduct } from '../support/placed-product';
import { PrivateRedis } from '../support/private-redis';
import { eventually, startTestApp, TestApp } from '../support/test-app';

interface HealthBody {
  status: string;
  checks: Record<string, { status: string; error?: string }>;
  warnings?: string[];
}

const health = async (url: string) => {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as HealthBody };
};
const apiHealth = (app: TestApp) => health(`${app.baseUrl}/health/ready`);
const workerHealth = (app: TestApp) =>
  health(`http://127.0.0.1:${app.worker!.get(WorkerHealthServer).port}/health/ready`);
const NIGHTLY = 'coupling-nightly-rebuild';

/**
 * Drills 6, 7, 8 and 15 (issue 17) against a Redis of the test's own, which it kills and
 * restarts: the API and the worker must keep their promises while it is gone and recover.
 */
describe('drill: Redis outages', () => {
  let redis: PrivateRedis;
  let app: TestApp;
  let admin: TestUser;
  let retailer: TestMember;
  let productId: string;
  let outletId: string;
  let saleNumber = 0;

  const recordSale = () => {
    saleNumber += 1;
    return retailer.gql.data<{ recordSale: { sale: { id: string; amountFen: number } } }>(
      RECORD_SALE,
      {
        input: {
          outletId,
          productId,
          quantity: 2,
          unitPrice: 1500,
          soldAt: new Date().toISOString(),
          externalId: `REDIS-DRILL-${saleNumber}`,
        },
      },
    );
  };

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    app = await startTestApp({ worker: true, env: { REDIS_URL: redis.url } });
    const placed = await placedProduct(app, { quantity: 1000, commissionBp: 3000 });
    ({ retailer, productId, outletId } = placed);
    admin = await placed.factory.admin();
  });

  afterAll(async () => {
    await redis.up().catch(() => undefined);
    await app.close();
    await redis.stop();
  });

  it('Redis down during a mutation: recordSale answers within 2 s with its committed result, and its events follow', async () => {
    const waiting = async (id: string): Promise<number> =>
      (
        await app.db.query('SELECT count(*)::int AS n FROM outbox_event WHERE job_id = $1', [
          `project-event.SALE_RECORDED.${id}`,
        ])
      )[0].n;
    let saleId = '';
    await redis.down();
    try {
      const started = Date.now();
      const { recordSale: recorded } = await recordSale();
      const elapsed = Date.now() - started;
      process.stderr.write(`redis drill: recordSale with Redis down answered in ${elapsed} ms\n`);
      expect(elapsed).toBeLessThan(2_000);
      expect(recorded.sale.amountFen).toBe(3000);
      const [row] = await app.db.query('SELECT amount_fen FROM sale WHERE id = $1', [
        recorded.sale.id,
      ]);
      expect(Number(row.amount_fen)).toBe(3000);
      // Nothing is lost: the sale's events wait in the outbox, committed with it.
      expect(await waiting(recorded.sale.id)).toBe(1);
      saleId = recorded.sale.id;
    } finally {
      await redis.up();
    }
    // ... and the worker's relay moves them once Redis is back.
    await eventually(async () => (await waiting(saleId)) === 0);
  });

  it('Redis hanging (connected, not answering): after one command times out, mutations skip it and answer at once', async () => {
    const client = app.api.get<Redis>(REDIS_CLIENT);
    const commands = jest.spyOn(client, 'eval');
    const elapsed: number[] = [];
    const redisCommands: number[] = [];
    // An earlier drill's outage may have left the circuit open: wait until requests reach Redis.
    await eventually(async () => {
      const before = commands.mock.calls.length;
      await app.gql.data('{ culturalResources(first: 1) { totalCount } }');
      return commands.mock.calls.length > before;
    });
    redis.freeze();
    try {
      for (let i = 0; i < 5; i += 1) {
        const started = Date.now();
        const { recordSale: recorded } = await recordSale();
        elapsed.push(Date.now() - started);
        redisCommands.push(commands.mock.calls.length);
        expect(recorded.sale.amountFen).toBe(3000);
      }
      process.stderr.write(
        `redis drill: recordSale with Redis hanging answered in ${elapsed.join(', ')} ms\n`,
      );
      // Only the first mutation's rate-limit hits went to Redis (and waited for the command
      // timeout); the next ones were counted without it while the circuit stays open.
      expect(redisCommands[0]).toBeGreaterThan(0);
      expect(redisCommands).toEqual(redisCommands.map(() => redisCommands[0]));
      expect(elapsed[0]).toBeLessThan(2_000);
    } finally {
      commands.mockRestore();
      redis.thaw();
    }
  });

  it('health names the failed dependency and recovers; queries that need no Redis keep answering', async () => {
    await redis.down();
    try {
      const api = await apiHealth(app);
      expect(api.status).toBe(503);
      expect(api.body.checks.postgres).toEqual({ status: 'up' });
      expect(api.body.checks.redis.status).toBe('down');
      const worker = await workerHealth(app);
      expect(worker.status).toBe(503);
      expect(worker.body.checks.redis.status).toBe('down');
      expect(worker.body.checks.postgres).toEqual({ status: 'up' });

      const started = Date.now();
      const { culturalResources } = await app.gql.data<{
        culturalResources: { totalCount: number };
      }>('{ culturalResources(first: 3) { totalCount } }');
      expect(culturalResources.totalCount).toBeGreaterThan(0);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await redis.up();
    }
    const recovered = await eventually(async () => {
      const [api, worker] = await Promise.all([apiHealth(app), workerHealth(app)]);
      return api.status === 200 && worker.status === 200 ? { api, worker } : null;
    });
    expect(recovered.api.body.checks.redis).toEqual({ status: 'up' });
    expect(recovered.worker.body.checks.schedules).toEqual({ status: 'up' });
  });

  it('a Redis restart that loses every key: schedules are registered again and later jobs come through', async () => {
    const queue = app.api.get(QueueService).queue(QueueName.COUPLING);
    expect(await queue.getJobScheduler(NIGHTLY)).toBeTruthy();
    await redis.down('SIGKILL');
    await redis.up();
    const scheduler = await eventually(() => queue.getJobScheduler(NIGHTLY));
    expect(scheduler).toMatchObject({ pattern: '30 3 * * *', tz: 'Asia/Shanghai' });
    await eventually(async () => (await workerHealth(app)).status === 200);

    const { launchWorkerCanary } = await admin.gql.data<{ launchWorkerCanary: { id: string } }>(
      'mutation { launchWorkerCanary { id } }',
    );
    await eventually(async () => {
      const [canary] = await app.db.query('SELECT status FROM worker_canary WHERE id = $1', [
        launchWorkerCanary.id,
      ]);
      return canary?.status === 'PROCESSED';
    });
  });

  it('health reports a missing schedule by name', async () => {
    const queue = app.api.get(QueueService).queue(QueueName.COUPLING);
    await queue.removeJobScheduler(NIGHTLY);
    try {
      const worker = await workerHealth(app);
      expect(worker.status).toBe(503);
      expect(worker.body.checks.schedules).toEqual({
        status: 'down',
        error: `job schedulers missing: coupling/${NIGHTLY}`,
      });
    } finally {
      await app.worker!.get(CouplingScheduleRegistrar).onApplicationBootstrap();
    }
    expect((await workerHealth(app)).status).toBe(200);
  });
});

describe('drill: Redis that may evict keys', () => {
  let redis: PrivateRedis;
  let app: TestApp;
  const errors = jest.spyOn(Logger.prototype, 'error');

  beforeAll(async () => {
    redis = await PrivateRedis.start({ maxmemoryPolicy: 'allkeys-lru' });
    app = await startTestApp({ worker: true, env: { REDIS_URL: redis.url } });
  });

  afterAll(async () => {
    errors.mockRestore();
    await app.close();
    await redis.stop();
  });

  it('the api and the worker warn loudly at start, and health reports it', async () => {
    const warning =
      'Redis maxmemory-policy is allkeys-lru: under memory pressure Redis may evict queue keys and jobs are lost. Set maxmemory-policy noeviction';
    const loud = errors.mock.calls.filter(([message]) => message === `WARNING: ${warning}`);
    expect(loud).toHaveLength(2); // the api and the worker
    const [api, worker] = await Promise.all([apiHealth(app), workerHealth(app)]);
    expect(api.body.warnings).toEqual([warning]);
    expect(worker.body.warnings).toEqual([warning]);
  });
});
