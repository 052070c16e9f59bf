import { periodOf } from '@cc/impact';
import { couplingQueueDrained } from '../impact/impact-test-kit';
import { IdentityFactory, TestUser } from '../support/identity.factory';
import { teamOf } from '../support/marketplace.factory';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import { admit, apply, createCohort, createProgram, draftProject } from './incubation-test-kit';

const VERSION = `query($version: Int) { indicatorSystem(version: $version) {
  version subsystems { name indicators { key } } } }`;

interface VersionView {
  indicatorSystem: {
    version: number;
    subsystems: { name: string; indicators: { key: string }[] }[];
  };
}

describe('incubation: the city indicator active_incubated_ventures', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
  });

  afterAll(() => app.close());

  it('is in a new version of the default system; version 1 stays readable without it', async () => {
    const admin = await new IdentityFactory(app).admin();
    const keysOf = (view: VersionView) =>
      view.indicatorSystem.subsystems
        .find((s) => s.name === 'talent_innovation')!
        .indicators.map((i) => i.key);
    const first = await admin.gql.data<VersionView>(VERSION, { version: 1 });
    expect(keysOf(first)).not.toContain('active_incubated_ventures');
    // Other test files may add global versions meanwhile: find the one the migration made.
    const [{ version }] = await app.db.query(
      `SELECT version FROM indicator_system_version WHERE city_id IS NULL
          AND indicators @> '[{"key": "active_incubated_ventures"}]' ORDER BY version LIMIT 1`,
    );
    const current = await admin.gql.data<VersionView>(VERSION, { version });
    expect(current.indicatorSystem.version).toBeGreaterThan(1);
    expect(keysOf(current)).toEqual([
      'projects_published',
      'bids_awarded',
      'sell_through',
      'active_incubated_ventures',
      'cross_disciplinary_share',
      'local_culture_share',
      'talent_earnings',
    ]);
    const { platformIndicators } = await admin.gql.data<{
      platformIndicators: { key: string; available: boolean }[];
    }>('{ platformIndicators { key available } }');
    expect(platformIndicators).toContainEqual({
      key: 'active_incubated_ventures',
      available: true,
    });
  });

  it('admitted teams move the city’s value, per project, in the stored snapshot after the queue drains', async () => {
    const factory = new IdentityFactory(app);
    const city = await factory.defaultCity();
    const incubator = await factory.incubator();
    const cohortId = await createCohort(incubator, await createProgram(incubator));
    const talents: TestUser[] = await Promise.all([1, 2, 3].map(() => factory.talent()));
    const teamId = await teamOf(talents[0], []);
    const twoProjects = [
      await draftProject(talents[0], city, { teamId, title: 'Foundry lamps' }),
      await draftProject(talents[0], city, { teamId, title: 'Foundry hooks' }),
    ];
    const single = await draftProject(talents[1], city);
    const leaving = await draftProject(talents[2], city);
    const team = await apply(talents[0], cohortId, twoProjects, teamId);
    const solo = await apply(talents[1], cohortId, [single]);
    const leaver = await apply(talents[2], cohortId, [leaving]);
    for (const application of [team, solo, leaver]) await admit(incubator, application.id);
    await talents[2].gql.data('mutation($id: ID!) { withdrawApplication(id: $id) { id } }', {
      id: leaver.id,
    });

    // Entropy weights need two samples: a venture in a second city.
    const elsewhere = new IdentityFactory(app);
    const otherIncubator = await elsewhere.incubator();
    const otherCohort = await createCohort(otherIncubator, await createProgram(otherIncubator));
    const founder = await elsewhere.talent();
    const founderProject = await draftProject(founder, await elsewhere.defaultCity());
    await admit(otherIncubator, (await apply(founder, otherCohort, [founderProject])).id);

    const period = periodOf(new Date()).key;
    const [{ id: versionId }] = await app.db.query(
      `SELECT id FROM indicator_system_version WHERE city_id IS NULL
          AND indicators @> '[{"key": "active_incubated_ventures"}]' ORDER BY version LIMIT 1`,
    );
    await couplingQueueDrained(app, 60_000);
    const [snapshot] = await eventually(async () => {
      const rows: { id: string; raw_values: Record<string, number> }[] = await app.db.query(
        `SELECT id, raw_values FROM coupling_snapshot
          WHERE city_id = $1 AND period = $2 AND system_version_id = $3 AND status = 'LIVE'`,
        [city.cityId, period, versionId],
      );
      // Withdrawn in this period: only the team and the solo talent count.
      return rows.length && rows[0].raw_values.active_incubated_ventures === 2 ? rows : undefined;
    }, 60_000);
    expect(snapshot.raw_values.active_incubated_ventures).toBe(2);

    const parts: { project_id: string; part: number }[] = await app.db.query(
      `SELECT project_id, (raw_parts->>'active_incubated_ventures')::float8 AS part
         FROM project_contribution WHERE snapshot_id = $1 AND raw_parts ? 'active_incubated_ventures'
        ORDER BY project_id`,
      [snapshot.id],
    );
    expect(Object.fromEntries(parts.map((p) => [p.project_id, p.part]))).toEqual({
      [twoProjects[0]]: 0.5,
      [twoProjects[1]]: 0.5,
      [single]: 1,
    });
  });
});
