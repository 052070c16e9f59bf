import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { QueueName } from '../queue.constants';
import { QueueService } from '../queue.service';

/** Rows moved per transaction. */
export const OUTBOX_BATCH_SIZE = 500;
/**
 * How often an idle relay probes for new rows: the most an event waits before the relay sees
 * it. One indexed `LIMIT 1` read per probe; writers pay nothing (no NOTIFY, whose global lock
 * made every commit with an event wait for the one before it).
 */
export const OUTBOX_POLL_MS = 50;
/** Is there a row to move? The primary key's first entry: no scan of the whole table. */
const PENDING_PROBE_SQL = 'SELECT id FROM outbox_event ORDER BY id LIMIT 1';
/** Back-off after a failed batch (Redis or PostgreSQL unreachable), doubling up to the cap. */
const RETRY_FIRST_MS = 100;
const RETRY_CAP_MS = 1_000;

export interface OutboxRow {
  id: string;
  queue: QueueName;
  job_name: string;
  job_id: string;
  payload: unknown;
  options: Record<string, unknown>;
}

export interface OutboxBacklog {
  pending: number;
  /** Age of the oldest pending event in ms (0 when none). */
  oldestAgeMs: number;
}

/**
 * Moves outbox rows to BullMQ, in the worker. Each batch is one transaction: claim rows
 * `FOR UPDATE SKIP LOCKED` (several relays share the table without waiting on each other),
 * enqueue each under its deterministic job id, delete them, commit. A relay that dies between
 * the enqueue and the commit leaves its rows to the next relay, which enqueues them again under
 * the same ids: BullMQ ignores an id it already holds, so nothing is enqueued twice.
 *
 * That holds while the job is still in Redis. Completed jobs are kept for a day, at most 1,000
 * per queue (DEFAULT_JOB_OPTIONS): a duplicate would need the first copy to run and be evicted
 * by 1,000 later completions between the enqueue and the re-relay — the window is one batch,
 * milliseconds, unless the relay's transaction hangs. Handlers are idempotent besides (a
 * recompute, a state move, a milestone tick), so even then nothing is counted twice.
 *
 * With Redis down the batch fails, rolls back, and the rows wait; the relay retries with a
 * short back-off and they flow as soon as Redis answers (it wakes on the reconnect). While idle
 * it probes for rows every OUTBOX_POLL_MS and starts a batch when one is there.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private stopped = false;
  private running?: Promise<void>;
  private woken = false;
  private wake?: () => void;
  private failures = 0;
  /** Events this relay moved to BullMQ since it started (for health and benchmarks). */
  relayed = 0;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queues: QueueService,
  ) {}

  onApplicationBootstrap(): void {
    // Redis is back: move what waited at once rather than at the next retry.
    this.queues.onReady(() => this.wakeUp());
    this.running = this.run();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
  }

  async backlog(): Promise<OutboxBacklog> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS pending,
              coalesce((extract(epoch FROM now() - min(created_at)) * 1000)::int, 0) AS age
         FROM outbox_event`,
    )) as { pending: number; age: number }[];
    return { pending: row.pending, oldestAgeMs: Math.max(0, row.age) };
  }

  /** Moves one batch; returns how many rows it moved. Public for tests and benchmarks. */
  relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows = (await manager.query(
        `SELECT id, queue, job_name, job_id, payload, options FROM outbox_event
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [OUTBOX_BATCH_SIZE],
      )) as OutboxRow[];
      if (rows.length === 0) return 0;
      await this.enqueue(rows);
      await manager.query('DELETE FROM outbox_event WHERE id = ANY($1::bigint[])', [
        rows.map((row) => row.id),
      ]);
      return rows.length;
    });
  }

  /** Adds every row's job; a job id BullMQ already holds is left as it is. */
  async enqueue(rows: readonly OutboxRow[]): Promise<void> {
    await this.queues.addAllByName(
      rows.map((row) => ({
        queue: row.queue,
        name: row.job_name,
        data: row.payload,
        options: { ...row.options, jobId: row.job_id },
      })),
    );
    this.relayed += rows.length;
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      let moved: number;
      try {
        moved = await this.relayBatch();
        if (this.failures > 0) this.logger.log('outbox relay recovered');
        this.failures = 0;
      } catch (error) {
        this.failures += 1;
        if (this.failures === 1 || this.failures % 50 === 0)
          this.logger.warn(
            { err: error, failures: this.failures },
            'outbox relay could not move events; they wait in PostgreSQL and are retried',
          );
        await this.sleep(Math.min(RETRY_CAP_MS, RETRY_FIRST_MS * 2 ** (this.failures - 1)));
        continue;
      }
      if (moved < OUTBOX_BATCH_SIZE) await this.untilPending();
    }
  }

  /** Probes every OUTBOX_POLL_MS until a row waits (or a wake-up, or a failed probe). */
  private async untilPending(): Promise<void> {
    while (!(await this.sleep(OUTBOX_POLL_MS)) && !this.stopped) {
      // A failed probe is the batch's to report (and back off from).
      const rows = (await this.dataSource.query(PENDING_PROBE_SQL).catch(() => [1])) as unknown[];
      if (rows.length > 0) return;
    }
  }

  /** Sleeps until the timeout or a wake-up, whichever comes first; true when woken. */
  private sleep(ms: number): Promise<boolean> {
    if (this.woken || this.stopped) {
      this.woken = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const done = (woken: boolean) => {
        clearTimeout(timer);
        this.wake = undefined;
        this.woken = false;
        resolve(woken);
      };
      const timer = setTimeout(() => done(false), ms);
      this.wake = () => done(true);
    });
  }

  private wakeUp(): void {
    if (this.wake) this.wake();
    else this.woken = true;
  }
}
