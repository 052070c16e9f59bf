import {
  CityRef,
  IncubatorRef,
  ManufacturerRef,
  OutletRef,
  RetailerRef,
  SeedContext,
  TalentRef,
  TeamRef,
  World,
} from '../seed-context';
import { DEMO_LOGINS, PeopleGenerator } from './people.generator';
import { FIT_PROFILES, OUTLET_FIT_THEMES, PlantedPeople } from './signal.plan';

export const FLAGGING_DISTRICT = 'Sujiatun';

/**
 * The people of every city: talents (some in cross-disciplinary teams), manufacturers with
 * capability profiles, retailers with outlets of every type, incubators of every type, and one
 * ready account per role. Counts grow with the scale (organizations with its square root).
 */
export function generateWorld(
  context: SeedContext,
  cities: CityRef[],
): { world: World; planted: PlantedPeople } {
  const people = new PeopleGenerator(context);
  const random = context.random.fork('world');
  const scale = context.scale;
  const shenyang = cities[0];
  const district = (city: CityRef, name: string) => city.districts.find((d) => d.name === name)!;

  const adminUserId = people.user(['ADMIN'], { email: DEMO_LOGINS.admin, name: 'Demo Admin' });
  const officialUserId = people.user(['OFFICIAL'], {
    email: DEMO_LOGINS.official,
    name: 'Demo Official (Culture)',
  });
  for (const city of cities) people.officialGrant(officialUserId, city.id, adminUserId);

  const talents: TalentRef[] = [];
  const teams: TeamRef[] = [];
  const manufacturers: ManufacturerRef[] = [];
  const outlets: OutletRef[] = [];
  const retailers: RetailerRef[] = [];
  let demoIncubator: IncubatorRef | undefined;

  // The demo talent leads a cross-disciplinary team in Shenyang.
  const demoTalent = people.talent(shenyang, {
    email: DEMO_LOGINS.talent,
    disciplines: ['PRODUCT_DESIGN', 'CULTURAL_HERITAGE_HISTORY'],
  });
  const demoMates = [
    people.talent(shenyang, { disciplines: ['DIGITAL_TECHNOLOGY'] }),
    people.talent(shenyang, { disciplines: ['MARKETING_BUSINESS'] }),
  ];
  talents.push(demoTalent, ...demoMates);
  const demoTeam = people.team(shenyang, demoTalent, demoMates, 'Fuyun Studio 福韵工作室');
  teams.push(demoTeam);

  for (const city of cities) {
    const local: TalentRef[] = [];
    const talentCount = Math.max(20, Math.round(750 * scale * city.weight));
    for (let i = 0; i < talentCount; i += 1) local.push(people.talent(city));
    talents.push(...local);
    // Every fifth talent leads a team of two to five.
    for (let i = 0; i + 4 < local.length; i += 5) {
      const size = random.int(1, 4);
      teams.push(people.team(city, local[i], local.slice(i + 1, i + 1 + size)));
    }

    const orgScale = Math.sqrt(scale);
    const manufacturerCount = Math.round(20 + 75 * city.weight * orgScale);
    for (let i = 0; i < manufacturerCount; i += 1) manufacturers.push(people.manufacturer(city));

    const retailerCount = Math.round(4 + 20 * city.weight * orgScale);
    const types = ['SCENIC_SPOT', 'MUSEUM', 'BUSINESS_DISTRICT', 'COMMUNITY', 'ONLINE'] as const;
    for (let i = 0; i < retailerCount; i += 1) {
      const retailer = people.retailer(city);
      retailers.push(retailer);
      const n = random.int(1, 4);
      for (let j = 0; j < n; j += 1) {
        // The first outlets of a city cover every type.
        const type = i < types.length && j === 0 ? types[i] : undefined;
        outlets.push(people.outlet(retailer, city, { type }));
      }
    }
    for (const type of ['MAKERSPACE', 'UNIVERSITY_INCUBATOR', 'INDUSTRIAL_PARK']) {
      const demo = city === shenyang && type === 'MAKERSPACE';
      const incubator = people.incubator(city, type, demo ? DEMO_LOGINS.incubator : undefined);
      if (demo) demoIncubator = incubator;
    }
  }

  // Planted manufacturers: per fit district of Shenyang, good and bad fits by observable features.
  const dalian = cities[1];
  const planted: PlantedPeople = { manufacturers: [], goodOutlets: new Map(), badOutlets: [] };
  let demoManufacturerEmail: string | undefined = DEMO_LOGINS.manufacturer;
  for (const profile of FIT_PROFILES) {
    const districtId = district(shenyang, profile.district).id;
    const full = {
      processes: profile.processes,
      materials: profile.materials,
      certifications: profile.certifications,
    };
    const good = Array.from({ length: 6 }, (_, i) =>
      people.manufacturer(
        shenyang,
        {
          ...full,
          processes: [
            ...profile.processes,
            ...(i % 2
              ? ['LASER_ENGRAVING', 'PRINTING_PACKAGING']
                  .filter((p) => !profile.processes.includes(p))
                  .slice(0, 1)
              : []),
          ],
          certifications: [...profile.certifications, 'ISO 14001'],
          districtId,
          moq: 100,
          monthlyCapacity: 20_000,
          quality: random.real(0.9, 0.98),
          leadTimeDays: random.int(15, 25),
          name: `${profile.district} ${['Jinhua', 'Hongxing', 'Dongfang', 'Xinghe', 'Huaxia', 'Beifang'][i]} Precision Crafts`,
        },
        i === 0 ? demoManufacturerEmail : undefined,
      ),
    );
    demoManufacturerEmail = undefined;
    const bad = [
      people.manufacturer(shenyang, {
        ...full,
        processes: profile.processes.slice(0, 1),
        districtId,
        quality: 0.85,
        name: `${profile.district} Single-Process Works`,
      }),
      people.manufacturer(shenyang, {
        ...full,
        certifications: [],
        districtId,
        quality: 0.85,
        name: `${profile.district} Uncertified Works`,
      }),
      people.manufacturer(shenyang, {
        ...full,
        districtId,
        moq: 5_000,
        monthlyCapacity: 200,
        quality: 0.8,
        name: `${profile.district} Micro Workshop`,
      }),
      people.manufacturer(dalian, {
        ...full,
        quality: 0.9,
        name: `Dalian ${profile.district}-style Works`,
      }),
      people.manufacturer(shenyang, {
        ...full,
        districtId,
        quality: 0.05,
        leadTimeDays: 90,
        name: `${profile.district} Late & Sorry Works`,
      }),
      people.manufacturer(shenyang, {
        processes: ['AR_VR_DEVELOPMENT'],
        materials: ['software'],
        certifications: [],
        districtId,
        quality: 0.8,
        name: `${profile.district} Pixel Studio`,
      }),
    ];
    manufacturers.push(...good, ...bad);
    planted.manufacturers.push({ profile, good, bad, poorRecord: bad[4] });
  }

  // Planted outlets in Shenyang: strong matches for palace and industrial products, and poor ones.
  const palaceRetailer = people.retailer(
    shenyang,
    'Shenyang Imperial Palace Culture Shops 沈阳故宫文创',
    DEMO_LOGINS.retailer,
  );
  const industrialRetailer = people.retailer(
    shenyang,
    'Tiexi Industrial Heritage Stores 铁西工业文创',
  );
  const corner = people.retailer(shenyang, 'Neighbourhood Corner Shops');
  retailers.push(palaceRetailer, industrialRetailer, corner);
  for (const theme of OUTLET_FIT_THEMES) {
    const retailer = theme.kind === 'PALACE_QING_CULTURE' ? palaceRetailer : industrialRetailer;
    const good = theme.goodOutlets.map(([type, districtName], i) =>
      people.outlet(retailer, shenyang, {
        type,
        districtId: district(shenyang, districtName).id,
        themes: [theme.kind],
        footfall: 80_000 + 20_000 * i,
        priceMin: 2_000,
        priceMax: 30_000,
        name: `${theme.label} ${type === 'MUSEUM' ? 'Museum Shop' : type === 'SCENIC_SPOT' ? 'Scenic Shop' : 'Store'} ${i + 1}`,
      }),
    );
    outlets.push(...good);
    planted.goodOutlets.set(theme.kind, good);
  }
  planted.badOutlets = (
    ['Yuhong', 'Shenbei', 'Hunnan', 'Yuhong', 'Shenbei', 'Hunnan'] as const
  ).map((name, i) =>
    people.outlet(corner, shenyang, {
      type: i % 2 ? 'COMMUNITY' : 'BUSINESS_DISTRICT',
      districtId: district(shenyang, name).id,
      themes: [i % 2 ? 'NATURAL_LANDSCAPE' : 'OTHER'],
      footfall: 1_500 + 300 * i,
      priceMin: 300,
      priceMax: 1_500,
      name: `Corner Shop ${i + 1}`,
    }),
  );
  outlets.push(...planted.badOutlets);

  const byCity = <T extends { cityId: string }>(items: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) map.set(item.cityId, [...(map.get(item.cityId) ?? []), item]);
    return map;
  };
  return {
    world: {
      cities,
      talents,
      teams,
      manufacturers,
      retailers,
      outlets,
      manufacturersByCity: byCity(manufacturers),
      outletsByCity: byCity(outlets),
      adminUserId,
      officialUserId,
      heritageOwnerOrganizationId: palaceRetailer.id,
      flaggingDistrictId: district(shenyang, FLAGGING_DISTRICT).id,
      demo: { talentUserId: demoTalent.userId, teamId: demoTeam.id, incubator: demoIncubator! },
    },
    planted,
  };
}
