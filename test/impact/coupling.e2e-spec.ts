import {
  computeContributions,
  modelWithBasis,
  evaluate,
  evaluateWhatIf,
  parseModel,
  Sample,
} from '@cc/coupling';
import {
  COUPLING_RECOMPUTE_DEBOUNCE_MS,
  couplingInputsChanged,
  parsePeriod,
  periodOrdinal,
  PlatformIndicatorRegistry,
  PlatformIndicatorSource,
} from '@cc/impact';
import { OutboxWriter, QueueName, QueueService } from '@cc/queue';
import { EntityManager } from 'typeorm';
import { CouplingRecomputeService } from '../../libs/impact/src/coupling-jobs/coupling-recompute.service';
import { ProjectContribution } from '../../libs/impact/src/snapshot/project-contribution.entity';
import { IdentityFactory, TestOfficial, TestUser } from '../support/identity.factory';
import { officialStatistic, twoSubsystems } from '../support/indicator-system.kit';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import {
  completedRecomputes,
  couplingQueueDrained,
  importCsv,
  seedTestCity,
  SNAPSHOT_FIELDS,
  snapshotRows,
  TestCity,
  uniqueKeys,
  VERSION_FIELDS,
} from './impact-test-kit';

// Jobs run through the real queue and worker; the project's 60 s default is not applied per file.
jest.setTimeout(60_000);

const QUARTERS = ['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4'];

interface SnapshotView {
  id: string;
  period: string;
  revision: number;
  status: string;
  couplingDegree: number;
  coordinationIndex: number;
  coordinationDegree: number;
  level: string;
  systemVersion: { version: number };
  subsystems: { name: string; value: number; weight: number; obstacle: number }[];
  indicators: {
    key: string;
    raw: number;
    standardized: number;
    weight: number;
    obstacle: number;
    obstacleNormalized: number;
    bounds: { min: number; max: number } | null;
    trace: {
      source: string | null;
      recordCount: number;
      importId: string | null;
      note: string | null;
    };
  }[];
  panel: { sampleCount: number; cityCount: number; excluded: string[] };
}

/**
 * Swaps a stand-in source in for the real ones computing the same keys (the registry allows one
 * source per key), and returns how to put the real ones back.
 */
function standIn(registry: PlatformIndicatorRegistry, source: PlatformIndicatorSource): () => void {
  const displaced = [
    ...new Set(
      source.indicators.map((key) => registry.sourceFor(key)).filter((s) => s && s !== source),
    ),
  ] as PlatformIndicatorSource[];
  displaced.forEach((real) => registry.unregister(real));
  registry.register(source);
  return () => {
    registry.unregister(source);
    displaced.forEach((real) => registry.register(real));
  };
}

describe('impact: indicator systems, official statistics and coupling snapshots', () => {
  let app: TestApp;
  let admin: TestUser;
  let officialA: TestOfficial;
  let officialB: TestOfficial;
  let talent: TestUser;
  let A: TestCity;
  let B: TestCity;
  let C: TestCity;
  const keys = uniqueKeys('visitors', 'heritage', 'patents', 'unemployed');
  let version: { id: string; version: number };
  let firstImportId: string;
  /** The platform-source case, reused by the crash test. */
  let platformCase: { versionId: string; source: PlatformIndicatorSource } | undefined;
  const platformState = { p2Revenue: 500 };

  /** Deterministic, varied values: city index c (0..2), quarter index q (0..3). */
  const value = {
    visitors: (c: number, q: number) =>
      100_000 * (c + 1) + 7_500 * q * (3 - c) + 1_000 * ((c * 7 + q * 3) % 5),
    heritage: (c: number, q: number) => 10 + 4 * c + q + ((c + q) % 3),
    patents: (c: number, q: number) => 40 + 25 * ((c * 3 + q * 5) % 7) + 5 * q,
    unemployed: (c: number, q: number) => 0.02 + 0.01 * ((c + 2 * q) % 4),
  };

  function panelCsv(cities: TestCity[]): string {
    const lines = [
      `city,period,${keys.visitors},${keys.heritage},${keys.patents},${keys.unemployed}`,
    ];
    cities.forEach((city, c) =>
      QUARTERS.forEach((quarter, q) =>
        lines.push(
          [
            city.code,
            quarter,
            value.visitors(c, q),
            value.heritage(c, q),
            value.patents(c, q),
            value.unemployed(c, q),
          ].join(','),
        ),
      ),
    );
    return lines.join('\n') + '\n';
  }

  /** What libs/coupling computes from the stored statistics of the version's indicators. */
  async function expectedFromStoredValues(versionId: string) {
    const [row] = await app.db.query(
      'SELECT model, indicators FROM indicator_system_version WHERE id = $1',
      [versionId],
    );
    const model = parseModel(row.model);
    const indicators: { key: string; source: string }[] = row.indicators;
    const official = indicators.filter((i) => i.source === 'OFFICIAL_STATISTIC').map((i) => i.key);
    const stats: { city_id: string; period: string; indicator: string; value: number }[] =
      await app.db.query(
        `SELECT city_id, period, indicator, value FROM official_statistic
        WHERE granularity = 'QUARTER' AND indicator = ANY($1::text[])`,
        [official],
      );
    const byId = new Map<string, Sample & { values: Record<string, number> }>();
    for (const stat of stats) {
      const id = `${stat.city_id}/${stat.period}`;
      const sample = byId.get(id) ?? { id: [stat.city_id, stat.period], values: {} };
      sample.values[stat.indicator] = stat.value;
      byId.set(id, sample);
    }
    const samples = [...byId.values()]
      .filter((s) => official.every((key) => key in s.values))
      .map((s) => ({
        ...s,
        // No platform source is registered: platform indicators count 0 everywhere.
        values: Object.fromEntries(indicators.map((i) => [i.key, s.values[i.key] ?? 0])),
      }))
      .sort(
        (a, b) =>
          periodOrdinal(parsePeriod(a.id[1])) - periodOrdinal(parsePeriod(b.id[1])) ||
          (a.id[0] < b.id[0] ? -1 : 1),
      );
    return { model, evaluation: evaluate(model, samples) };
  }

  async function snapshot(
    client: { data: TestUser['gql']['data'] },
    cityId: string,
    period: string,
    status?: string,
  ) {
    const { couplingSnapshot } = await client.data<{ couplingSnapshot: SnapshotView | null }>(
      `query($cityId: ID!, $period: String!, $version: Int, $status: CouplingSnapshotStatus) {
         couplingSnapshot(cityId: $cityId, period: $period, version: $version, status: $status) { ${SNAPSHOT_FIELDS} } }`,
      { cityId, period, version: version.version, status },
    );
    return couplingSnapshot;
  }

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    const identity = new IdentityFactory(app);
    admin = await identity.admin();
    [A, B, C] = [await seedTestCity(app), await seedTestCity(app), await seedTestCity(app)];
    [officialA, officialB, talent] = await Promise.all([
      identity.official({ cityId: A.id, admin }),
      identity.official({ cityId: B.id, admin }),
      identity.talent(),
    ]);
  });

  afterAll(() => app?.close());

  it('seeds the default system as version 1 and shows which platform indicators are computed', async () => {
    const { indicatorSystem, platformIndicators } = await admin.gql.data<{
      indicatorSystem: {
        version: number;
        cityId: string | null;
        subsystems: { name: string; indicators: { key: string }[] }[];
      };
      platformIndicators: { key: string; available: boolean }[];
    }>(
      `{ indicatorSystem(version: 1) { ${VERSION_FIELDS} } platformIndicators { key available } }`,
    );
    expect(indicatorSystem.cityId).toBeNull();
    expect(indicatorSystem.subsystems.map((s) => [s.name, s.indicators.length])).toEqual([
      ['cultural_soft_power', 5],
      ['talent_innovation', 6],
    ]);
    // The marketplace registers its source; the retail indicators come with retail's.
    expect(platformIndicators).toHaveLength(12);
    expect(platformIndicators.filter((p) => p.available).map((p) => p.key)).toEqual(
      expect.arrayContaining([
        'projects_published',
        'bids_awarded',
        'cross_disciplinary_share',
        'local_culture_share',
      ]),
    );
  });

  it('an ADMIN creates a global version; officials only for their own city', async () => {
    const input = {
      note: 'yearbook figures next to platform activity',
      subsystems: twoSubsystems(
        [
          officialStatistic(keys.visitors, 'Museum visitors'),
          officialStatistic(keys.heritage, 'Heritage sites open'),
          { key: 'creative_sales_revenue', label: 'Creative sales revenue', source: 'PLATFORM' },
        ],
        [
          officialStatistic(keys.patents, 'Design patents'),
          officialStatistic(keys.unemployed, 'Graduate unemployment', { direction: 'NEGATIVE' }),
          { key: 'projects_published', label: 'Projects published', source: 'PLATFORM' },
        ],
      ),
    };
    const create = `mutation($input: CreateIndicatorSystemVersionInput!) { createIndicatorSystemVersion(input: $input) { ${VERSION_FIELDS} } }`;

    const global = await officialA.gql.request(create, { input });
    expect(global.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'GLOBAL_SYSTEM_REQUIRES_ADMIN',
    });
    const otherCity = await officialA.gql.request(create, { input: { ...input, cityId: B.id } });
    expect(otherCity.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OFFICIAL_SCOPE_REQUIRED',
    });
    const unknown = await admin.gql.request(create, {
      input: {
        ...input,
        subsystems: [
          {
            ...input.subsystems[0],
            indicators: [{ key: 'made_up', label: 'x', source: 'PLATFORM' }],
          },
          input.subsystems[1],
        ],
      },
    });
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_PLATFORM_INDICATOR',
    });

    const { createIndicatorSystemVersion: created } = await admin.gql.data<{
      createIndicatorSystemVersion: {
        id: string;
        version: number;
        cityId: string | null;
        modelJson: string;
        method: {
          standardization: { method: string; range: number[] };
          indicatorWeighting: string;
        };
        subsystems: {
          indicators: { key: string; aggregation: string | null; direction: string }[];
        }[];
      };
    }>(create, { input });
    version = created;
    expect(created.version).toBeGreaterThan(1);
    expect(created.cityId).toBeNull();
    expect(created.method.standardization).toEqual({ method: 'MINMAX', range: [0.01, 0.99] });
    expect(created.method.indicatorWeighting).toBe('ENTROPY');
    expect(created.subsystems[1].indicators.map((i) => [i.aggregation, i.direction])).toEqual([
      [null, 'POSITIVE'],
      [null, 'NEGATIVE'],
      ['SUM', 'POSITIVE'],
    ]);
    // The model is exactly what the engine (and the CLI) accepts.
    expect(parseModel(JSON.parse(created.modelJson)).subsystems[1].indicators[1]).toEqual({
      column: keys.unemployed,
      direction: 'negative',
    });

    // An official may make a version for their own city; it is a new number, never an edit.
    const { createIndicatorSystemVersion: own } = await officialA.gql.data<{
      createIndicatorSystemVersion: { version: number; cityId: string };
    }>(create, {
      input: {
        cityId: A.id,
        subsystems: twoSubsystems(
          [{ key: 'brand_reach', label: 'Brand reach', source: 'PLATFORM' }],
          [{ key: 'bids_awarded', label: 'Bids', source: 'PLATFORM' }],
        ),
      },
    });
    expect(own).toMatchObject({ version: expect.any(Number), cityId: A.id });
    expect(own.version).toBeGreaterThan(created.version);
    // In force: a city's own latest version, else the latest global one.
    const inForce = `query($cityId: ID) { indicatorSystem(cityId: $cityId) { version cityId } }`;
    expect(
      (await officialA.gql.data<{ indicatorSystem: unknown }>(inForce, { cityId: A.id }))
        .indicatorSystem,
    ).toEqual({
      version: own.version,
      cityId: A.id,
    });
    expect(
      (await officialB.gql.data<{ indicatorSystem: unknown }>(inForce, { cityId: B.id }))
        .indicatorSystem,
    ).toEqual({
      version: created.version,
      cityId: null,
    });
    const [{ n }] = await app.db.query(
      'SELECT count(*)::int AS n FROM indicator_system_version WHERE version = $1',
      [created.version],
    );
    expect(n).toBe(1);
  });

  it('imports 3 cities × 4 quarters; the worker stores snapshots equal to what libs/coupling computes', async () => {
    const result = await importCsv(admin.gql, panelCsv([A, B, C]) + `${A.code},2026,1,2,3,0.1\n`);
    firstImportId = result.importId;
    expect(result).toMatchObject({
      rowsRead: 13,
      rowsImported: 13,
      rowsRejected: 0,
      valuesInserted: 52,
      valuesUpdated: 0,
      valuesUnchanged: 0,
      recomputeRequested: true,
      errors: [],
    });

    await eventually(async () => (await snapshotRows(app, version.id)).length === 12, 30_000);
    await couplingQueueDrained(app);

    const rows = await snapshotRows(app, version.id);
    expect(rows).toHaveLength(12);
    const { evaluation } = await expectedFromStoredValues(version.id);
    expect(evaluation.samples).toHaveLength(12); // the yearly row is not in the quarterly panel
    for (const row of rows) {
      const expected = evaluation.samples.find(
        (s) => s.id[0] === row.city_id && s.id[1] === row.period,
      )!;
      expect(row.status).toBe('LIVE');
      // A leading-edge run may have stored an earlier revision while the import was landing.
      expect(row.revision).toBeGreaterThanOrEqual(1);
      expect(row.coupling_degree).toBeCloseTo(expected.C, 12);
      expect(row.coordination_index).toBeCloseTo(expected.T, 12);
      expect(row.coordination_degree).toBeCloseTo(expected.D, 12);
      expect(row.level).toBe(expected.level);
      for (const [name, u] of Object.entries(expected.U))
        expect(row.subsystem_values[name]).toBeCloseTo(u, 12);
      for (const [key, x] of Object.entries(expected.standardized)) {
        expect(row.standardized_values[key]).toBeCloseTo(x, 12);
        expect(row.obstacles.indicators[key]).toBeCloseTo(expected.obstacles.indicators[key], 12);
      }
      for (const [key, w] of Object.entries(evaluation.indicatorWeights)) {
        expect(row.frozen.indicatorWeights[key]).toBeCloseTo(w, 12);
      }
      expect(row.frozen.bounds).toEqual(evaluation.frozen.bounds);
    }

    // The same numbers over GraphQL, with what lies behind each one.
    const view = (await snapshot(officialA.gql, A.id, '2026-Q2'))!;
    const expected = evaluation.samples.find((s) => s.id[0] === A.id && s.id[1] === '2026-Q2')!;
    expect(view).toMatchObject({
      status: 'LIVE',
      revision: expect.any(Number),
      level: expected.level,
      systemVersion: { version: version.version },
    });
    expect(view.coordinationDegree).toBeCloseTo(expected.D, 12);
    expect(view.panel).toMatchObject({ sampleCount: 12, cityCount: 3 });
    // Cities of other test files with marketplace activity but no statistics are excluded; ours never.
    const ours = [A.id, B.id, C.id];
    expect(view.panel.excluded.filter((e) => ours.some((id) => e.startsWith(id)))).toEqual([]);
    const visitors = view.indicators.find((i) => i.key === keys.visitors)!;
    expect(visitors.raw).toBe(value.visitors(0, 1));
    expect(visitors.weight).toBeCloseTo(evaluation.indicatorWeights[keys.visitors], 12);
    expect(visitors.bounds).toEqual(evaluation.frozen.bounds[keys.visitors]);
    expect(visitors.trace).toMatchObject({
      source: 'official-statistic',
      recordCount: 1,
      importId: firstImportId,
    });
    const revenue = view.indicators.find((i) => i.key === 'creative_sales_revenue')!;
    // Retail computes revenue; these cities have no sales, so it is 0 with no records behind it.
    expect(revenue).toMatchObject({
      raw: 0,
      weight: 0,
      trace: { source: 'retail', recordCount: 0 },
    });
    expect(view.subsystems.map((s) => s.name)).toEqual([
      'cultural_soft_power',
      'talent_innovation',
    ]);
    expect(view.subsystems[0].value).toBeCloseTo(expected.U.cultural_soft_power, 12);
  });

  it('serves the time series, the comparison, the obstacle ranking and a what-if that writes nothing', async () => {
    const { couplingSnapshots } = await officialA.gql.data<{
      couplingSnapshots: {
        totalCount: number;
        edges: { node: { period: string } }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(
      `query($cityId: ID!, $v: Int) { couplingSnapshots(cityId: $cityId, from: "2026-Q1", to: "2026-Q3", version: $v, first: 2) {
         totalCount edges { node { period } } pageInfo { hasNextPage endCursor } } }`,
      { cityId: A.id, v: version.version },
    );
    expect(couplingSnapshots.totalCount).toBe(3);
    expect(couplingSnapshots.edges.map((e) => e.node.period)).toEqual(['2026-Q1', '2026-Q2']);
    expect(couplingSnapshots.pageInfo.hasNextPage).toBe(true);

    const compare = `query($v: Int) { compareCities(period: "2026-Q2", version: $v) { totalCount edges { node { cityId coordinationDegree } } } }`;
    type Compare = {
      compareCities: {
        totalCount: number;
        edges: { node: { cityId: string; coordinationDegree: number } }[];
      };
    };
    const all = (await admin.gql.data<Compare>(compare, { v: version.version })).compareCities;
    const ours = all.edges.map((e) => e.node).filter((n) => [A.id, B.id, C.id].includes(n.cityId));
    expect(ours).toHaveLength(3);
    const ds = all.edges.map((e) => e.node.coordinationDegree);
    expect(ds).toEqual([...ds].sort((a, b) => b - a));
    const mine = (await officialA.gql.data<Compare>(compare, { v: version.version })).compareCities;
    expect(mine.edges.map((e) => e.node.cityId)).toEqual([A.id]);

    const { obstacleRanking } = await officialA.gql.data<{
      obstacleRanking: {
        indicators: { key: string; obstacle: number }[];
        subsystems: { name: string; obstacle: number }[];
      };
    }>(
      `query($cityId: ID!, $v: Int) { obstacleRanking(cityId: $cityId, period: "2026-Q2", version: $v) {
         indicators { key obstacle } subsystems { name obstacle } } }`,
      { cityId: A.id, v: version.version },
    );
    const obstacles = obstacleRanking.indicators.map((i) => i.obstacle);
    expect(obstacles).toEqual([...obstacles].sort((a, b) => b - a));
    expect(obstacleRanking.indicators).toHaveLength(6);

    const before = await snapshotRows(app, version.id);
    const { simulateCoupling } = await officialA.gql.data<{
      simulateCoupling: {
        coordinationDegree: number;
        couplingDegree: number;
        level: string;
        deltaD: number;
        subsystems: { name: string; value: number }[];
        warnings: { code: string; indicator: string }[];
      };
    }>(
      `query($cityId: ID!, $v: Int, $changes: [IndicatorDeltaInput!]!) {
         simulateCoupling(cityId: $cityId, period: "2026-Q2", version: $v, changes: $changes) {
           coordinationDegree couplingDegree level deltaD subsystems { name value } warnings { code indicator } } }`,
      {
        cityId: A.id,
        v: version.version,
        changes: [
          { indicator: keys.patents, delta: 60 },
          { indicator: keys.unemployed, delta: -0.01 },
        ],
      },
    );
    const [row] = (await snapshotRows(app, version.id)).filter(
      (r) => r.city_id === A.id && r.period === '2026-Q2' && r.status === 'LIVE',
    );
    const { model } = await expectedFromStoredValues(version.id);
    // +60 patents is beyond the version's upper goalpost: clipped there, with a warning.
    const { result: expected, warnings } = evaluateWhatIf({
      model,
      frozen: row.frozen,
      values: {
        ...row.raw_values,
        [keys.patents]: row.raw_values[keys.patents] + 60,
        [keys.unemployed]: row.raw_values[keys.unemployed] - 0.01,
      },
    });
    expect(simulateCoupling.warnings).toEqual(
      warnings.map((w) => ({ code: w.code, indicator: w.indicator })),
    );
    expect(simulateCoupling.warnings).toContainEqual({
      code: 'CLIPPED_AT_GOALPOST',
      indicator: keys.patents,
    });
    expect(simulateCoupling.coordinationDegree).toBeCloseTo(expected.D, 12);
    expect(simulateCoupling.couplingDegree).toBeCloseTo(expected.C, 12);
    expect(simulateCoupling.level).toBe(expected.level);
    expect(simulateCoupling.deltaD).toBeCloseTo(expected.D - row.coordination_degree, 12);
    expect(simulateCoupling.deltaD).toBeGreaterThan(0);
    expect(await snapshotRows(app, version.id)).toEqual(before);

    const unknown = await officialA.gql.request(
      `query($cityId: ID!, $v: Int) { simulateCoupling(cityId: $cityId, period: "2026-Q2", version: $v, changes: [{ indicator: "nope", delta: 1 }]) { deltaD } }`,
      { cityId: A.id, v: version.version },
    );
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'UNKNOWN_INDICATOR',
    });
    const month = await officialA.gql.request(
      `query($cityId: ID!, $v: Int) { couplingSnapshot(cityId: $cityId, period: "2026-05", version: $v) { id } }`,
      { cityId: A.id, v: version.version },
    );
    expect(month.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'PERIOD_GRANULARITY_MISMATCH',
    });
  });

  it('re-importing the same file adds nothing, and recomputing again leaves identical rows', async () => {
    const before = await snapshotRows(app, version.id);
    const statsBefore = await app.db.query(
      `SELECT * FROM official_statistic WHERE indicator = ANY($1::text[]) ORDER BY id`,
      [Object.values(keys)],
    );
    const again = await importCsv(admin.gql, panelCsv([A, B, C]) + `${A.code},2026,1,2,3,0.1\n`);
    expect(again).toMatchObject({
      rowsImported: 13,
      valuesInserted: 0,
      valuesUpdated: 0,
      valuesUnchanged: 52,
      recomputeRequested: false,
    });
    expect(
      await app.db.query(
        `SELECT * FROM official_statistic WHERE indicator = ANY($1::text[]) ORDER BY id`,
        [Object.values(keys)],
      ),
    ).toEqual(statsBefore);

    // Running the jobs again over unchanged data writes nothing: same rows, same timestamps.
    await app.worker!.get(CouplingRecomputeService).recompute(version.id);
    const { requestCouplingRebuild: jobId } = await admin.gql.data<{
      requestCouplingRebuild: string;
    }>('mutation { requestCouplingRebuild }');
    const queue = app.api.get(QueueService).queue(QueueName.COUPLING);
    await eventually(async () => (await queue.getJob(jobId))?.finishedOn !== undefined, 30_000);
    expect((await queue.getJob(jobId))!.progress).toBe(100);
    expect(await snapshotRows(app, version.id)).toEqual(before);

    // The worker registered the nightly full rebuild with the job scheduler.
    const scheduler = await queue.getJobScheduler('coupling-nightly-rebuild');
    expect(scheduler).toMatchObject({
      pattern: '30 3 * * *',
      tz: 'Asia/Shanghai',
      name: 'RebuildCouplingJob',
    });
  });

  it('reports bad rows with their exact lines and imports the good ones', async () => {
    const csv = [
      `city,period,${keys.visitors},${keys.patents}`, // 1
      `${A.code},2027-Q1,120000,90`, // 2 good
      `no-such-city,2027-Q1,1,1`, // 3 unknown city
      `${B.code},2027-Q1,230000,70`, // 4 good
      `${C.code},2027-Q5,1,1`, // 5 bad period
      '', // 6 blank
      `${C.code},2027-Q1,lots,1`, // 7 not a number
      `${C.code},2027-Q1,310000`, // 8 too few cells
      `${C.code},2027-Q2,300000,80`, // 9 good
    ].join('\n');
    const result = await importCsv(admin.gql, csv);
    expect(result.errors).toEqual([
      { line: 3, column: 'city', reason: 'no city has the code "no-such-city"' },
      { line: 5, column: 'period', reason: expect.stringContaining('"2027-Q5" is not a period') },
      { line: 7, column: keys.visitors, reason: '"lots" is not a number' },
      { line: 8, column: null, reason: 'has 3 cells, the header has 4' },
    ]);
    expect(result).toMatchObject({
      rowsRead: 7,
      rowsImported: 3,
      rowsRejected: 4,
      valuesInserted: 6,
    });
    const stored = await app.db.query(
      `SELECT c.code, s.period, s.value, s.import_id FROM official_statistic s JOIN city c ON c.id = s.city_id
        WHERE s.indicator = $1 AND s.period LIKE '2027%' ORDER BY s.period, s.value`,
      [keys.visitors],
    );
    expect(stored).toEqual([
      { code: A.code, period: '2027-Q1', value: 120000, import_id: result.importId },
      { code: B.code, period: '2027-Q1', value: 230000, import_id: result.importId },
      { code: C.code, period: '2027-Q2', value: 300000, import_id: result.importId },
    ]);
    const [record] = await app.db.query(
      'SELECT rows_read, rows_rejected, errors FROM statistic_import WHERE id = $1',
      [result.importId],
    );
    expect(record).toMatchObject({ rows_read: 7, rows_rejected: 4 });
    expect(record.errors.map((e: { line: number }) => e.line)).toEqual([3, 5, 7, 8]);
    await couplingQueueDrained(app);
    // Half-filled 2027 samples lack two indicators: they stay out of the panel, listed as excluded.
    const view = (await snapshot(admin.gql, A.id, '2026-Q1'))!;
    expect(view.panel.excluded).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(`^${A.id}/2027-Q1: missing ${keys.heritage}, ${keys.unemployed}$`),
        ),
      ]),
    );
  });

  it('publishing freezes a period for every city at once; later data changes only the live run', async () => {
    const publish = `mutation($v: Int) { publishCouplingPeriod(period: "2026-Q2", version: $v) { id cityId status revision runId publishedAt } }`;
    // Publishing a global version freezes every city: an official of one city may not.
    const byOfficial = await officialA.gql.request(publish, { v: version.version });
    expect(byOfficial.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'GLOBAL_SYSTEM_REQUIRES_ADMIN',
    });
    type Published = {
      id: string;
      cityId: string;
      status: string;
      revision: number;
      runId: string;
    };
    const { publishCouplingPeriod: published } = await admin.gql.data<{
      publishCouplingPeriod: Published[];
    }>(publish, { v: version.version });
    expect(published.map((s) => s.cityId).sort()).toEqual([A.id, B.id, C.id].sort());
    expect(new Set(published.map((s) => s.runId)).size).toBe(1);
    expect(published.every((s) => s.status === 'PUBLISHED')).toBe(true);
    const publishedRun = published[0].runId;
    const frozenRows = () =>
      app.db.query('SELECT * FROM coupling_snapshot WHERE id = ANY($1::uuid[]) ORDER BY id', [
        published.map((s) => s.id),
      ]);
    const frozen = await frozenRows();
    const frozenA = frozen.find((row: { city_id: string }) => row.city_id === A.id);

    // New data for another city makes a new run; the published rows stay as they were.
    const newer = await importCsv(
      admin.gql,
      `city,period,${keys.visitors},${keys.heritage},${keys.patents},${keys.unemployed}\n${C.code},2027-Q3,900000,40,500,0.01\n`,
    );
    expect(newer.valuesInserted).toBe(4);
    const live = await eventually(async () => {
      const [row] = await snapshotRows(app, version.id).then((rows) =>
        rows.filter(
          (r) => r.city_id === A.id && r.period === '2026-Q2' && r.run_id !== publishedRun,
        ),
      );
      return row;
    }, 30_000);
    await couplingQueueDrained(app);
    expect(live.status).toBe('LIVE');
    expect(live.revision).toBeGreaterThan(published[0].revision);
    expect(live.panel.sampleCount).toBe(13);
    // Its platform indicators are still 0 everywhere, so its basis is not fixed yet: the live
    // numbers are provisional and move with the panel, while the published ones do not.
    expect(live.basis).toMatchObject({ origin: 'BASELINE', fixedAt: null });
    expect(live.basis.note).toMatch(/^provisional: not fixed until every indicator varies/);
    expect(live.coordination_degree).not.toBe(frozenA.coordination_degree);
    expect(await frozenRows()).toEqual(frozen);

    // The current run by default; the published figures on request. Each names its run.
    expect(await snapshot(officialA.gql, A.id, '2026-Q2')).toMatchObject({
      status: 'LIVE',
      revision: live.revision,
      run: { id: live.run_id, status: 'COMPLETED' },
    });
    expect(await snapshot(officialA.gql, A.id, '2026-Q2', 'PUBLISHED')).toMatchObject({
      status: 'PUBLISHED',
      revision: published[0].revision,
      run: { id: publishedRun },
    });
    const { compareCities } = await admin.gql.data<{
      compareCities: { edges: { node: { runId: string; status: string } }[] };
    }>(
      `query($v: Int) { compareCities(period: "2026-Q2", version: $v, status: PUBLISHED) { edges { node { runId status } } } }`,
      { v: version.version },
    );
    expect(compareCities.edges).toHaveLength(3);
    expect(new Set(compareCities.edges.map((e) => e.node.runId))).toEqual(new Set([publishedRun]));

    // One row per (run, city, period), enforced by the database.
    await expect(
      app.db.query(
        `INSERT INTO coupling_snapshot (city_id, period, granularity, period_start, system_version_id, run_id, revision, status,
           raw_values, standardized_values, frozen, scores, subsystem_values, coupling_degree, coordination_index,
           coordination_degree, level, obstacles, obstacles_normalized, trace, panel, basis, content_hash, computed_at)
         SELECT city_id, period, granularity, period_start, system_version_id, run_id, 99, 'LIVE', raw_values, standardized_values,
           frozen, scores, subsystem_values, coupling_degree, coordination_index, coordination_degree, level, obstacles,
           obstacles_normalized, trace, panel, basis, content_hash, computed_at FROM coupling_snapshot WHERE id = $1`,
        [live.id],
      ),
    ).rejects.toThrow(/IDX_coupling_snapshot_run_city_period/);

    // Publishing again freezes the new run's rows; with nothing new left, a third is a conflict.
    const { publishCouplingPeriod: second } = await admin.gql.data<{
      publishCouplingPeriod: Published[];
    }>(publish, { v: version.version });
    expect(new Set(second.map((s) => s.runId))).toEqual(new Set([live.run_id]));
    const third = await admin.gql.request(publish, { v: version.version });
    expect(third.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOTHING_TO_PUBLISH',
    });
  });

  it('limits officials to their city: another city is FORBIDDEN, other roles too', async () => {
    const variables = { cityId: A.id, v: version.version };
    const operations = [
      `query($cityId: ID!, $v: Int) { couplingSnapshot(cityId: $cityId, period: "2026-Q1", version: $v) { id } }`,
      `query($cityId: ID!, $v: Int) { couplingSnapshots(cityId: $cityId, from: "2026-Q1", to: "2026-Q4", version: $v) { totalCount } }`,
      `query($cityId: ID!, $v: Int) { obstacleRanking(cityId: $cityId, period: "2026-Q1", version: $v) { indicators { key } } }`,
      `query($cityId: ID!, $v: Int) { simulateCoupling(cityId: $cityId, period: "2026-Q1", version: $v, changes: [{ indicator: "x", delta: 1 }]) { deltaD } }`,
      `mutation($cityId: ID!, $v: Int) { publishCouplingPeriod(cityId: $cityId, period: "2026-Q1", version: $v) { id } }`,
      `query($cityId: ID!, $v: Int) { officialStatistics(cityId: $cityId) { totalCount } indicatorSystem(cityId: $cityId, version: $v) { id } }`,
    ];
    for (const operation of operations) {
      const byOtherOfficial = await officialB.gql.request(operation, variables);
      expect(byOtherOfficial.errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'OFFICIAL_SCOPE_REQUIRED',
      });
      const byTalent = await talent.gql.request(operation, variables);
      expect(byTalent.errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        reason: 'ROLE_REQUIRED',
      });
      const anonymous = await app.gql.request(operation, variables);
      expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
    // Nothing was published by the refused calls.
    expect(await snapshot(admin.gql, A.id, '2026-Q1')).toMatchObject({ status: 'LIVE' });

    // An import naming a city outside the official's grant imports nothing at all.
    const before = await app.db.query('SELECT count(*)::int AS n FROM official_statistic');
    const refused = await officialB.gql.request(
      `mutation($input: ImportOfficialStatisticsInput!) { importOfficialStatistics(input: $input) { importId } }`,
      {
        input: { csv: `city,period,${keys.visitors}\n${B.code},2028-Q1,5\n${A.code},2028-Q1,5\n` },
      },
    );
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OFFICIAL_SCOPE_REQUIRED',
    });
    expect(await app.db.query('SELECT count(*)::int AS n FROM official_statistic')).toEqual(before);
    // Their own city is fine.
    const own = await importCsv(
      officialB.gql,
      `city,period,${keys.visitors}\n${B.code},2028-Q1,5\n`,
    );
    expect(own.valuesInserted).toBe(1);
  });

  it('debounces: bursts of requests cause a handful of recomputes, and the last value wins', async () => {
    await couplingQueueDrained(app);
    const requester = app.api.get(
      (await import('../../libs/impact/src/coupling-jobs/coupling-recompute.requester'))
        .CouplingRecomputeRequester,
    );
    const startCount = await completedRecomputes(app, version.id);

    // A burst of 1,000 requests at once for the version: the first runs at once (leading edge),
    // the rest join one follow-up at most.
    await Promise.all(
      Array.from({ length: 1000 }, () => requester.requestForVersion(version.id, 'burst')),
    );
    await couplingQueueDrained(app);
    const afterBurst = (await completedRecomputes(app, version.id)) - startCount;

    // 40 imports spread over about 5 s (longer than the debounce window), each changing C's
    // 2026-Q4 visitors: 40 recompute requests, some arriving while a recompute runs.
    const header = `city,period,${keys.visitors}\n`;
    let last = 0;
    const spreadStarted = Date.now();
    for (let k = 1; k <= 40; k += 1) {
      last = 250_000 + k;
      const result = await importCsv(admin.gql, `${header}${C.code},2026-Q4,${last}\n`);
      expect(result.recomputeRequested).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await couplingQueueDrained(app);
    const afterSpread = (await completedRecomputes(app, version.id)) - startCount - afterBurst;
    process.stderr.write(
      `debounce: 1000 simultaneous requests → ${afterBurst} recompute(s); 40 imports over ~5 s → ${afterSpread} recompute(s)\n`,
    );
    expect(afterBurst).toBeGreaterThanOrEqual(1);
    expect(afterBurst).toBeLessThanOrEqual(2);
    // Runs are at least the trailing delay apart, besides one leading run per window.
    const spreadMs = Date.now() - spreadStarted;
    expect(afterSpread).toBeGreaterThanOrEqual(2);
    expect(afterSpread).toBeLessThanOrEqual(
      Math.ceil(spreadMs / COUPLING_RECOMPUTE_DEBOUNCE_MS) + Math.ceil(spreadMs / 1_000) + 1,
    );
    expect(afterSpread).toBeLessThan(40);

    // Other domains send the event (through the outbox) instead of calling: 500 "inputs
    // changed" events for city C collapse into one or two event jobs and recomputes.
    const queue = app.api.get(QueueService).queue(QueueName.COUPLING);
    const eventJobs = async () =>
      (await queue.getJobs(['completed'], 0, -1)).filter(
        (job) => job?.name === 'CouplingInputsChangedJob' && job.data.cityId === C.id,
      );
    const beforeEvents = (await completedRecomputes(app, version.id)) - startCount;
    const eventsStarted = Date.now();
    await Promise.all(
      Array.from({ length: 500 }, () =>
        app.db.transaction((manager) =>
          app.api.get(OutboxWriter).addAll(manager, [
            couplingInputsChanged({
              cityId: C.id,
              period: '2026-Q4',
              indicators: [keys.visitors],
              reason: 'test event',
            }),
          ]),
        ),
      ),
    );
    await couplingQueueDrained(app);
    const handled = await eventJobs();
    const afterEvents = (await completedRecomputes(app, version.id)) - startCount - beforeEvents;
    process.stderr.write(
      `debounce: 500 inputs-changed events → ${handled.length} event job(s) → ${afterEvents} recompute(s) of the version\n`,
    );
    // Event jobs run as the relay moves them (cheap: they only ask the requester); the
    // recomputes they ask for stay debounced: at most one per trailing delay and leading window.
    const eventsMs = Date.now() - eventsStarted;
    expect(handled.length).toBeGreaterThanOrEqual(1);
    expect(handled.length).toBeLessThan(500);
    expect(handled[0].returnvalue).toEqual([version.id]);
    expect(afterEvents).toBeGreaterThanOrEqual(1);
    expect(afterEvents).toBeLessThanOrEqual(
      Math.ceil(eventsMs / COUPLING_RECOMPUTE_DEBOUNCE_MS) + Math.ceil(eventsMs / 1_000) + 1,
    );

    const [row] = await app.db.query(
      `SELECT raw_values FROM coupling_snapshot WHERE city_id = $1 AND period = '2026-Q4' AND system_version_id = $2 AND run_id = (SELECT current_run_id FROM indicator_system_version v WHERE v.id = system_version_id)`,
      [C.id, version.id],
    );
    expect(row.raw_values[keys.visitors]).toBe(last);
  });

  it('plugs in a PlatformIndicatorSource: its totals enter the panel and project contributions are stored', async () => {
    const D = await seedTestCity(app);
    const local = uniqueKeys('museums', 'incubators');
    const { createIndicatorSystemVersion: v } = await admin.gql.data<{
      createIndicatorSystemVersion: { id: string; version: number };
    }>(
      `mutation($input: CreateIndicatorSystemVersionInput!) { createIndicatorSystemVersion(input: $input) { id version } }`,
      {
        input: {
          cityId: D.id,
          subsystems: [
            {
              name: 'cultural_soft_power',
              label: 'U1',
              indicators: [
                { key: local.museums, label: 'Museums', source: 'OFFICIAL_STATISTIC' },
                { key: 'creative_sales_revenue', label: 'Revenue', source: 'PLATFORM' },
              ],
            },
            {
              name: 'talent_innovation',
              label: 'U2',
              indicators: [
                { key: local.incubators, label: 'Incubators', source: 'OFFICIAL_STATISTIC' },
                { key: 'sell_through', label: 'Sell-through', source: 'PLATFORM' },
              ],
            },
          ],
        },
      },
    );
    await importCsv(
      admin.gql,
      `city,period,${local.museums},${local.incubators}\n` +
        QUARTERS.map((q, i) => `${D.code},${q},${10 + i * 3},${4 + (i % 3)}`).join('\n'),
    );
    await couplingQueueDrained(app);

    // A stand-in for the retail domain's source (test data only; the product registers none yet).
    const p1 = '00000000-0000-4000-8000-000000000001';
    const p2 = '00000000-0000-4000-8000-000000000002';
    const source: PlatformIndicatorSource = {
      name: 'test.retail',
      indicators: ['creative_sales_revenue', 'sell_through'],
      async collect(query) {
        expect(query.cityIds).toEqual([D.id]);
        return QUARTERS.flatMap((period, i) => [
          {
            cityId: D.id,
            period,
            indicator: 'creative_sales_revenue',
            total: 1000 * (i + 1) + platformState.p2Revenue,
            recordCount: 7 + i,
            parts: [
              { projectId: p1, amount: 1000 * (i + 1) },
              { projectId: p2, amount: platformState.p2Revenue },
            ],
          },
          {
            cityId: D.id,
            period,
            indicator: 'sell_through',
            total: { numerator: 30 + 10 * i, denominator: 100 },
            recordCount: 3,
            parts: [
              { projectId: p1, amount: { numerator: 20 + 10 * i, denominator: 60 } },
              { projectId: p2, amount: { numerator: 10, denominator: 40 } },
            ],
          },
        ]);
      },
    };
    platformCase = { versionId: v.id, source };
    const registry = app.worker!.get(PlatformIndicatorRegistry);
    const restore = standIn(registry, source);
    try {
      const summary = await app.worker!.get(CouplingRecomputeService).recompute(v.id);
      expect(summary).toMatchObject({
        sampleCount: 4,
        snapshotsWritten: 4,
        contributionsWritten: 8,
      });
    } finally {
      restore();
    }
    const [row] = await app.db.query(
      `SELECT * FROM coupling_snapshot WHERE city_id = $1 AND period = '2026-Q3' AND system_version_id = $2 AND run_id = (SELECT current_run_id FROM indicator_system_version v WHERE v.id = system_version_id)`,
      [D.id, v.id],
    );
    expect(row.raw_values.creative_sales_revenue).toBe(3500);
    expect(row.raw_values.sell_through).toBeCloseTo(0.5, 15);
    expect(row.trace.creative_sales_revenue).toEqual({
      source: 'test.retail',
      recordCount: 9,
      contributorCount: 2,
    });
    expect(row.trace.sell_through).toMatchObject({
      source: 'test.retail',
      numerator: 50,
      denominator: 100,
    });

    const stored = await app.db.query(
      'SELECT project_id, raw_parts, delta_u, delta_d FROM project_contribution WHERE snapshot_id = $1 ORDER BY project_id',
      [row.id],
    );
    const [versionRow] = await app.db.query(
      'SELECT model FROM indicator_system_version WHERE id = $1',
      [v.id],
    );
    // The version's basis was fixed by this run (every indicator varies now): goalposts clip.
    const [{ basis }] = await app.db.query(
      'SELECT basis FROM indicator_system_version WHERE id = $1',
      [v.id],
    );
    expect(basis).toMatchObject({ origin: 'BASELINE', baselinePeriods: QUARTERS, headroom: 0 });
    expect(row.basis).toEqual({
      origin: 'BASELINE',
      baselinePeriods: QUARTERS,
      headroom: 0,
      fixedAt: basis.fixedAt,
      hash: basis.hash,
    });
    const expected = computeContributions({
      model: modelWithBasis(parseModel(versionRow.model), row.frozen),
      frozen: row.frozen,
      totals: {
        [local.museums]: row.raw_values[local.museums],
        [local.incubators]: row.raw_values[local.incubators],
        creative_sales_revenue: 3500,
        sell_through: { numerator: 50, denominator: 100 },
      },
      contributors: [
        {
          id: p1,
          parts: { creative_sales_revenue: 3000, sell_through: { numerator: 40, denominator: 60 } },
        },
        {
          id: p2,
          parts: { creative_sales_revenue: 500, sell_through: { numerator: 10, denominator: 40 } },
        },
      ],
    });
    expect(stored.map((c: { project_id: string }) => c.project_id)).toEqual([p1, p2]);
    stored.forEach(
      (c: { delta_d: number; delta_u: Record<string, number>; raw_parts: unknown }, i: number) => {
        expect(c.delta_d).toBeCloseTo(expected.contributions[i].deltaD, 12);
        expect(c.delta_u.cultural_soft_power).toBeCloseTo(
          expected.contributions[i].deltaU.cultural_soft_power,
          12,
        );
      },
    );
    expect(expected.base.D).toBeCloseTo(row.coordination_degree, 12);
    expect(stored[0].delta_d).toBeGreaterThan(stored[1].delta_d);
  });

  it('a recompute killed midway leaves the current run whole, and the retry completes it', async () => {
    const { versionId, source } = platformCase!;
    const registry = app.worker!.get(PlatformIndicatorRegistry);
    const service = app.worker!.get(CouplingRecomputeService);
    const contributionsOf = (snapshotId: string) =>
      app.db.query(
        'SELECT * FROM project_contribution WHERE snapshot_id = $1 ORDER BY project_id',
        [snapshotId],
      );
    const before = await snapshotRows(app, versionId);
    const contributionsBefore = await Promise.all(before.map((row) => contributionsOf(row.id)));

    // New data moves every sample; the process dies after the run's snapshots are inserted.
    platformState.p2Revenue = 900;
    const restore = standIn(registry, source);
    const insert = EntityManager.prototype.insert;
    const crash = jest.spyOn(EntityManager.prototype, 'insert').mockImplementation(function (
      this: EntityManager,
      target,
      values,
    ) {
      if (target === ProjectContribution) throw new Error('worker killed');
      return insert.call(this, target as never, values as never);
    });
    try {
      await expect(service.recompute(versionId)).rejects.toThrow('worker killed');
    } finally {
      crash.mockRestore();
    }
    const mid = await snapshotRows(app, versionId);
    expect(mid).toEqual(before);
    for (const [i, row] of mid.entries()) {
      expect(await contributionsOf(row.id)).toEqual(contributionsBefore[i]);
    }
    // The failed run is on record, and none of its rows exist.
    const [failed] = await app.db.query(
      'SELECT * FROM coupling_run WHERE system_version_id = $1 ORDER BY sequence DESC LIMIT 1',
      [versionId],
    );
    expect(failed.status).toBe('FAILED');
    expect(
      await app.db.query('SELECT id FROM coupling_snapshot WHERE run_id = $1', [failed.id]),
    ).toEqual([]);

    // The retried job writes the whole run; a further run writes nothing.
    try {
      expect(await service.recompute(versionId)).toMatchObject({
        snapshotsWritten: 4,
        contributionsWritten: 8,
      });
      expect(await service.recompute(versionId)).toMatchObject({
        snapshotsWritten: 0,
        snapshotsUnchanged: 4,
      });
    } finally {
      restore();
    }
    const after = await snapshotRows(app, versionId);
    expect(after.map((row) => row.raw_values.creative_sales_revenue)).toEqual([
      1900, 2900, 3900, 4900,
    ]);
  });
});
