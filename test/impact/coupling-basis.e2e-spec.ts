import { IdentityFactory, TestUser } from '../support/identity.factory';
import { createIndicatorSystemVersion, officialPairInput } from '../support/indicator-system.kit';
import { startTestApp, TestApp } from '../support/test-app';
import {
  couplingQueueDrained,
  importCsv,
  seedTestCity,
  snapshotRows,
  SnapshotRow,
  TestCity,
  uniqueKeys,
} from './impact-test-kit';

jest.setTimeout(60_000);

const BASIS_FIELDS = 'origin baselinePeriods headroom fixedAt hash note';

/** Issue 10: a stored basis per indicator-system version. */
describe('impact: a stored basis per indicator-system version', () => {
  let app: TestApp;
  let admin: TestUser;
  let A: TestCity;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    admin = await new IdentityFactory(app).admin();
    A = await seedTestCity(app);
  });

  afterAll(() => app?.close());

  function systemInput(keys: Record<'visitors' | 'patents', string>, extra: object = {}) {
    return officialPairInput(keys, { cityId: A.id, ...extra });
  }

  /** FIXED indicator weighting: weight 1 for the one indicator of each subsystem. */
  function fixedWeights(keys: Record<'visitors' | 'patents', string>) {
    return {
      indicatorWeighting: 'FIXED',
      subsystems: systemInput(keys).subsystems.map((s) => ({
        ...s,
        indicators: s.indicators.map((i) => ({ ...i, weight: 1 })),
      })),
    };
  }

  const createVersion = (input: object) => createIndicatorSystemVersion(admin.gql, input);

  async function versionBasis(version: number) {
    const { indicatorSystem } = await admin.gql.data<{
      indicatorSystem: { basis: Record<string, unknown> };
    }>(`query($v: Int!) { indicatorSystem(version: $v) { basis { ${BASIS_FIELDS} } } }`, {
      v: version,
    });
    return indicatorSystem.basis;
  }

  const numbers = (row: SnapshotRow) => ({
    period: row.period,
    U: row.subsystem_values,
    C: row.coupling_degree,
    T: row.coordination_index,
    D: row.coordination_degree,
  });

  it('a BASELINE basis is fixed once; a new period leaves earlier ones bit-identical, unlike PANEL', async () => {
    const keys = uniqueKeys('visitors', 'patents');
    const stored = await createVersion(
      systemInput(keys, {
        basis: { origin: 'BASELINE', baselinePeriods: ['2026-Q2', '2026-Q1'], headroom: 0.1 },
      }),
    );
    const panel = await createVersion(systemInput(keys, { basis: { origin: 'PANEL' } }));
    expect(await versionBasis(stored.version)).toEqual({
      origin: 'BASELINE',
      baselinePeriods: ['2026-Q1', '2026-Q2'],
      headroom: 0.1,
      fixedAt: null,
      hash: null,
      note: null,
    });

    await importCsv(
      admin.gql,
      `city,period,${keys.visitors},${keys.patents}\n` +
        `${A.code},2026-Q1,1000,40\n${A.code},2026-Q2,3000,10\n${A.code},2026-Q3,2000,30\n`,
    );
    await couplingQueueDrained(app);
    const basis = await versionBasis(stored.version);
    expect(basis).toMatchObject({
      origin: 'BASELINE',
      baselinePeriods: ['2026-Q1', '2026-Q2'],
      headroom: 0.1,
      note: null,
    });
    expect(basis.fixedAt).toEqual(expect.any(String));
    expect(basis.hash).toMatch(/^[0-9a-f]{64}$/);
    const [{ basis: storedBasis }] = await app.db.query(
      'SELECT basis FROM indicator_system_version WHERE id = $1',
      [stored.id],
    );
    // min/max of Q1–Q2 widened by 10 % of the span on each side.
    expect(storedBasis.frozen.bounds).toEqual({
      [keys.visitors]: { min: 800, max: 3200 },
      [keys.patents]: { min: 7, max: 43 },
    });

    const before = (await snapshotRows(app, stored.id)).map(numbers);
    const panelBefore = (await snapshotRows(app, panel.id)).map(numbers);
    expect(before.map((row) => row.period)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);

    // The trace shows the basis on every snapshot.
    const { couplingSnapshot } = await admin.gql.data<{
      couplingSnapshot: { basis: Record<string, unknown> };
    }>(
      `query($cityId: ID!, $v: Int!) { couplingSnapshot(cityId: $cityId, period: "2026-Q3", version: $v) { basis { ${BASIS_FIELDS} } } }`,
      { cityId: A.id, v: stored.version },
    );
    expect(couplingSnapshot.basis).toEqual(basis);

    // A record quarter beyond the goalposts: clipped (with a warning), earlier quarters untouched.
    await importCsv(
      admin.gql,
      `city,period,${keys.visitors},${keys.patents}\n${A.code},2026-Q4,9000,60\n`,
    );
    await couplingQueueDrained(app);
    const after = await snapshotRows(app, stored.id);
    expect(after.map(numbers).slice(0, 3)).toEqual(before);
    const q4 = after[3];
    expect(q4.period).toBe('2026-Q4');
    expect(q4.standardized_values).toEqual({ [keys.visitors]: 0.99, [keys.patents]: 0.99 });
    expect(Object.values(q4.subsystem_values).every((u) => u >= 0 && u <= 1)).toBe(true);
    expect(
      (q4.warnings as { code: string; indicator: string }[]).map((w) => [w.code, w.indicator]),
    ).toEqual([
      ['CLIPPED_AT_GOALPOST', keys.visitors],
      ['CLIPPED_AT_GOALPOST', keys.patents],
    ]);
    expect((after[2].warnings as { code: string }[]).map((w) => w.code)).not.toContain(
      'CLIPPED_AT_GOALPOST',
    );

    // PANEL (research mode) re-standardises the whole panel: Q1's D moves with Q4's data.
    const panelAfter = (await snapshotRows(app, panel.id)).map(numbers);
    expect(panelAfter[0].D).not.toBe(panelBefore[0].D);
    expect((await snapshotRows(app, panel.id))[0].basis).toMatchObject({
      origin: 'PANEL',
      fixedAt: null,
    });
  });

  it('an EXPLICIT basis is fixed at creation and computes even a single sample', async () => {
    const keys = uniqueKeys('visitors', 'patents');
    const explicit = fixedWeights(keys);
    const version = await createVersion(
      systemInput(keys, {
        ...explicit,
        basis: {
          origin: 'EXPLICIT',
          goalposts: [
            { indicator: keys.visitors, lower: 0, upper: 10_000 },
            { indicator: keys.patents, lower: 0, upper: 100 },
          ],
        },
      }),
    );
    const basis = await versionBasis(version.version);
    expect(basis).toMatchObject({ origin: 'EXPLICIT', baselinePeriods: [], headroom: 0 });
    expect(basis.fixedAt).toEqual(expect.any(String));

    await importCsv(
      admin.gql,
      `city,period,${keys.visitors},${keys.patents}\n${A.code},2026-Q1,5000,25\n`,
    );
    await couplingQueueDrained(app);
    const [row] = await snapshotRows(app, version.id);
    // x' = 0.01 + 0.98 · 0.5 and 0.01 + 0.98 · 0.25 (the default range [0.01, 0.99]).
    expect(row.standardized_values).toEqual({ [keys.visitors]: 0.5, [keys.patents]: 0.255 });
    expect(row.subsystem_values).toEqual({ cultural_soft_power: 0.5, talent_innovation: 0.255 });
  });

  it.each([
    [
      'periods for PANEL',
      { origin: 'PANEL', baselinePeriods: ['2026-Q1'] },
      'basis: baselinePeriods is only for an origin BASELINE basis, not PANEL',
    ],
    [
      'a month for a quarterly version',
      { origin: 'BASELINE', baselinePeriods: ['2026-01'] },
      'basis: 2026-01 is not a quarter, as this version reports',
    ],
    [
      'a malformed period',
      { origin: 'BASELINE', baselinePeriods: ['Q1'] },
      'basis: "Q1" is not a period: use 2026-Q3, 2026-09 or 2026',
    ],
    [
      'EXPLICIT with entropy weights',
      { origin: 'EXPLICIT', goalposts: [] },
      'basis: an EXPLICIT basis needs FIXED indicator weighting (entropy weights depend on a panel)',
    ],
    [
      'goalposts for BASELINE',
      { origin: 'BASELINE', goalposts: [{ indicator: 'x', lower: 0, upper: 1 }] },
      'basis: goalposts is only for an origin EXPLICIT basis, not BASELINE',
    ],
  ])('rejects a basis with %s', async (_, basis, message) => {
    const keys = uniqueKeys('visitors', 'patents');
    const result = await admin.gql.request(
      `mutation($input: CreateIndicatorSystemVersionInput!) { createIndicatorSystemVersion(input: $input) { id } }`,
      { input: systemInput(keys, { basis }) },
    );
    expect(result.errors?.[0].message).toBe(`Invalid indicator system: ${message}`);
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('rejects EXPLICIT goalposts that miss an indicator or are reversed', async () => {
    const keys = uniqueKeys('visitors', 'patents');
    const fixed = fixedWeights(keys);
    const attempt = async (goalposts: object[]) =>
      (
        await admin.gql.request(
          `mutation($input: CreateIndicatorSystemVersionInput!) { createIndicatorSystemVersion(input: $input) { id } }`,
          { input: systemInput(keys, { ...fixed, basis: { origin: 'EXPLICIT', goalposts } }) },
        )
      ).errors?.[0].message;
    expect(await attempt([{ indicator: keys.visitors, lower: 0, upper: 1 }])).toBe(
      `Invalid indicator system: basis: goalposts are missing for ${keys.patents}`,
    );
    expect(
      await attempt([
        { indicator: keys.visitors, lower: 5, upper: 1 },
        { indicator: keys.patents, lower: 0, upper: 1 },
      ]),
    ).toBe(
      `Invalid indicator system: basis: goalposts of ${keys.visitors} need lower <= upper, got [5, 1]`,
    );
    expect(
      await attempt([
        { indicator: 'nope', lower: 0, upper: 1 },
        { indicator: keys.patents, lower: 0, upper: 1 },
      ]),
    ).toBe(
      'Invalid indicator system: basis: goalposts name "nope", which is not an indicator of this version',
    );
  });

  it('explains an absence instead of null: NO_DATA before any data, TOO_FEW_SAMPLES, NO_DATA in a period', async () => {
    const keys = uniqueKeys('visitors', 'patents');
    const version = await createVersion(systemInput(keys));
    const explained = async (period: string) => {
      const { couplingPeriod } = await admin.gql.data<{
        couplingPeriod: {
          snapshot: { id: string } | null;
          absence: {
            reason: string;
            message: string;
            sampleCount: number | null;
            minimum: number | null;
          } | null;
        };
      }>(
        `query($cityId: ID!, $period: String!, $v: Int) { couplingPeriod(cityId: $cityId, period: $period, version: $v) {
           snapshot { id } absence { reason message sampleCount minimum } } }`,
        { cityId: A.id, period, v: version.version },
      );
      return couplingPeriod;
    };
    // Creating the version sets off its first recompute at once (leading edge), so the window in
    // which it reads NOT_COMPUTED_YET ("has not been computed yet", then "is being computed now")
    // is a race here; coupling-absence.spec.ts holds both messages. Once it ran, with no data:
    await couplingQueueDrained(app);
    expect(await explained('2026-Q1')).toEqual({
      snapshot: null,
      absence: {
        reason: 'NO_DATA',
        message: `version ${version.version} has no data yet: the panel has no samples: no city has a value of these indicators yet`,
        sampleCount: null,
        minimum: null,
      },
    });

    await importCsv(
      admin.gql,
      `city,period,${keys.visitors},${keys.patents}\n${A.code},2026-Q1,10,4\n`,
    );
    await couplingQueueDrained(app);
    expect(await explained('2026-Q1')).toMatchObject({
      snapshot: null,
      absence: { reason: 'TOO_FEW_SAMPLES', sampleCount: 1, minimum: 2 },
    });

    await importCsv(
      admin.gql,
      `city,period,${keys.visitors},${keys.patents}\n${A.code},2026-Q2,30,2\n`,
    );
    await couplingQueueDrained(app);
    expect((await explained('2026-Q1')).snapshot).toEqual({ id: expect.any(String) });
    expect(await explained('2026-Q4')).toMatchObject({
      snapshot: null,
      absence: { reason: 'NO_DATA' },
    });
  });
});
