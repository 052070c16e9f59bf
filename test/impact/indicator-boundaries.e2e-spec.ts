import { PeriodGranularity, periodOf, PlatformIndicatorRegistry } from '@cc/impact';
import { createProduct } from '../retail/retail-test-kit';
import { seedCity, SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { deliveredProject, teamOf } from '../support/marketplace.factory';
import { seeded } from '../support/seeded-random';
import { startTestApp, TestApp } from '../support/test-app';

const SEED = 20261201;
const UTC8 = 480;

/**
 * The former single pass over identity's tables (the oracle): which published projects of the
 * city are cross-disciplinary.
 */
const CROSS_ORACLE_SQL = `
WITH published AS (
  SELECT p.id, p.category, p.owner_user_id, p.owner_team_id
    FROM project p WHERE p.published_at IS NOT NULL AND p.city_id = $1
),
people AS (
  SELECT pub.id AS project_id, pub.owner_user_id AS user_id FROM published pub
  UNION
  SELECT pub.id, tm.user_id FROM published pub JOIN team_member tm ON tm.team_id = pub.owner_team_id
),
disciplines AS (
  SELECT people.project_id, count(DISTINCT d.discipline) AS distinct_count,
         bool_or(d.discipline = 'DIGITAL_TECHNOLOGY') AS digital
    FROM people
    JOIN talent_profile tp ON tp.user_id = people.user_id
   CROSS JOIN LATERAL unnest(tp.disciplines) AS d(discipline)
   GROUP BY people.project_id
)
SELECT pub.id AS "projectId",
       (pub.category = 'DIGITAL_EXPERIENCE' OR coalesce(d.distinct_count, 0) >= 2
         OR coalesce(d.digital, false)) AS cross
  FROM published pub LEFT JOIN disciplines d ON d.project_id = pub.id
 ORDER BY pub.id`;

/** The former join of retail's products with marketplace's orders (the oracle). */
const DELIVERED_ORACLE_SQL = `
SELECT pr.project_id AS "projectId", max(po.quantity_delivered)::int AS delivered,
       min(coalesce(po.delivered_at, po.updated_at)) AS "deliveredAt"
  FROM product pr JOIN production_order po ON po.project_id = pr.project_id
 WHERE po.quantity_delivered > 0 AND pr.city_id = $1
 GROUP BY pr.project_id`;

const DISCIPLINES = ['FINE_ARTS', 'TRADITIONAL_CRAFTS', 'PRODUCT_DESIGN', 'DIGITAL_TECHNOLOGY'];
const PROFILE = `mutation($input: UpsertTalentProfileInput!) {
  upsertTalentProfile(input: $input) { userId } }`;
const INVITE = `mutation($input: TeamMemberInput!) { inviteTeamMember(input: $input) { id } }`;
const ACCEPT = `mutation($id: ID!) { acceptTeamInvitation(invitationId: $id) { id } }`;
const REMOVE = `mutation($input: TeamMemberInput!) { removeTeamMember(input: $input) { id } }`;
const DELIVER = `mutation($id: ID!, $quantity: Int!) {
  recordDelivery(orderId: $id, quantity: $quantity) { id } }`;
const CANCEL = `mutation($id: ID!, $reason: String) {
  cancelProject(id: $id, input: { reason: $reason }) { state } }`;

type Amount = { numerator: number; denominator: number };

describe('impact: indicators read other domains through their exported readers', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  it('equal the former cross-domain SQL after a seeded mix of membership, discipline, delivery and cancellation changes', async () => {
    const random = seeded(SEED);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
    const factory = new IdentityFactory(app);
    // A city of this file alone: no other test file writes there meanwhile.
    const city: SeededCity = await seedCity(app.db, 2);
    const manufacturer: TestMember = await factory.manufacturer();
    const talents: TestUser[] = [];
    for (let i = 0; i < 6; i += 1) talents.push(await factory.talent());
    const setDisciplines = (talent: TestUser) => {
      const count = Math.floor(random() * 3);
      const disciplines = [...new Set(Array.from({ length: count }, () => pick(DISCIPLINES)))];
      return talent.gql.data(PROFILE, { input: { disciplines } });
    };
    for (const talent of talents) await setDisciplines(talent);

    const teams = [
      { id: await teamOf(talents[0], [talents[1]]), lead: talents[0], members: [talents[1]] },
      { id: await teamOf(talents[2], []), lead: talents[2], members: [] as TestUser[] },
    ];
    // Solo and team projects: delivered in part (with a product), or only published.
    const partial: { projectId: string; orderId: string; owner: TestUser; left: number }[] = [];
    const publishedOnly: { projectId: string; owner: TestUser }[] = [];
    for (const [i, owner, team] of [
      [0, talents[3], null],
      [1, teams[0].lead, teams[0]],
      [2, teams[1].lead, teams[1]],
      [3, teams[0].lead, teams[0]],
      [4, talents[4], null],
    ] as const) {
      const onlyPublished = i >= 3;
      const delivered = 10 + Math.floor(random() * 50);
      const chain = await deliveredProject(factory, city, {
        owner,
        manufacturer,
        quantity: 100,
        delivered,
        title: `Boundaries project ${i}`,
        ...(team && { teamId: team.id }),
        ...(onlyPublished && { until: 'publishProject' as const }),
      });
      if (onlyPublished) {
        publishedOnly.push({ projectId: chain.projectId, owner });
      } else {
        await createProduct(owner, chain.projectId);
        partial.push({ ...chain, owner, left: 100 - delivered });
      }
    }

    const registry = app.api.get(PlatformIndicatorRegistry, { strict: false });
    const collect = async (indicator: string) =>
      (
        await registry.collect(
          { granularity: PeriodGranularity.MONTH, cityIds: [city.cityId], utcOffsetMinutes: UTC8 },
          [indicator],
        )
      ).values.sort((a, b) => (a.period < b.period ? -1 : 1));
    const crossFlags = async () => {
      const flags = new Map<string, boolean>();
      for (const value of await collect('cross_disciplinary_share')) {
        for (const part of value.parts) {
          flags.set(part.projectId, (part.amount as Amount).numerator === 1);
        }
      }
      return Object.fromEntries([...flags].sort());
    };
    const oracleCrossFlags = async () => {
      const rows: { projectId: string; cross: boolean }[] = await app.db.query(CROSS_ORACLE_SQL, [
        city.cityId,
      ]);
      return Object.fromEntries(rows.map((row) => [row.projectId, row.cross]));
    };
    // Per project, the period sell-through starts and the units in market then (no sales here).
    const firstInMarket = async () => {
      const first = new Map<string, string>();
      for (const value of await collect('sell_through')) {
        for (const part of value.parts) {
          if (!first.has(part.projectId)) {
            first.set(part.projectId, `${value.period}|${(part.amount as Amount).denominator}`);
          }
        }
      }
      return Object.fromEntries([...first].sort());
    };
    const oracleFirstInMarket = async () => {
      const rows: { projectId: string; delivered: number; deliveredAt: Date }[] =
        await app.db.query(DELIVERED_ORACLE_SQL, [city.cityId]);
      return Object.fromEntries(
        rows
          .map((row) => {
            const period = periodOf(row.deliveredAt, PeriodGranularity.MONTH, UTC8).key;
            return [row.projectId, `${period}|${row.delivered}`];
          })
          .sort(),
      );
    };
    const expectEqualToOracles = async () => {
      expect(await crossFlags()).toEqual(await oracleCrossFlags());
      expect(await firstInMarket()).toEqual(await oracleFirstInMarket());
    };
    await expectEqualToOracles();

    const seen = new Set<string>();
    for (let step = 0; step < 16; step += 1) {
      const roll = random();
      if (roll < 0.3) {
        const talent = pick(talents);
        await setDisciplines(talent);
        seen.add('discipline');
      } else if (roll < 0.5) {
        const team = pick(teams);
        const outsiders = talents.filter((t) => t !== team.lead && !team.members.includes(t));
        const joining = pick(outsiders);
        const { inviteTeamMember } = await team.lead.gql.data<{ inviteTeamMember: { id: string } }>(
          INVITE,
          { input: { teamId: team.id, userId: joining.id } },
        );
        await joining.gql.data(ACCEPT, { id: inviteTeamMember.id });
        team.members.push(joining);
        seen.add('joined');
      } else if (roll < 0.7) {
        const withMembers = teams.filter((t) => t.members.length);
        if (!withMembers.length) continue;
        const team = pick(withMembers);
        const leaving = pick(team.members);
        await team.lead.gql.data(REMOVE, { input: { teamId: team.id, userId: leaving.id } });
        team.members.splice(team.members.indexOf(leaving), 1);
        seen.add('left');
      } else if (roll < 0.85) {
        const open = partial.filter((p) => p.left > 1);
        if (!open.length) continue;
        const order = pick(open);
        const quantity = 1 + Math.floor(random() * (order.left - 1));
        await manufacturer.gql.data(DELIVER, { id: order.orderId, quantity });
        order.left -= quantity;
        seen.add('delivered');
      } else {
        const project = publishedOnly.shift() ?? partial.shift();
        if (!project) continue;
        await project.owner.gql.data(CANCEL, { id: project.projectId, reason: 'plans changed' });
        seen.add('cancelled');
      }
      await expectEqualToOracles();
    }
    // The seed exercises every kind of change.
    expect([...seen].sort()).toEqual(['cancelled', 'delivered', 'discipline', 'joined', 'left']);
    expect(Object.values(await crossFlags())).toEqual(expect.arrayContaining([true, false]));
  }, 300_000);
});
