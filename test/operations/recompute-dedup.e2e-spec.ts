import { PlatformIndicatorRegistry } from '@cc/impact';
import { QueueName, QueueService } from '@cc/queue';
import {
  completedRecomputes,
  couplingQueueDrained,
  importCsv,
  seedTestCity,
  TestCity,
  uniqueKeys,
} from '../impact/impact-test-kit';
import { IdentityFactory, TestUser } from '../support/identity.factory';
import {
  createIndicatorSystemVersion,
  officialStatistic,
  twoSubsystems,
} from '../support/indicator-system.kit';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Drill 4 (issue 17): identical requests collapse, and collapsing never loses a write. The
 * recompute reads its inputs, then computes and writes; an event that arrives after the read
 * must not be folded into that run, or the snapshot stays stale until some later event.
 */
describe('drill: de-duplicated coupling recomputes and rebuilds', () => {
  let app: TestApp;
  let admin: TestUser;
  let cities: TestCity[];
  const keys = uniqueKeys('visitors', 'heritage', 'patents', 'graduates');
  let versionId: string;

  const completed = async (name: string) =>
    (await app.api.get(QueueService).queue(QueueName.COUPLING).getJobs(['completed'], 0, -1))
      .filter((job) => job?.name === name)
      .map((job) => job!.id!);
  const storedVisitors = async (city: TestCity, period: string): Promise<number> => {
    const [row] = await app.db.query(
      // The run readers see: older runs' rows stay until they are pruned.
      `SELECT snapshot.raw_values FROM coupling_snapshot snapshot
         JOIN indicator_system_version version ON version.current_run_id = snapshot.run_id
        WHERE snapshot.city_id = $1 AND snapshot.period = $2 AND version.id = $3`,
      [city.id, period, versionId],
    );
    return row.raw_values[keys.visitors];
  };

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    admin = await new IdentityFactory(app).admin();
    cities = [await seedTestCity(app), await seedTestCity(app), await seedTestCity(app)];
    ({ id: versionId } = await createIndicatorSystemVersion(admin.gql, {
      note: 'de-duplication drill',
      subsystems: twoSubsystems(
        [officialStatistic(keys.visitors, 'Visitors'), officialStatistic(keys.heritage, 'Sites')],
        [officialStatistic(keys.patents, 'Patents'), officialStatistic(keys.graduates, 'Grads')],
      ),
    }));
    const lines = [
      `city,period,${keys.visitors},${keys.heritage},${keys.patents},${keys.graduates}`,
    ];
    cities.forEach((city, c) =>
      ['2026-Q1', '2026-Q2'].forEach((period, q) =>
        lines.push(
          `${city.code},${period},${1000 * (c + 1) + 10 * q},${5 + c + q},${20 + 3 * c - q},${100 + c * q}`,
        ),
      ),
    );
    await importCsv(admin.gql, lines.join('\n') + '\n');
    await couplingQueueDrained(app);
  });

  afterAll(() => app.close());

  it('an event that arrives after a running recompute read its inputs leaves exactly one follow-up, and the last write is stored', async () => {
    const [, , C] = cities;
    const registry = app.worker!.get(PlatformIndicatorRegistry);
    const collect = registry.collect.bind(registry);
    let inputsRead!: () => void;
    const readDone = new Promise<void>((resolve) => (inputsRead = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let hold = true;
    // The platform sources are the last input a recompute reads: hold that run right there.
    const spy = jest.spyOn(registry, 'collect').mockImplementation(async (...args) => {
      const values = await collect(...args);
      if (hold) {
        hold = false;
        inputsRead();
        await released;
      }
      return values;
    });
    try {
      const before = await completedRecomputes(app, versionId);
      const header = `city,period,${keys.visitors}\n`;
      await importCsv(admin.gql, `${header}${C.code},2026-Q2,70000\n`);
      await readDone;
      // The run has read 70,000. The last write lands now, while it is still running.
      const last = await importCsv(admin.gql, `${header}${C.code},2026-Q2,1000000\n`);
      expect(last.recomputeRequested).toBe(true);
      release();

      await couplingQueueDrained(app);
      expect(await storedVisitors(C, '2026-Q2')).toBe(1_000_000);
      expect((await completedRecomputes(app, versionId)) - before).toBe(2);
    } finally {
      release();
      spy.mockRestore();
    }
  });

  it('1,000 simultaneous recompute requests run once, and the snapshot holds the last write', async () => {
    const [A] = cities;
    const before = await completedRecomputes(app, versionId);
    const header = `city,period,${keys.visitors}\n`;
    await importCsv(admin.gql, `${header}${A.code},2026-Q1,4321\n`);
    const requester = app.api.get(
      (await import('../../libs/impact/src/coupling-jobs/coupling-recompute.requester'))
        .CouplingRecomputeRequester,
    );
    await Promise.all(
      Array.from({ length: 1000 }, () => requester.requestForVersion(versionId, 'drill')),
    );
    await couplingQueueDrained(app);
    expect((await completedRecomputes(app, versionId)) - before).toBeLessThanOrEqual(2);
    expect(await storedVisitors(A, '2026-Q1')).toBe(4321);
  });

  it('1,000 identical rebuild requests give at most 2 rebuilds, and every request names one of them', async () => {
    await couplingQueueDrained(app);
    const before = new Set(await completed('RebuildCouplingJob'));
    const ids: string[] = [];
    for (let batch = 0; batch < 10; batch += 1) {
      const answers = await Promise.all(
        Array.from({ length: 100 }, () =>
          admin.gql.data<{ requestCouplingRebuild: string }>('mutation { requestCouplingRebuild }'),
        ),
      );
      ids.push(...answers.map((answer) => answer.requestCouplingRebuild));
    }
    await couplingQueueDrained(app, 60_000);
    const runs = (await completed('RebuildCouplingJob')).filter((id) => !before.has(id));
    process.stderr.write(`dedup drill: 1000 rebuild requests → ${runs.length} rebuild(s)\n`);
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs.length).toBeLessThanOrEqual(2);
    expect(new Set(ids).size).toBeLessThanOrEqual(2);
    for (const id of new Set(ids)) expect(runs).toContain(id);
  }, 120_000);
});
