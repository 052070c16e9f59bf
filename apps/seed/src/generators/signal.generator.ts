import { addDays } from '../calendar';
import { SeedContext, TalentRef, TeamRef, World } from '../seed-context';
import { FLAGGING_DISTRICT } from './world.generator';
import { ProjectGenerator } from './project.generator';
import { judgeOutlets } from './sales-model';
import { FIT_PROFILES, OUTLET_FIT_THEMES, PlantedPeople } from './signal.plan';

export const FIXTURE_KEYS = [
  'manufacturer_fits',
  'outlet_fits',
  'standout_projects',
  'flagging_district',
  'best_outlet_type_for_palace',
] as const;

/**
 * The planted signal, in Shenyang: projects whose best and worst manufacturers are known,
 * products whose best and worst outlets are known, and standout projects; written as projects
 * like any other, then recorded in `seed_fixture` (see apps/seed/README section of the README).
 */
export function generateSignal(
  context: SeedContext,
  world: World,
  planted: PlantedPeople,
  projects: ProjectGenerator,
): void {
  const random = context.random.fork('signal');
  const now = context.now;
  const shenyang = world.cities[0];
  const locals = world.talents.filter((t) => t.cityId === shenyang.id);
  const demoTalent = locals.find((t) => t.userId === world.demo.talentUserId)!;
  const demoTeam = world.teams.find((t) => t.id === world.demo.teamId)!;
  const others = locals.filter((t) => !demoTeam.memberUserIds.includes(t.userId));
  const ownerAt = (i: number): { owner: TalentRef; team: TeamRef | null } =>
    i === 0 ? { owner: demoTalent, team: demoTeam } : { owner: random.pick(others), team: null };
  const resourcesOf = (districtName: string, kind?: string) => {
    const districtId = shenyang.districts.find((d) => d.name === districtName)!.id;
    return shenyang.resources.filter(
      (r) => r.districtId === districtId && (!kind || r.kind === kind),
    );
  };

  // Track records: every planted manufacturer in Shenyang has delivered before, good ones on
  // time with strong reviews, the poor-record one late with poor reviews.
  for (const [p, profile] of FIT_PROFILES.entries()) {
    const { good, poorRecord: poor } = planted.manufacturers[p];
    const records = [
      ...good.flatMap((m) => [m, m].map((manufacturer) => ({ manufacturer, onTime: true }))),
      ...[poor, poor, poor].map((manufacturer) => ({ manufacturer, onTime: false })),
    ];
    for (const { manufacturer, onTime } of records) {
      projects.generate(
        {
          city: shenyang,
          ...ownerAt(1),
          resources: [random.pick(resourcesOf(profile.district))],
          processes: profile.processes,
          materials: profile.materials,
          certifications: profile.certifications,
          quantity: random.pick([500, 800, 1000]),
          plot: { kind: 'track', manufacturer, onTime },
        },
        addDays(context.origin, random.int(0, 150)),
      );
    }
  }

  // Manufacturer fits: three open projects per fit district.
  const manufacturerFits = FIT_PROFILES.flatMap((profile, p) => {
    const fits = planted.manufacturers[p];
    return [0, 1, 2].map((i) => {
      const project = projects.generate(
        {
          city: shenyang,
          ...ownerAt(p === 0 && i === 0 ? 0 : 1),
          resources: [random.pick(resourcesOf(profile.district))],
          processes: profile.processes,
          materials: profile.materials,
          certifications: profile.certifications,
          quantity: random.pick([800, 1000, 1500, 2000]),
          plot: { kind: 'open', publishedAt: addDays(now, -random.int(3, 10)) },
        },
        addDays(now, -random.int(11, 20)),
      );
      return {
        projectId: project.id,
        good: fits.good.map((m) => m.id),
        bad: fits.bad.map((m) => m.id),
      };
    });
  });

  // Outlet fits: delivered products waiting for their first placement, judged against every
  // outlet by the generator's own sales model (graded), not only against the planted outlets.
  const outletFits = OUTLET_FIT_THEMES.flatMap((theme) => {
    const resources = shenyang.resources.filter((r) => r.kind === theme.kind);
    return [0, 1, 2, 3, 4].map(() => {
      const owner = ownerAt(1); // drawn before the resource, as always: the same seed, the same rows
      const resource = random.pick(resources);
      const project = projects.generate(
        {
          city: shenyang,
          ...owner,
          resources: [resource],
          plot: { kind: 'awaitingPlacement', retailPriceFen: random.int(40, 150) * 100 },
        },
        addDays(now, -random.int(290, 310)),
      );
      if (!project.productId) throw new Error('a planted product was not delivered in time');
      const judgement = judgeOutlets(
        {
          themes: project.themes,
          retailPriceFen: project.retailPriceFen!,
          resourceDistrictIds: [resource.districtId],
        },
        world.outlets,
        world.flaggingDistrictId,
      );
      return { productId: project.productId, ...judgement };
    });
  });

  // Standouts: early to market at strong outlets, selling far above the rest.
  const standoutKinds = [
    'PALACE_QING_CULTURE',
    'PALACE_QING_CULTURE',
    'INDUSTRIAL_HERITAGE',
    'PALACE_QING_CULTURE',
    'INDUSTRIAL_HERITAGE',
  ] as const;
  const standouts = standoutKinds.map((kind, i) => {
    const createdAt = addDays(context.origin, random.int(5, 30));
    const project = projects.generate(
      {
        city: shenyang,
        ...(i < 2 ? { owner: demoTalent, team: demoTeam } : ownerAt(1)),
        // Never in the flagging district, whose signal is the opposite.
        resources: [
          random.pick(
            shenyang.resources.filter(
              (r) => r.kind === kind && r.districtId !== world.flaggingDistrictId,
            ),
          ),
        ],
        plot: { kind: 'standout', outlets: planted.goodOutlets.get(kind)!.slice(0, 4) },
      },
      createdAt,
    );
    return project.id;
  });

  const lastQuarter = context.quarters[context.quarters.length - 1].key;
  const fixtures: Record<(typeof FIXTURE_KEYS)[number], unknown> = {
    manufacturer_fits: manufacturerFits,
    outlet_fits: outletFits,
    standout_projects: {
      cityId: shenyang.id,
      period: lastQuarter,
      projectIds: standouts,
      why: 'in market since the first year at four high-footfall, theme-matching outlets, selling ~8× an ordinary placement',
    },
    flagging_district: {
      cityId: shenyang.id,
      districtId: world.flaggingDistrictId,
      name: FLAGGING_DISTRICT,
      why: 'projects on its resources are published less every quarter, and sales at its outlets or of its products fade by ~85% from the first quarter to the last',
    },
    best_outlet_type_for_palace: {
      kind: 'PALACE_QING_CULTURE',
      outletType: 'MUSEUM',
      why: 'palace-culture products sell 2.5× at museums, 1.4× at scenic spots, 0.5–0.8× elsewhere',
    },
  };
  for (const key of FIXTURE_KEYS) {
    context.add('seed_fixture', { key, value: fixtures[key] as object, created_at: now });
  }
}
