import Redis from 'ioredis';
import { periodOf } from '@cc/impact';
import { ProjectService } from '@cc/marketplace';
import { OutboxRelay, QueueName, QueueService } from '@cc/queue';
import {
  acceptPlacement,
  consignment,
  createProduct,
  offerPlacement,
  RECORD_SALE,
} from '../retail/retail-test-kit';
import { seedCity, SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import {
  createIndicatorSystemVersion,
  goalpostedPlatformInput,
} from '../support/indicator-system.kit';
import { deliveredProject } from '../support/marketplace.factory';
import { placedProduct } from '../support/placed-product';
import { PrivateRedis } from '../support/private-redis';
import { eventually, startTestApp, TestApp } from '../support/test-app';

/**
 * Issue 12 (the transactional outbox) and drill 7 of issue 17 ("nothing is lost"): events are
 * written with the change, wait in PostgreSQL while Redis is down, and the relay moves each
 * exactly once, even when it dies between the enqueue and its commit.
 */
describe('the transactional outbox', () => {
  let redis: PrivateRedis;
  let app: TestApp;
  let factory: IdentityFactory;
  let admin: TestUser;
  let retailer: TestMember;
  let city: SeededCity;
  let productId: string;
  let outletId: string;
  let versionId: string;
  let saleNumber = 0;

  const recordSale = async (unitPrice: number) => {
    saleNumber += 1;
    const { recordSale: recorded } = await retailer.gql.data<{
      recordSale: { sale: { id: string } };
    }>(RECORD_SALE, {
      input: {
        outletId,
        productId,
        quantity: 1,
        unitPrice,
        soldAt: new Date().toISOString(),
        externalId: `OUTBOX-${saleNumber}`,
      },
    });
    return recorded.sale.id;
  };
  const pendingEvents = async (): Promise<number> =>
    (await app.db.query('SELECT count(*)::int AS n FROM outbox_event'))[0].n;
  /** The live snapshot's creative sales revenue (yuan) of the test city, this quarter. */
  const liveRevenue = async (): Promise<number | undefined> => {
    const [row] = await app.db.query(
      `SELECT snapshot.raw_values FROM coupling_snapshot snapshot
         JOIN indicator_system_version version ON version.current_run_id = snapshot.run_id
        WHERE version.id = $1 AND snapshot.city_id = $2 AND snapshot.period = $3`,
      [versionId, city.cityId, periodOf(new Date()).key],
    );
    return row?.raw_values.creative_sales_revenue;
  };
  /** How often each job id was added to, and refused as a duplicate by, the queue. */
  const queueEvents = async (queueName: QueueName) => {
    const key = app.api.get(QueueService).queue(queueName).toKey('events');
    const client = new Redis(redis.url);
    const entries = await client.xrange(key, '-', '+').finally(() => client.disconnect());
    const added = new Map<string, number>();
    const duplicated = new Map<string, number>();
    for (const [, fields] of entries) {
      const field = (name: string) => fields[fields.indexOf(name) + 1];
      const counts =
        field('event') === 'added' ? added : field('event') === 'duplicated' ? duplicated : null;
      if (counts) counts.set(field('jobId'), (counts.get(field('jobId')) ?? 0) + 1);
    }
    return { added, duplicated };
  };
  const saleEventId = (saleId: string) => `project-event.SALE_RECORDED.${saleId}`;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    app = await startTestApp({ worker: true, env: { REDIS_URL: redis.url } });
    city = await seedCity(app.db, 1);
    ({ factory, retailer, productId, outletId } = await placedProduct(app, {
      quantity: 10_000,
      commissionBp: 2000,
      city,
    }));
    admin = await factory.admin();
    ({ id: versionId } = await createIndicatorSystemVersion(
      admin.gql,
      goalpostedPlatformInput(
        city.cityId,
        [{ key: 'creative_sales_revenue', label: 'Revenue', upper: 1_000_000 }],
        [{ key: 'products_in_market', label: 'In market', upper: 10 }],
      ),
    ));
    await eventually(async () => (await pendingEvents()) === 0);
  });

  afterAll(async () => {
    await redis.up().catch(() => undefined);
    await app.close();
    await redis.stop();
  });

  it('Redis down: 100 sales wait in PostgreSQL, then are all delivered once and reflected within 5 s', async () => {
    await eventually(async () => (await liveRevenue()) !== undefined, 30_000);
    const before = (await liveRevenue())!;
    await redis.down();
    const saleIds: string[] = [];
    try {
      // 100 sales of 1 yuan each: every mutation answers, and its events wait.
      for (let i = 0; i < 100; i += 1) saleIds.push(await recordSale(100));
      expect(await pendingEvents()).toBeGreaterThanOrEqual(100);
      expect(await liveRevenue()).toBe(before);
    } finally {
      await redis.up();
    }
    const started = Date.now();
    await eventually(async () => (await liveRevenue()) === before + 100, 5_000);
    process.stderr.write(
      `outbox: 100 sales made while Redis was down reflected ${Date.now() - started} ms after it returned\n`,
    );
    await eventually(async () => (await pendingEvents()) === 0, 5_000);
    const { added } = await queueEvents(QueueName.DOMAIN_EVENTS);
    expect(saleIds.map((id) => added.get(saleEventId(id)))).toEqual(saleIds.map(() => 1));
  });

  it('a relay killed between enqueueing a batch and deleting it loses and duplicates nothing', async () => {
    const relay = app.worker!.get(OutboxRelay);
    const enqueue = relay.enqueue.bind(relay);
    let enqueued!: () => void;
    const batchEnqueued = new Promise<void>((resolve) => (enqueued = resolve));
    let revive!: () => void;
    const revived = new Promise<void>((resolve) => (revive = resolve));
    let killed = false;
    let calls = 0;
    const killedJobIds: string[] = [];
    const spy = jest.spyOn(relay, 'enqueue').mockImplementation(async (rows) => {
      calls += 1;
      await enqueue(rows); // fails while Redis is down: the batch rolls back and waits
      if (killed) return;
      killed = true;
      killedJobIds.push(...rows.map((row) => row.job_id));
      enqueued();
      await revived; // the relay "dies" here: its jobs are in Redis, its rows are not deleted
    });
    const saleIds: string[] = [];
    try {
      await redis.down();
      try {
        for (let i = 0; i < 20; i += 1) saleIds.push(await recordSale(100));
      } finally {
        await redis.up();
      }
      await batchEnqueued;
      // Kill the relay's transaction as a dead process would: PostgreSQL rolls it back.
      const [{ terminated }] = await app.db.query(
        `SELECT count(pg_terminate_backend(pid))::int AS terminated FROM pg_stat_activity
          WHERE state = 'idle in transaction' AND query LIKE '%FROM outbox_event%SKIP LOCKED%'`,
      );
      expect(terminated).toBe(1);
      expect(await pendingEvents()).toBeGreaterThanOrEqual(20);
      revive();
      // The relay (restarted) moves the same rows again, under the same job ids.
      await eventually(async () => (await pendingEvents()) === 0, 10_000);
    } finally {
      revive();
      spy.mockRestore();
    }
    expect(calls).toBeGreaterThanOrEqual(2);
    const { added, duplicated } = await queueEvents(QueueName.DOMAIN_EVENTS);
    expect(saleIds.map((id) => added.get(saleEventId(id)))).toEqual(saleIds.map(() => 1));
    // Every project event of the killed batch was relayed again and refused as a duplicate.
    const killedSaleEvents = killedJobIds.filter((id) => id.startsWith('project-event.'));
    expect(killedSaleEvents.length).toBeGreaterThan(0);
    expect(killedSaleEvents.map((id) => duplicated.get(id))).toEqual(killedSaleEvents.map(() => 1));
  });

  it('a placement accepted while Redis is down still puts its project IN_MARKET once Redis returns', async () => {
    const delivered = await deliveredProject(factory, city, { quantity: 50 });
    const product = await createProduct(delivered.owner, delivered.projectId, { brand: 'Later' });
    const offered = await offerPlacement(delivered.owner, {
      productId: product,
      outletId,
      terms: consignment(2000),
    });
    const state = async () =>
      (await app.db.query('SELECT state FROM project WHERE id = $1', [delivered.projectId]))[0]
        .state as string;
    expect(await state()).toBe('IN_PRODUCTION');
    // The API's fast path fails (a blip): only the outbox event can move the project.
    const fastPath = jest
      .spyOn(app.api.get(ProjectService), 'enterMarket')
      .mockRejectedValue(new Error('database blip'));
    await redis.down();
    try {
      await acceptPlacement(retailer, offered.id);
      expect(fastPath).toHaveBeenCalledTimes(1);
      const [placement] = await app.db.query('SELECT state FROM placement WHERE id = $1', [
        offered.id,
      ]);
      expect(placement.state).toBe('ACTIVE');
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await state()).toBe('IN_PRODUCTION');
    } finally {
      fastPath.mockRestore();
      await redis.up();
    }
    await eventually(async () => (await state()) === 'IN_MARKET', 10_000);
    const { added } = await queueEvents(QueueName.DOMAIN_EVENTS);
    expect(added.get(`enter-market.${offered.id}`)).toBe(1);
  });

  it("with Redis up, each sale's event is relayed once, soon after its commit (the relay's latency)", async () => {
    const queue = app.api.get(QueueService).queue(QueueName.DOMAIN_EVENTS);
    const [latencies, requests]: number[][] = [[], []];
    const saleIds: string[] = [];
    for (let i = 0; i < 20; i += 1) {
      const sent = Date.now();
      const saleId = await recordSale(100);
      requests.push(Date.now() - sent);
      saleIds.push(saleId);
      const job = await eventually(() => queue.getJob(saleEventId(saleId)), 5_000);
      // From the request (its commit comes before the answer) to the job's arrival in Redis.
      latencies.push(job.timestamp - sent);
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];
    process.stderr.write(
      `outbox: 20 sales one by one, request → job in Redis: median ${median(latencies)} ms, max ${Math.max(...latencies)} ms (the request alone: median ${median(requests)} ms)\n`,
    );
    const { added } = await queueEvents(QueueName.DOMAIN_EVENTS);
    expect(saleIds.map((id) => added.get(saleEventId(id)))).toEqual(saleIds.map(() => 1));
  });
});
