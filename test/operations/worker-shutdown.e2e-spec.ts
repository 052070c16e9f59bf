import { Queue } from 'bullmq';
import { QueueName, QueueService } from '@cc/queue';
import { ProcessWorkerCanaryJob } from '../../libs/operations/src/worker-canary/process-worker-canary.job';
import { IdentityFactory, TestUser } from '../support/identity.factory';
import { eventually, startTestApp, startWorker, TestApp } from '../support/test-app';

const GRACE_MS = 1_000;

/**
 * Drill 5 (issue 17): shutting a worker down mid-job. Within the grace an active job finishes;
 * past it the job is handed back to the queue at once (no attempt spent) and another worker
 * does it, instead of the shutdown waiting for the job however long it takes.
 */
describe('drill: worker shutdown with jobs running', () => {
  let app: TestApp;
  let admin: TestUser;
  let system: Queue;

  const launchCanary = async () =>
    (
      await admin.gql.data<{ launchWorkerCanary: { id: string } }>(
        'mutation { launchWorkerCanary { id } }',
      )
    ).launchWorkerCanary.id;
  const jobOf = (canaryId: string) => system.getJob(ProcessWorkerCanaryJob.jobId({ canaryId }));
  const canary = async (id: string) =>
    (await app.db.query('SELECT status, attempts FROM worker_canary WHERE id = $1', [id]))[0];

  beforeAll(async () => {
    app = await startTestApp();
    admin = await new IdentityFactory(app).admin();
    system = app.api.get(QueueService).queue(QueueName.SYSTEM);
  });

  afterAll(() => app.close());

  it('a job still running past the grace is released at once and redone by another worker', async () => {
    const leaving = await startWorker({ WORKER_SHUTDOWN_GRACE_MS: String(GRACE_MS) });
    // A job far longer than the grace: it would never finish on its own.
    jest
      .spyOn(leaving.get(ProcessWorkerCanaryJob), 'handle')
      .mockImplementation(() => new Promise<void>(() => undefined));
    const id = await launchCanary();
    await eventually(async () => (await (await jobOf(id))?.getState()) === 'active');

    const started = Date.now();
    await leaving.close();
    const took = Date.now() - started;
    process.stderr.write(
      `shutdown drill: worker closed ${took} ms after the request (grace ${GRACE_MS} ms)\n`,
    );
    expect(took).toBeGreaterThanOrEqual(GRACE_MS - 50);
    expect(took).toBeLessThan(GRACE_MS + 2_000);
    const released = (await jobOf(id))!;
    // Handed back delayed by a moment (see QueueWorkerHost.release), no attempt spent.
    expect(await released.getState()).toBe('delayed');
    expect(released.attemptsMade).toBe(0);
    expect((await canary(id)).status).toBe('QUEUED');

    const next = await startWorker();
    try {
      const done = await eventually(async () => {
        const row = await canary(id);
        return row.status === 'PROCESSED' ? row : null;
      });
      expect(done.attempts).toBe(1);
    } finally {
      await next.close();
    }
  });

  it('a job that finishes within the grace completes on the worker that is stopping', async () => {
    const leaving = await startWorker({ WORKER_SHUTDOWN_GRACE_MS: String(GRACE_MS * 5) });
    const handler = leaving.get(ProcessWorkerCanaryJob);
    const handle = handler.handle.bind(handler);
    let running!: () => void;
    const isRunning = new Promise<void>((resolve) => (running = resolve));
    jest.spyOn(handler, 'handle').mockImplementation(async (job) => {
      running();
      await new Promise((resolve) => setTimeout(resolve, 500));
      return handle(job);
    });
    const id = await launchCanary();
    await isRunning;
    await leaving.close();

    expect(await (await jobOf(id))!.getState()).toBe('completed');
    expect(await canary(id)).toEqual({ status: 'PROCESSED', attempts: 1 });
  });
});
