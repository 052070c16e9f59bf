import {
  computeContributions,
  evaluate,
  evaluateWhatIf,
  modelWithBasis,
  IndicatorAmount,
  parseModel,
} from '@cc/coupling';
import { Period, parsePeriod, periodOf, periodOrdinal } from '@cc/impact';
import { seedCity, SeededCity } from '../support/catalog.factory';
import { countQueries } from '../support/sql-counter';
import { IdentityFactory, TestOfficial, TestUser } from '../support/identity.factory';
import { deliveredProject, teamOf } from '../support/marketplace.factory';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import { couplingQueueDrained, SnapshotRow } from './impact-test-kit';

jest.setTimeout(120_000);

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

interface ContributionRow {
  project_id: string;
  raw_parts: Record<string, IndicatorAmount>;
  delta_u: Record<string, number>;
  delta_c: number;
  delta_t: number;
  delta_d: number;
}

interface ContributionNode {
  projectId: string;
  period: string;
  deltaD: number;
  deltaU: { name: string; delta: number }[];
  parts: { indicator: string; amount: number | null; numerator: number | null }[];
  systemVersion: number;
  status: string;
  project: { id: string; title: string } | null;
}

const CONTRIBUTION_FIELDS = `projectId period deltaD systemVersion status
  deltaU { name delta } parts { indicator amount numerator }
  project { id title }`;

const RANKING = `query($cityId: ID!, $period: String!, $first: Int, $after: String) {
  projectContributions(cityId: $cityId, period: $period, version: 1, orderBy: DELTA_D_DESC, first: $first, after: $after) {
    totalCount edges { cursor node { ${CONTRIBUTION_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;

describe('impact: the marketplace platform indicators, end to end', () => {
  let app: TestApp;
  let identity: IdentityFactory;
  let admin: TestUser;
  let X: SeededCity;
  let Y: SeededCity;
  let officialX: TestOfficial;
  let officialY: TestOfficial;
  /** Creator of the solo project p1 and member of the team that owns p2. */
  let me: TestUser;
  let lead: TestUser;
  let other: TestUser;
  let versionId: string;
  let model: ReturnType<typeof parseModel>;
  let indicators: { key: string; aggregation: string | null }[];
  const projects: Record<string, string> = {};

  async function setDisciplines(user: TestUser, disciplines: string[]) {
    await user.gql.data(
      'mutation($input: UpsertTalentProfileInput!) { upsertTalentProfile(input: $input) { disciplines } }',
      { input: { disciplines } },
    );
  }

  /** create → publish (no bids), with the category, team and resources given. */
  async function publishedProject(
    owner: TestUser,
    city: SeededCity,
    options: {
      title: string;
      category?: string;
      teamId?: string;
      culturalResourceIds?: string[];
      publish?: boolean;
    },
  ): Promise<string> {
    const { createProject } = await owner.gql.data<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      {
        input: {
          title: options.title,
          description: 'A test project for the coupling indicators.',
          cityId: city.cityId,
          ...(options.teamId && { teamId: options.teamId }),
          category: options.category ?? 'PRODUCT',
          culturalResourceIds: options.culturalResourceIds ?? [],
          processes: ['METAL_CASTING'],
          materials: ['cast iron'],
          quantity: 300,
          targetUnitCostFen: 2000,
          requiredCertifications: [],
          bidDeadline: inDays(10),
          deliveryDeadline: inDays(90),
        },
      },
    );
    if (options.publish !== false) {
      await owner.gql.data('mutation($id: ID!) { publishProject(id: $id) { id } }', {
        id: createProject.id,
      });
    }
    return createProject.id;
  }

  /**
   * The four indicators per (city, period), computed here from the database without the
   * source's SQL: projects and their links, orders and accepted bids, teams and disciplines.
   */
  async function expectedFromDatabase(cityIds: string[]) {
    const rows: {
      id: string;
      city_id: string;
      category: string;
      owner_user_id: string;
      owner_team_id: string | null;
      published_at: Date | null;
      resource_cities: (string | null)[];
    }[] = await app.db.query(
      `SELECT p.id, p.city_id, p.category, p.owner_user_id, p.owner_team_id, p.published_at,
              array(SELECT cr.city_id::text FROM project_cultural_resource link
                      JOIN cultural_resource cr ON cr.id = link.cultural_resource_id
                     WHERE link.project_id = p.id) AS resource_cities
         FROM project p WHERE p.city_id = ANY($1::uuid[])`,
      [cityIds],
    );
    const members: { team_id: string; user_id: string }[] = await app.db.query(
      'SELECT team_id, user_id FROM team_member',
    );
    const disciplines = new Map<string, string[]>(
      (
        await app.db.query<{ user_id: string; disciplines: string[] | string }[]>(
          'SELECT user_id, disciplines::text[] AS disciplines FROM talent_profile',
        )
      ).map((r) => [r.user_id, Array.isArray(r.disciplines) ? r.disciplines : []]),
    );
    const awards: { project_id: string; created_at: Date }[] = await app.db.query(
      `SELECT po.project_id, po.created_at FROM production_order po
         JOIN bid b ON b.id = po.bid_id AND b.state = 'ACCEPTED'`,
    );
    const cells = new Map<string, Record<string, number>>();
    const parts = new Map<string, Record<string, IndicatorAmount>>();
    const cell = (cityId: string, period: Period) => {
      const key = `${cityId}/${period.key}`;
      if (!cells.has(key)) cells.set(key, {});
      return cells.get(key)!;
    };
    const add = (key: string, projectId: string, indicator: string, amount: IndicatorAmount) => {
      const own = parts.get(`${key}/${projectId}`) ?? {};
      own[indicator] = amount;
      parts.set(`${key}/${projectId}`, own);
    };
    for (const p of rows) {
      if (!p.published_at) continue;
      const period = periodOf(new Date(p.published_at));
      const c = cell(p.city_id, period);
      const key = `${p.city_id}/${period.key}`;
      const people = new Set([p.owner_user_id]);
      for (const m of members) if (m.team_id === p.owner_team_id) people.add(m.user_id);
      const fields = new Set([...people].flatMap((u) => disciplines.get(u) ?? []));
      const local = p.resource_cities.includes(p.city_id) ? 1 : 0;
      const cross =
        p.category === 'DIGITAL_EXPERIENCE' || fields.size >= 2 || fields.has('DIGITAL_TECHNOLOGY')
          ? 1
          : 0;
      c.projects_published = (c.projects_published ?? 0) + 1;
      c.local_n = (c.local_n ?? 0) + local;
      c.cross_n = (c.cross_n ?? 0) + cross;
      add(key, p.id, 'projects_published', 1);
      add(key, p.id, 'local_culture_share', { numerator: local, denominator: 1 });
      add(key, p.id, 'cross_disciplinary_share', { numerator: cross, denominator: 1 });
    }
    const byId = new Map(rows.map((p) => [p.id, p]));
    for (const award of awards) {
      const p = byId.get(award.project_id);
      if (!p) continue;
      const period = periodOf(new Date(award.created_at));
      const c = cell(p.city_id, period);
      c.bids_awarded = (c.bids_awarded ?? 0) + 1;
      add(`${p.city_id}/${period.key}`, p.id, 'bids_awarded', 1);
    }
    return { cells, parts };
  }

  /**
   * Every LIVE snapshot of version 1 once they all come from one computation (same frozen
   * bounds and weights, as many rows as the panel has samples): the stored panel.
   */
  async function storedPanel(): Promise<SnapshotRow[]> {
    return eventually(async () => {
      const rows: SnapshotRow[] = await app.db.query(
        `SELECT * FROM coupling_snapshot WHERE system_version_id = $1 AND run_id = (SELECT current_run_id FROM indicator_system_version v WHERE v.id = system_version_id)`,
        [versionId],
      );
      const frozen = JSON.stringify(rows[0]?.frozen);
      const consistent =
        rows.length > 0 &&
        rows.every(
          (r) => JSON.stringify(r.frozen) === frozen && r.panel.sampleCount === rows.length,
        );
      return consistent ? rows : null;
    }, 30_000);
  }

  /** The amounts `computeContributions` takes: a RATIO as its traced numerator and denominator. */
  function totalsOf(row: SnapshotRow): Record<string, IndicatorAmount> {
    return Object.fromEntries(
      indicators.map(({ key, aggregation }) => {
        const trace = row.trace[key] as { numerator?: number; denominator?: number };
        return [
          key,
          aggregation === 'RATIO'
            ? { numerator: trace.numerator ?? 0, denominator: trace.denominator ?? 0 }
            : row.raw_values[key],
        ];
      }),
    );
  }

  /** The model the version computes with: its stored basis, once fixed (else the panel's). */
  async function modelOnBasis() {
    const [{ basis }] = await app.db.query(
      'SELECT basis FROM indicator_system_version WHERE id = $1',
      [versionId],
    );
    return basis ? modelWithBasis(model, basis.frozen) : model;
  }

  beforeAll(async () => {
    app = await startTestApp({ worker: true });
    identity = new IdentityFactory(app);
    admin = await identity.admin();
    [X, Y] = [await seedCity(app.db, 2), await seedCity(app.db, 1)];
    [officialX, officialY, me, lead, other] = await Promise.all([
      identity.official({ cityId: X.cityId, admin }),
      identity.official({ cityId: Y.cityId, admin }),
      identity.talent(),
      identity.talent(),
      identity.talent(),
    ]);
    await setDisciplines(me, ['PRODUCT_DESIGN']);
    await setDisciplines(lead, ['CULTURAL_HERITAGE_HISTORY']);
    await setDisciplines(other, ['FINE_ARTS']);
    const [row] = await app.db.query(
      'SELECT id, model, indicators FROM indicator_system_version WHERE version = 1',
    );
    versionId = row.id;
    model = parseModel(row.model);
    indicators = row.indicators;

    const team = await teamOf(lead, [me]);
    // X: p1 solo, local, one discipline, awarded; p2 the team's (two disciplines), no resource;
    // p3 a digital experience, local; a draft that never counts. Y: q1 solo, local.
    projects.p1 = (
      await deliveredProject(identity, X, {
        owner: me,
        title: 'Fuyun bookmarks',
        culturalResourceIds: [X.resourceIds[0]],
      })
    ).projectId;
    projects.p2 = await publishedProject(lead, X, { title: 'Tiexi type specimen', teamId: team });
    projects.p3 = await publishedProject(other, X, {
      title: "AR check-in at Zhang's Mansion",
      category: 'DIGITAL_EXPERIENCE',
      culturalResourceIds: X.resourceIds,
    });
    projects.draft = await publishedProject(other, X, { title: 'Unpublished', publish: false });
    projects.q1 = await publishedProject(other, Y, {
      title: 'Palace-culture tea set',
      culturalResourceIds: [Y.resourceIds[0]],
    });
  });

  afterAll(() => app?.close());

  it('stores raw values equal to counts computed from the database, and snapshots equal to libs/coupling on the stored panel', async () => {
    await couplingQueueDrained(app);
    const expected = await expectedFromDatabase([X.cityId, Y.cityId]);
    const rows = await eventually(async () => {
      const panel = await storedPanel();
      const ours = panel.filter((r) => [X.cityId, Y.cityId].includes(r.city_id));
      const matches =
        ours.length === expected.cells.size &&
        ours.every((r) => {
          const c = expected.cells.get(`${r.city_id}/${r.period}`);
          return c && r.raw_values.projects_published === c.projects_published;
        });
      return matches ? panel : null;
    }, 30_000);

    for (const row of rows.filter((r) => [X.cityId, Y.cityId].includes(r.city_id))) {
      const c = expected.cells.get(`${row.city_id}/${row.period}`)!;
      expect(row.raw_values.projects_published).toBe(c.projects_published ?? 0);
      expect(row.raw_values.bids_awarded).toBe(c.bids_awarded ?? 0);
      expect(row.raw_values.local_culture_share).toBeCloseTo(
        (c.local_n ?? 0) / (c.projects_published ?? 1),
        15,
      );
      expect(row.raw_values.cross_disciplinary_share).toBeCloseTo(
        (c.cross_n ?? 0) / (c.projects_published ?? 1),
        15,
      );
      expect(row.trace.local_culture_share).toMatchObject({
        source: 'marketplace',
        numerator: c.local_n ?? 0,
        denominator: c.projects_published ?? 0,
        recordCount: c.projects_published ?? 0,
      });
      expect(row.trace.bids_awarded).toMatchObject({
        source: 'marketplace',
        recordCount: c.bids_awarded ?? 0,
      });
    }
    // The fixture, as designed: in X's current quarter 3 published (the draft does not count),
    // 1 awarded, 2 of 3 local, 2 of 3 cross-disciplinary; in Y 1 published, local, not cross.
    const now = periodOf(new Date()).key;
    const x = rows.find((r) => r.city_id === X.cityId && r.period === now)!;
    expect(x.raw_values).toMatchObject({ projects_published: 3, bids_awarded: 1 });
    expect(x.trace.local_culture_share).toMatchObject({ numerator: 2, denominator: 3 });
    expect(x.trace.cross_disciplinary_share).toMatchObject({ numerator: 2, denominator: 3 });
    const y = rows.find((r) => r.city_id === Y.cityId && r.period === now)!;
    expect(y.raw_values).toMatchObject({
      projects_published: 1,
      bids_awarded: 0,
      local_culture_share: 1,
      cross_disciplinary_share: 0,
    });

    // libs/coupling on the stored panel gives the stored numbers.
    const samples = [...rows]
      .sort(
        (a, b) =>
          periodOrdinal(parsePeriod(a.period)) - periodOrdinal(parsePeriod(b.period)) ||
          (a.city_id < b.city_id ? -1 : 1),
      )
      .map((r) => ({ id: [r.city_id, r.period], values: r.raw_values }));
    const evaluation = evaluate(await modelOnBasis(), samples);
    expect(evaluation.frozen.bounds).toEqual(rows[0].frozen.bounds);
    for (const row of rows) {
      const sample = evaluation.samples.find(
        (s) => s.id[0] === row.city_id && s.id[1] === row.period,
      )!;
      expect(row.coupling_degree).toBeCloseTo(sample.C, 12);
      expect(row.coordination_index).toBeCloseTo(sample.T, 12);
      expect(row.coordination_degree).toBeCloseTo(sample.D, 12);
      expect(row.level).toBe(sample.level);
      for (const [name, u] of Object.entries(sample.U)) {
        expect(row.subsystem_values[name]).toBeCloseTo(u, 12);
      }
      for (const [key, w] of Object.entries(evaluation.indicatorWeights)) {
        expect(row.frozen.indicatorWeights[key]).toBeCloseTo(w, 12);
      }
    }
  });

  it('stores one contribution per project, equal to computeContributions of the stored parts', async () => {
    const now = periodOf(new Date()).key;
    const expected = await expectedFromDatabase([X.cityId, Y.cityId]);
    for (const city of [X, Y]) {
      const [row]: SnapshotRow[] = await app.db.query(
        `SELECT * FROM coupling_snapshot WHERE system_version_id = $1 AND run_id = (SELECT current_run_id FROM indicator_system_version v WHERE v.id = system_version_id)
            AND city_id = $2 AND period = $3`,
        [versionId, city.cityId, now],
      );
      const stored: ContributionRow[] = await app.db.query(
        'SELECT * FROM project_contribution WHERE snapshot_id = $1 ORDER BY project_id',
        [row.id],
      );
      const ids = stored.map((c) => c.project_id);
      const mine = city === X ? [projects.p1, projects.p2, projects.p3] : [projects.q1];
      expect(ids).toEqual([...mine].sort());
      expect(ids).not.toContain(projects.draft);
      for (const c of stored) {
        const parts = expected.parts.get(`${city.cityId}/${now}/${c.project_id}`);
        expect(c.raw_parts).toEqual(parts);
      }
      const result = computeContributions({
        model: await modelOnBasis(),
        frozen: row.frozen,
        totals: totalsOf(row),
        contributors: stored.map((c) => ({ id: c.project_id, parts: c.raw_parts })),
      });
      expect(result.base.D).toBeCloseTo(row.coordination_degree, 12);
      stored.forEach((c, i) => {
        const computed = result.contributions[i];
        expect(computed.id).toBe(c.project_id);
        expect(c.delta_d).toBeCloseTo(computed.deltaD, 12);
        expect(c.delta_t).toBeCloseTo(computed.deltaT, 12);
        expect(c.delta_c).toBeCloseTo(computed.deltaC, 12);
        for (const [name, du] of Object.entries(computed.deltaU)) {
          expect(c.delta_u[name]).toBeCloseTo(du, 12);
        }
      });
    }
  });

  it('ranks the projects of a period by ΔD for the city official, page by page, with titles', async () => {
    const now = periodOf(new Date()).key;
    const first = await officialX.gql.data<{
      projectContributions: {
        totalCount: number;
        edges: { cursor: string; node: ContributionNode }[];
        pageInfo: { hasNextPage: boolean; endCursor: string };
      };
    }>(RANKING, { cityId: X.cityId, period: now, first: 2 });
    expect(first.projectContributions.totalCount).toBe(3);
    expect(first.projectContributions.pageInfo.hasNextPage).toBe(true);
    const rest = await admin.gql.data<typeof first>(RANKING, {
      cityId: X.cityId,
      period: now,
      first: 2,
      after: first.projectContributions.pageInfo.endCursor,
    });
    expect(rest.projectContributions.pageInfo.hasNextPage).toBe(false);
    const nodes = [...first.projectContributions.edges, ...rest.projectContributions.edges].map(
      (e) => e.node,
    );
    expect(nodes.map((n) => n.projectId).sort()).toEqual(
      [projects.p1, projects.p2, projects.p3].sort(),
    );
    const ds = nodes.map((n) => n.deltaD);
    expect(ds).toEqual([...ds].sort((a, b) => b - a));
    const titles = Object.fromEntries(nodes.map((n) => [n.projectId, n.project?.title]));
    expect(titles[projects.p1]).toBe('Fuyun bookmarks');
    expect(titles[projects.p3]).toBe("AR check-in at Zhang's Mansion");
    const p1 = nodes.find((n) => n.projectId === projects.p1)!;
    expect(p1).toMatchObject({ period: now, systemVersion: 1, status: 'LIVE' });
    expect(p1.deltaU.map((d) => d.name)).toEqual(['cultural_soft_power', 'talent_innovation']);
    expect(p1.parts.find((p) => p.indicator === 'bids_awarded')?.amount).toBe(1);
    expect(p1.parts.find((p) => p.indicator === 'local_culture_share')?.numerator).toBe(1);
    // The stored numbers, not recomputed ones.
    const [stored] = await app.db.query(
      `SELECT c.delta_d FROM project_contribution c JOIN coupling_snapshot s ON s.id = c.snapshot_id
        WHERE c.project_id = $1 AND s.run_id = (SELECT current_run_id FROM indicator_system_version v WHERE v.id = s.system_version_id) AND s.system_version_id = $2 AND s.period = $3`,
      [projects.p1, versionId, now],
    );
    expect(p1.deltaD).toBe(stored.delta_d);

    // Batched: the same number of statements for 1 row as for 3 (projects, versions, snapshots).
    const page = (first: number) =>
      countQueries(app.db, () =>
        officialX.gql.data(RANKING, { cityId: X.cityId, period: now, first }),
      );
    expect((await page(3)).length).toBe((await page(1)).length);
  });

  it('shows a talent their own and their team’s projects in myImpact, and nobody else’s', async () => {
    const now = periodOf(new Date()).key;
    const { myImpact } = await me.gql.data<{
      myImpact: {
        totalCount: number;
        edges: {
          node: {
            projectId: string;
            project: { title: string };
            contributions: ContributionNode[];
          };
        }[];
      };
    }>(
      `{ myImpact(version: 1, first: 10) { totalCount edges { node { projectId project { title }
          contributions { ${CONTRIBUTION_FIELDS} } } } } }`,
    );
    expect(myImpact.totalCount).toBe(2);
    const byId = Object.fromEntries(myImpact.edges.map((e) => [e.node.projectId, e.node]));
    expect(Object.keys(byId).sort()).toEqual([projects.p1, projects.p2].sort());
    for (const id of [projects.p1, projects.p2]) {
      const contributions = byId[id].contributions;
      expect(contributions.map((c) => c.period)).toEqual([now]);
      expect(contributions[0].deltaU).toHaveLength(2);
    }
    // The stored contributions (ΔD may be of either sign: removing a project can balance U1 and U2).
    for (const id of [projects.p1, projects.p2]) {
      const [stored] = await app.db.query(
        `SELECT c.delta_d, c.delta_u FROM project_contribution c
           JOIN coupling_snapshot s ON s.id = c.snapshot_id
          WHERE c.project_id = $1 AND s.run_id = (SELECT current_run_id FROM indicator_system_version v WHERE v.id = s.system_version_id) AND s.system_version_id = $2`,
        [id, versionId],
      );
      const [contribution] = byId[id].contributions;
      expect(contribution.deltaD).toBe(stored.delta_d);
      expect(Object.fromEntries(contribution.deltaU.map((d) => [d.name, d.delta]))).toEqual(
        stored.delta_u,
      );
    }
    const impact = (first: number) =>
      countQueries(app.db, () =>
        me.gql.data(
          `query($first: Int) { myImpact(version: 1, first: $first) { edges { node { project { title }
            contributions { ${CONTRIBUTION_FIELDS} } } } } }`,
          { first },
        ),
      );
    expect((await impact(2)).length).toBe((await impact(1)).length);

    const forbidden = await officialX.gql.request('{ myImpact { totalCount } }');
    expect(forbidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { myImpact: others } = await other.gql.data<{
      myImpact: { edges: { node: { projectId: string } }[] };
    }>('{ myImpact(version: 1) { edges { node { projectId } } } }');
    expect(others.edges.map((e) => e.node.projectId).sort()).toEqual(
      [projects.p3, projects.q1].sort(),
    );
  });

  it('keeps officials to their city: another city is FORBIDDEN, so are other roles', async () => {
    const now = periodOf(new Date()).key;
    const otherCity = await officialY.gql.request(RANKING, { cityId: X.cityId, period: now });
    expect(otherCity.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'OFFICIAL_SCOPE_REQUIRED',
    });
    const talent = await me.gql.request(RANKING, { cityId: X.cityId, period: now });
    expect(talent.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const own = await officialY.gql.data<{ projectContributions: { totalCount: number } }>(
      RANKING,
      { cityId: Y.cityId, period: now },
    );
    expect(own.projectContributions.totalCount).toBe(1);
  });

  it('simulates removing a project (its leave-one-out ΔD) and adding a hypothetical one, writing nothing', async () => {
    const now = periodOf(new Date()).key;
    const [row]: SnapshotRow[] = await app.db.query(
      `SELECT * FROM coupling_snapshot WHERE system_version_id = $1 AND run_id = (SELECT current_run_id FROM indicator_system_version v WHERE v.id = system_version_id)
          AND city_id = $2 AND period = $3`,
      [versionId, X.cityId, now],
    );
    const [p1]: ContributionRow[] = await app.db.query(
      'SELECT * FROM project_contribution WHERE snapshot_id = $1 AND project_id = $2',
      [row.id, projects.p1],
    );
    const before = await app.db.query(
      'SELECT * FROM coupling_snapshot WHERE system_version_id = $1 ORDER BY id',
      [versionId],
    );
    const SIMULATE = `query($cityId: ID!, $period: String!, $remove: [ID!], $add: [HypotheticalProjectInput!], $changes: [IndicatorDeltaInput!]) {
      simulateCoupling(cityId: $cityId, period: $period, version: 1, status: LIVE, removeProjects: $remove, addProjects: $add, changes: $changes) {
        coordinationDegree deltaD removedProjects addedProjects
        indicators { key baseRaw raw } subsystems { name value delta } warnings { code message indicator } } }`;
    type Simulation = {
      simulateCoupling: {
        coordinationDegree: number;
        deltaD: number;
        removedProjects: string[];
        addedProjects: string[];
        indicators: { key: string; baseRaw: number; raw: number }[];
        subsystems: { name: string; value: number; delta: number }[];
        warnings: { code: string; message: string; indicator: string | null }[];
      };
    };
    const removed = await officialX.gql.data<Simulation>(SIMULATE, {
      cityId: X.cityId,
      period: now,
      remove: [projects.p1],
    });
    expect(removed.simulateCoupling.removedProjects).toEqual([projects.p1]);
    expect(removed.simulateCoupling.deltaD).toBeCloseTo(-p1.delta_d, 12);
    for (const s of removed.simulateCoupling.subsystems) {
      expect(s.delta).toBeCloseTo(-p1.delta_u[s.name], 12);
    }
    expect(
      Object.fromEntries(removed.simulateCoupling.indicators.map((i) => [i.key, i.raw])),
    ).toMatchObject({ projects_published: 2, bids_awarded: 0, local_culture_share: 0.5 });

    const parts = [
      { indicator: 'projects_published', amount: 1 },
      { indicator: 'local_culture_share', numerator: 1, denominator: 1 },
    ];
    const added = await officialX.gql.data<Simulation>(SIMULATE, {
      cityId: X.cityId,
      period: now,
      add: [{ label: 'Tiexi brand', parts }],
      changes: [{ indicator: 'bids_awarded', delta: 1 }],
    });
    const { result: expected } = evaluateWhatIf({
      model,
      frozen: row.frozen,
      values: {
        ...row.raw_values,
        projects_published: row.raw_values.projects_published + 1,
        local_culture_share: 3 / 4,
        bids_awarded: row.raw_values.bids_awarded + 1,
      },
    });
    expect(added.simulateCoupling.addedProjects).toEqual(['Tiexi brand']);
    expect(added.simulateCoupling.coordinationDegree).toBeCloseTo(expected.D, 12);
    expect(added.simulateCoupling.deltaD).toBeCloseTo(expected.D - row.coordination_degree, 12);

    // A project with no activity in the period: removing it changes nothing, and says so.
    const idle = await officialX.gql.data<Simulation>(SIMULATE, {
      cityId: X.cityId,
      period: now,
      remove: [projects.q1],
    });
    expect(idle.simulateCoupling.deltaD).toBe(0);
    expect(idle.simulateCoupling.warnings).toEqual([
      {
        code: 'PROJECT_WITHOUT_ACTIVITY',
        message: `project ${projects.q1} has no activity in ${now}: removing it changes nothing`,
        indicator: null,
      },
    ]);
    // An added project with no parts changes nothing either.
    const empty = await officialX.gql.data<Simulation>(SIMULATE, {
      cityId: X.cityId,
      period: now,
      add: [{ label: 'empty', parts: [] }],
    });
    expect(empty.simulateCoupling.deltaD).toBe(0);
    expect(empty.simulateCoupling.warnings.map((w) => w.code)).toEqual(['PROJECT_WITHOUT_PARTS']);
    // Far beyond the bounds: clipped at the goalpost, U stays within [0, 1], with a warning.
    const huge = await officialX.gql.data<Simulation>(SIMULATE, {
      cityId: X.cityId,
      period: now,
      changes: [{ indicator: 'projects_published', delta: 1e6 }],
    });
    expect(huge.simulateCoupling.warnings).toEqual([
      expect.objectContaining({ code: 'CLIPPED_AT_GOALPOST', indicator: 'projects_published' }),
    ]);
    for (const s of huge.simulateCoupling.subsystems) {
      expect(s.value).toBeGreaterThanOrEqual(0);
      expect(s.value).toBeLessThanOrEqual(1);
    }
    const wrongKind = await officialX.gql.request(SIMULATE, {
      cityId: X.cityId,
      period: now,
      add: [{ parts: [{ indicator: 'local_culture_share', amount: 1 }] }],
    });
    expect(wrongKind.errors?.[0].extensions?.reason).toBe('SIMULATION_INVALID');
    expect(
      await app.db.query(
        'SELECT * FROM coupling_snapshot WHERE system_version_id = $1 ORDER BY id',
        [versionId],
      ),
    ).toEqual(before);
  });

  it('reflects a newly published project after the queue drains', async () => {
    const now = periodOf(new Date()).key;
    const liveX = async () =>
      (
        await app.db.query(
          `SELECT * FROM coupling_snapshot WHERE system_version_id = $1 AND run_id = (SELECT current_run_id FROM indicator_system_version v WHERE v.id = system_version_id)
              AND city_id = $2 AND period = $3`,
          [versionId, X.cityId, now],
        )
      )[0] as SnapshotRow;
    expect((await liveX()).raw_values.projects_published).toBe(3);
    // The team lead's own project: local, one discipline (not cross-disciplinary).
    projects.p4 = await publishedProject(lead, X, {
      title: 'Shengjing folk paper-cuts',
      culturalResourceIds: [X.resourceIds[1]],
    });
    await eventually(async () => (await liveX()).raw_values.projects_published === 4, 30_000);
    await couplingQueueDrained(app);
    const row = await liveX();
    expect(row.trace.local_culture_share).toMatchObject({ numerator: 3, denominator: 4 });
    const [p4]: ContributionRow[] = await app.db.query(
      'SELECT * FROM project_contribution WHERE snapshot_id = $1 AND project_id = $2',
      [row.id, projects.p4],
    );
    expect(p4.raw_parts).toEqual({
      projects_published: 1,
      local_culture_share: { numerator: 1, denominator: 1 },
      cross_disciplinary_share: { numerator: 0, denominator: 1 },
    });
  });
});
