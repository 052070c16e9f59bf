import { CouplingRecomputeService } from '../../libs/impact/src/coupling-jobs/coupling-recompute.service';
import { IdentityFactory, TestUser } from '../support/identity.factory';
import {
  createIndicatorSystemVersion,
  CreatedVersion,
  officialPairInput,
} from '../support/indicator-system.kit';
import { startTestApp, TestApp } from '../support/test-app';
import {
  couplingQueueDrained,
  importCsv,
  seedTestCity,
  TestCity,
  uniqueKeys,
} from './impact-test-kit';

jest.setTimeout(90_000);

const QUARTERS = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];

/** Issue 10: every recompute is a run, and a reader sees one run at a time. */
describe('impact: panel runs', () => {
  let app: TestApp;
  let admin: TestUser;
  let cities: TestCity[];
  const keys = uniqueKeys('visitors', 'patents');
  let version: CreatedVersion;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    admin = await new IdentityFactory(app).admin();
    cities = [await seedTestCity(app), await seedTestCity(app), await seedTestCity(app)];
    // PANEL: every change moves every row, so each run rewrites them all.
    version = await createIndicatorSystemVersion(
      admin.gql,
      officialPairInput(keys, { basis: { origin: 'PANEL' } }),
    );
    const rows = cities.flatMap((city, c) =>
      QUARTERS.map(
        (q, i) => `${city.code},${q},${1000 + 300 * c + 97 * i},${20 + 7 * ((c + i) % 4)}`,
      ),
    );
    await importCsv(
      admin.gql,
      `city,period,${keys.visitors},${keys.patents}\n${rows.join('\n')}\n`,
    );
    await couplingQueueDrained(app);
  });

  afterAll(() => app?.close());

  const runCount = async (): Promise<number> => {
    const [{ count }] = await app.db.query(
      'SELECT count(*)::int AS count FROM coupling_run WHERE system_version_id = $1',
      [version.id],
    );
    return count;
  };

  it('a reader looping during 20 recomputes never sees two runs in one response', async () => {
    const service = app.worker!.get(CouplingRecomputeService);
    const series = `query($cityId: ID!, $v: Int) { couplingSnapshots(cityId: $cityId, from: "2026-Q1", to: "2026-Q4", version: $v, first: 10) {
      edges { node { period runId revision basis { origin hash } } } } }`;
    const compare = `query($v: Int) { compareCities(period: "2026-Q1", version: $v, first: 10) { edges { node { cityId runId } } } }`;
    type Node = { runId: string };
    const responses: Node[][] = [];
    let recomputing = true;
    const reader = (async () => {
      while (recomputing) {
        const [a, b] = await Promise.all([
          admin.gql.data<{ couplingSnapshots: { edges: { node: Node }[] } }>(series, {
            cityId: cities[0].id,
            v: version.version,
          }),
          admin.gql.data<{ compareCities: { edges: { node: Node }[] } }>(compare, {
            v: version.version,
          }),
        ]);
        responses.push(a.couplingSnapshots.edges.map((e) => e.node));
        responses.push(b.compareCities.edges.map((e) => e.node));
      }
    })();
    // The version's creation and its import each set off a recompute (leading edge: at once, so
    // they need not coalesce); count from what is on record now.
    const runsBefore = await runCount();
    const runIds: string[] = [];
    try {
      for (let i = 1; i <= 20; i++) {
        // Each round changes one statistic, so the run has new inputs.
        await app.db.query(
          `UPDATE official_statistic SET value = value + 1 WHERE indicator = $1 AND city_id = $2 AND period = '2026-Q4'`,
          [keys.visitors, cities[i % 3].id],
        );
        const summary = await service.recompute(version.id, undefined, `reader test ${i}`);
        expect(summary).toMatchObject({ snapshotsWritten: 12 });
        runIds.push(summary.runId!);
      }
    } finally {
      recomputing = false;
      await reader;
    }
    expect(new Set(runIds).size).toBe(20);
    expect(responses.length).toBeGreaterThan(4);
    for (const response of responses) {
      expect(response.length).toBeGreaterThanOrEqual(3);
      expect(new Set(response.map((node) => node.runId)).size).toBe(1);
    }
    // The reader overlapped the recomputes: it saw several runs, one per response.
    expect(new Set(responses.map((response) => response[0].runId)).size).toBeGreaterThan(1);

    // Every run is on record; only the current and the previous run keep live rows.
    const runs = await app.db.query(
      `SELECT r.sequence, r.status, r.trigger, r.basis_hash, r.inputs_hash, r.snapshot_count,
              (SELECT count(*)::int FROM coupling_snapshot s WHERE s.run_id = r.id) AS rows
         FROM coupling_run r WHERE r.system_version_id = $1 ORDER BY r.sequence`,
      [version.id],
    );
    expect(runs).toHaveLength(runsBefore + 20);
    expect(runs.at(-1)).toMatchObject({ status: 'COMPLETED', trigger: 'reader test 20', rows: 12 });
    expect(runs.at(-1).inputs_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(runs.filter((r: { rows: number }) => r.rows > 0)).toHaveLength(2);
  });

  it('a recompute with unchanged inputs and basis makes no run', async () => {
    const service = app.worker!.get(CouplingRecomputeService);
    const runsBefore = await runCount();
    const [{ current_run_id: before }] = await app.db.query(
      'SELECT current_run_id FROM indicator_system_version WHERE id = $1',
      [version.id],
    );
    expect(await service.recompute(version.id)).toMatchObject({
      runId: before,
      snapshotsWritten: 0,
      snapshotsUnchanged: 12,
    });
    expect(await runCount()).toBe(runsBefore);
  });
});
