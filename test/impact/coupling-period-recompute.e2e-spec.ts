import { CouplingRecomputeRequester, RecomputeCouplingJob } from '@cc/impact';
import { QueueName, QueueService } from '@cc/queue';
import { CouplingRecomputeService } from '../../libs/impact/src/coupling-jobs/coupling-recompute.service';
import { IdentityFactory, TestUser } from '../support/identity.factory';
import { createIndicatorSystemVersion, officialPairInput } from '../support/indicator-system.kit';
import { startTestApp, TestApp } from '../support/test-app';
import {
  couplingQueueDrained,
  importCsv,
  seedTestCity,
  snapshotRows,
  TestCity,
  uniqueKeys,
} from './impact-test-kit';

jest.setTimeout(90_000);

/** Issue 12: a change in one period recomputes that period's live snapshot, not the panel. */
describe('impact: per-period recompute on a stored basis', () => {
  let app: TestApp;
  let admin: TestUser;
  let A: TestCity;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    admin = await new IdentityFactory(app).admin();
    A = await seedTestCity(app);
  });

  afterAll(() => app?.close());

  /** The current run's live snapshots: period → content hash, and the run. */
  async function live(versionId: string) {
    const rows = await snapshotRows(app, versionId);
    return {
      runId: rows[0].run_id as string,
      hashes: Object.fromEntries(rows.map((row) => [row.period, row.content_hash as string])),
    };
  }

  /** A change of one official value in a period, as a domain's write would make it. */
  async function changeValue(key: string, period: string, value: number): Promise<void> {
    await app.db.query(
      `UPDATE official_statistic SET value = $4 WHERE city_id = $1 AND period = $2 AND indicator = $3`,
      [A.id, period, key, value],
    );
  }

  async function seededVersion(basis: object) {
    const keys = uniqueKeys('visitors', 'patents');
    const { id: versionId, version } = await createIndicatorSystemVersion(
      admin.gql,
      officialPairInput(keys, { cityId: A.id, basis }),
    );
    await importCsv(
      admin.gql,
      `city,period,${keys.visitors},${keys.patents}\n` +
        `${A.code},2026-Q1,1000,40\n${A.code},2026-Q2,3000,10\n${A.code},2026-Q3,2000,30\n`,
    );
    await couplingQueueDrained(app);
    return { keys, versionId, version };
  }

  it('rewrites only the changed period, reflects the last of a burst, and equals a whole run', async () => {
    const { keys, versionId } = await seededVersion({
      origin: 'BASELINE',
      baselinePeriods: ['2026-Q1', '2026-Q2'],
      headroom: 0.1,
    });
    const before = await live(versionId);
    expect(Object.keys(before.hashes)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);

    // A burst of changes in 2026-Q3, each followed by its event: the last one must show.
    const requester = app.worker!.get(CouplingRecomputeRequester);
    for (const value of [2100, 2200, 2300, 2400, 2500]) {
      await changeValue(keys.visitors, '2026-Q3', value);
      await requester.requestForVersion(versionId, 'test: visitors changed', '2026-Q3');
    }
    await couplingQueueDrained(app);
    const partial = await live(versionId);
    expect(partial.runId).not.toBe(before.runId);
    expect(partial.hashes['2026-Q1']).toBe(before.hashes['2026-Q1']);
    expect(partial.hashes['2026-Q2']).toBe(before.hashes['2026-Q2']);
    expect(partial.hashes['2026-Q3']).not.toBe(before.hashes['2026-Q3']);
    // Each run of the burst recomputed one snapshot and copied the other two.
    const jobs = await app.api
      .get(QueueService)
      .queue(QueueName.COUPLING)
      .getJobs(['completed'], 0, -1);
    const runs = jobs
      .filter((job) => job.name === RecomputeCouplingJob.name && job.data.versionId === versionId)
      .filter((job) => job.data.period === '2026-Q3' && job.returnvalue.runId !== before.runId)
      .map((job) => job.returnvalue);
    expect(runs.length).toBeGreaterThan(0);
    for (const summary of runs) {
      expect(summary).toMatchObject({ snapshotsUnchanged: 2 });
      expect(summary.snapshotsWritten).toBeLessThanOrEqual(1);
    }
    const [q3] = (await snapshotRows(app, versionId)).filter((row) => row.period === '2026-Q3');
    expect(q3.raw_values[keys.visitors]).toBe(2500);
    const [run] = await app.db.query(
      'SELECT snapshot_count, status, inputs_snapshot FROM coupling_run WHERE id = $1',
      [partial.runId],
    );
    expect(run).toMatchObject({ snapshot_count: 3, status: 'COMPLETED' });
    expect(run.inputs_snapshot).toMatch(/^\d+:\d+:/);

    // Called directly: one period written, two copied.
    await changeValue(keys.patents, '2026-Q3', 35);
    const direct = await app
      .worker!.get(CouplingRecomputeService)
      .recompute(versionId, undefined, 'test: patents changed', ['2026-Q3']);
    expect(direct).toMatchObject({ snapshotsWritten: 1, snapshotsUnchanged: 2 });
    const partialAgain = await live(versionId);
    expect(partialAgain.hashes['2026-Q1']).toBe(before.hashes['2026-Q1']);

    // The whole-panel run (what the nightly rebuild does) gives the very same snapshots.
    const whole = await app
      .worker!.get(CouplingRecomputeService)
      .recompute(versionId, undefined, 'test: whole panel');
    expect(whole.snapshotsWritten).toBe(3);
    const rebuilt = await live(versionId);
    expect(rebuilt.runId).not.toBe(partialAgain.runId);
    expect(rebuilt.hashes).toEqual(partialAgain.hashes);
  });

  it('keeps a period published from the current run live in the next partial run', async () => {
    const { keys, versionId, version } = await seededVersion({
      origin: 'BASELINE',
      baselinePeriods: ['2026-Q1', '2026-Q2'],
      headroom: 0.1,
    });
    await admin.gql.data(
      `mutation($cityId: ID, $period: String!, $version: Int) {
        publishCouplingPeriod(cityId: $cityId, period: $period, version: $version) { id } }`,
      { cityId: A.id, period: '2026-Q1', version },
    );
    await changeValue(keys.visitors, '2026-Q3', 2600);
    const recompute = app.worker!.get(CouplingRecomputeService);
    const partial = await recompute.recompute(versionId, undefined, 'test: after publish', [
      '2026-Q3',
    ]);
    expect(partial).toMatchObject({ snapshotsWritten: 1, snapshotsUnchanged: 2 });
    const rows = await snapshotRows(app, versionId);
    expect(rows.map((row) => [row.period, row.status, row.published_at])).toEqual([
      ['2026-Q1', 'LIVE', null],
      ['2026-Q2', 'LIVE', null],
      ['2026-Q3', 'LIVE', null],
    ]);
    const [{ published }] = await app.db.query(
      `SELECT count(*)::int AS published FROM coupling_snapshot
        WHERE system_version_id = $1 AND status = 'PUBLISHED' AND period = '2026-Q1'`,
      [versionId],
    );
    expect(published).toBe(1);
    const afterPartial = await live(versionId);
    await recompute.recompute(versionId, undefined, 'test: whole panel');
    expect((await live(versionId)).hashes).toEqual(afterPartial.hashes);
  });

  it('recomputes the whole panel when the basis is PANEL (every period moves)', async () => {
    const { keys, versionId } = await seededVersion({ origin: 'PANEL' });
    const before = await live(versionId);
    await changeValue(keys.visitors, '2026-Q3', 9000);
    const summary = await app
      .worker!.get(CouplingRecomputeService)
      .recompute(versionId, undefined, 'test: visitors changed', ['2026-Q3']);
    expect(summary).toMatchObject({ snapshotsWritten: 3, snapshotsUnchanged: 0 });
    const after = await live(versionId);
    expect(after.hashes['2026-Q1']).not.toBe(before.hashes['2026-Q1']);
  });

  it('recomputes the whole panel when the changed period gains its first sample', async () => {
    const { keys, versionId } = await seededVersion({
      origin: 'BASELINE',
      baselinePeriods: ['2026-Q1', '2026-Q2'],
      headroom: 0.1,
    });
    await app.db.query(
      `INSERT INTO official_statistic (city_id, period, granularity, period_start, indicator, value, import_id)
       SELECT city_id, '2026-Q4', granularity, period_start + interval '3 months', indicator, value, import_id
         FROM official_statistic
        WHERE city_id = $1 AND period = '2026-Q3' AND indicator = ANY($2::text[])`,
      [A.id, [keys.visitors, keys.patents]],
    );
    const summary = await app
      .worker!.get(CouplingRecomputeService)
      .recompute(versionId, undefined, 'test: a new quarter', ['2026-Q4']);
    expect(summary).toMatchObject({ sampleCount: 4, snapshotsWritten: 4 });
    const after = await live(versionId);
    expect(Object.keys(after.hashes)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });
});
