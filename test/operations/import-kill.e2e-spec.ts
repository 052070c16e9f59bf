import { Queue } from 'bullmq';
import { QueueName } from '@cc/queue';
import { ProcessSalesImportJob } from '@cc/retail';
import { TestMember } from '../support/identity.factory';
import { placedProduct, uploadSalesCsv } from '../support/placed-product';
import { AppProcess, spawnApp } from '../support/app-process';
import { closeObserver, observeQueue } from '../support/queue-observer';
import { eventually, startTestApp, TestApp } from '../support/test-app';

const ROWS = 25_000;
/**
 * Short enough that the killed worker's job is taken back in seconds. The redo renews its lock
 * every second: it must never hold its event loop that long, however loaded the machine.
 */
const LOCK_MS = 2_000;
const STALLED_INTERVAL_MS = 1_000;

/**
 * Drill 12 (issue 17): the worker importing a file is killed (SIGKILL) after its first batches
 * committed. Its lock expires, a restarted worker's stalled check takes the job back and redoes
 * it: the counts are exact and no sale is imported twice.
 */
describe('drill: sales import whose worker is killed mid-way', () => {
  let app: TestApp;
  let retailer: TestMember;
  let productId: string;
  let outletId: string;
  let queue: Queue;
  const workers: AppProcess[] = [];
  const spawnWorker = () =>
    spawnApp('worker', {
      QUEUE_LOCK_DURATION_MS: String(LOCK_MS),
      QUEUE_STALLED_INTERVAL_MS: String(STALLED_INTERVAL_MS),
    });

  beforeAll(async () => {
    app = await startTestApp();
    ({ retailer, productId, outletId } = await placedProduct(app, {
      quantity: 100_000,
      commissionBp: 3330,
    }));
    queue = observeQueue(QueueName.IMPORTS);
  });

  afterAll(async () => {
    for (const worker of workers) if (worker.child.exitCode === null) worker.child.kill('SIGKILL');
    await closeObserver(queue);
    await app.close();
  });

  it('after a restart the counts are exact and no sale is imported twice', async () => {
    const soldAt = new Date().toISOString();
    const lines = ['external_id,product_id,quantity,unit_price,sold_at'];
    for (let i = 1; i <= ROWS; i += 1) lines.push(`KILL-${i},${productId},1,100,${soldAt}`);
    const first = await spawnWorker();
    workers.push(first);
    const response = await uploadSalesCsv(
      app,
      retailer,
      outletId,
      lines.join('\n') + '\n',
      'kill.csv',
    );
    expect(response.status).toBe(202);
    const id = ((await response.json()) as { id: string }).id;
    const salesSoFar = async () =>
      (await app.db.query('SELECT count(*)::int AS n FROM sale WHERE import_id = $1', [id]))[0]
        .n as number;

    await eventually(async () => (await salesSoFar()) >= 10_000, 120_000);
    first.child.kill('SIGKILL');
    await first.exited;
    const killedAt = await salesSoFar();
    expect(killedAt).toBeLessThan(ROWS);

    const second = await spawnWorker();
    workers.push(second);
    const done = await eventually(async () => {
      const [row] = await app.db.query(
        `SELECT status, processed_rows, imported_rows, duplicate_rows, rejected_rows, failure_reason
           FROM sales_import WHERE id = $1`,
        [id],
      );
      return row.status === 'COMPLETED' || row.status === 'FAILED' ? row : null;
    }, 120_000);
    const job = await queue.getJob(ProcessSalesImportJob.jobId({ importId: id }));
    process.stderr.write(
      `import kill drill: killed with ${killedAt} of ${ROWS} sales in; stalledCounter ${job?.stalledCounter}\n`,
    );
    expect(done).toEqual({
      status: 'COMPLETED',
      processed_rows: ROWS,
      imported_rows: ROWS,
      duplicate_rows: 0,
      rejected_rows: 0,
      failure_reason: null,
    });
    expect(job!.stalledCounter).toBe(1);
    const [{ total, distinct }] = await app.db.query(
      `SELECT count(*)::int AS total, count(DISTINCT external_id)::int AS distinct
         FROM sale WHERE import_id = $1`,
      [id],
    );
    expect({ total, distinct }).toEqual({ total: ROWS, distinct: ROWS });
    second.child.kill('SIGTERM');
    await second.exited;
  }, 300_000);
});
