import { addDays } from '../calendar';
import { Random } from '../random';
import {
  CityRef,
  IncubatorRef,
  ManufacturerRef,
  OutletRef,
  OutletType,
  RetailerRef,
  SeedContext,
  stamps,
  TalentRef,
  TeamRef,
} from '../seed-context';
import {
  CERTIFICATIONS,
  COMPANY_WORDS,
  DISCIPLINES,
  personName,
  PROCESS_MATERIALS,
  PROCESSES,
  RETAIL_WORDS,
} from '../vocabulary';
import { ResourceKind } from '../city-catalogue';

export const DEMO_EMAIL_DOMAIN = 'demo.creative-chain.local';
export const DEMO_LOGINS = {
  talent: `talent@${DEMO_EMAIL_DOMAIN}`,
  manufacturer: `manufacturer@${DEMO_EMAIL_DOMAIN}`,
  retailer: `retailer@${DEMO_EMAIL_DOMAIN}`,
  incubator: `incubator@${DEMO_EMAIL_DOMAIN}`,
  official: `official@${DEMO_EMAIL_DOMAIN}`,
  admin: `admin@${DEMO_EMAIL_DOMAIN}`,
} as const;

const KINDS: ResourceKind[] = [
  'INDUSTRIAL_HERITAGE',
  'PALACE_QING_CULTURE',
  'FOLK_CULTURE',
  'REVOLUTIONARY_HISTORY',
  'NATURAL_LANDSCAPE',
  'OTHER',
];
const OUTLET_TYPES: OutletType[] = [
  'SCENIC_SPOT',
  'MUSEUM',
  'BUSINESS_DISTRICT',
  'COMMUNITY',
  'ONLINE',
];

/** Writes users, their identity rows and organizations; the caller keeps the references. */
export class PeopleGenerator {
  private userCount = 0;

  constructor(
    private readonly context: SeedContext,
    private readonly random: Random = context.random.fork('people'),
  ) {}

  /** A user who joined some time in the year before the history starts. */
  user(roles: string[], options: { email?: string; name?: string; at?: Date } = {}): string {
    const id = this.random.uuid();
    this.userCount += 1;
    const at = options.at ?? addDays(this.context.origin, -this.random.int(1, 365));
    this.context.add('user_account', {
      ...stamps(id, at),
      email: options.email ?? `user${this.userCount}@${DEMO_EMAIL_DOMAIN}`,
      password_hash: this.context.passwordHash,
      display_name: options.name ?? personName((items) => this.random.pick(items)),
      roles,
    });
    return id;
  }

  talent(city: CityRef, options: { email?: string; disciplines?: string[] } = {}): TalentRef {
    const name = personName((items) => this.random.pick(items));
    const userId = this.user(['TALENT'], { email: options.email, name });
    const disciplines =
      options.disciplines ??
      this.random.sample(
        DISCIPLINES,
        this.random.weighted([
          [1, 6],
          [2, 3],
          [3, 1],
        ] as const),
      );
    const score = () => this.random.int(1, 5);
    this.context.add('talent_profile', {
      ...stamps(this.random.uuid(), this.context.origin),
      user_id: userId,
      disciplines,
      university: this.random.chance(0.8) ? this.random.pick(city.universities) : null,
      portfolio_links: [`https://portfolio.example/${userId.slice(0, 8)}`],
      creative_thinking: score(),
      market_insight: score(),
      entrepreneurial_operation: score(),
      cross_disciplinary_integration: score(),
      local_culture_inheritance: score(),
    });
    return { userId, cityId: city.id, name, disciplines };
  }

  team(city: CityRef, lead: TalentRef, members: TalentRef[], name?: string): TeamRef {
    const id = this.random.uuid();
    const at = this.context.origin;
    this.context.add('team', {
      ...stamps(id, at),
      name:
        name ??
        `${lead.name.split(' ')[0]} ${this.random.pick(['Studio', 'Lab', 'Collective', 'Workshop'])}`,
      description: `A ${city.name} team of ${members.length + 1}.`,
      created_by_id: lead.userId,
    });
    for (const [i, member] of [lead, ...members].entries()) {
      this.context.add('team_member', {
        ...stamps(this.random.uuid(), at),
        team_id: id,
        user_id: member.userId,
        role: i === 0 ? 'LEAD' : 'MEMBER',
      });
    }
    return {
      id,
      cityId: city.id,
      leadUserId: lead.userId,
      memberUserIds: [lead.userId, ...members.map((m) => m.userId)],
    };
  }

  organization(
    kind: 'MANUFACTURER' | 'RETAILER' | 'INCUBATOR',
    city: CityRef,
    districtId: string | null,
    name: string,
    ownerUserId: string,
    extra: { description?: string; incubatorType?: string } = {},
  ): string {
    const id = this.random.uuid();
    const at = addDays(this.context.origin, -this.random.int(1, 200));
    this.context.add('organization', {
      ...stamps(id, at),
      kind,
      name,
      description: extra.description ?? '',
      incubator_type: extra.incubatorType ?? null,
      department: null,
      city_id: city.id,
      district_id: districtId,
      created_by_id: ownerUserId,
    });
    this.context.add('organization_member', {
      ...stamps(this.random.uuid(), at),
      organization_id: id,
      user_id: ownerUserId,
      role: 'OWNER',
    });
    return id;
  }

  manufacturer(
    city: CityRef,
    profile: Partial<Omit<ManufacturerRef, 'id' | 'cityId' | 'ownerUserId'>> & {
      name?: string;
    } = {},
    ownerEmail?: string,
  ): ManufacturerRef {
    const random = this.random;
    const ownerUserId = this.user(['MANUFACTURER'], { email: ownerEmail });
    const districtId = profile.districtId ?? random.pick(city.districts).id;
    const processes = profile.processes ?? random.sample(PROCESSES, random.int(1, 3));
    const materials =
      profile.materials ??
      [...new Set(processes.flatMap((p) => PROCESS_MATERIALS[p]))].filter(() =>
        random.chance(0.85),
      );
    const ref: ManufacturerRef = {
      id: '',
      cityId: city.id,
      districtId,
      ownerUserId,
      processes,
      materials,
      certifications: profile.certifications ?? random.sample(CERTIFICATIONS, random.int(0, 2)),
      moq: profile.moq ?? random.pick([50, 100, 200, 300, 500, 1000]),
      monthlyCapacity: profile.monthlyCapacity ?? random.pick([1000, 2000, 5000, 10_000, 20_000]),
      quality: profile.quality ?? random.real(0.25, 0.95),
      leadTimeDays: profile.leadTimeDays ?? random.int(20, 60),
    };
    const districtName = city.districts.find((d) => d.id === districtId)!.name;
    ref.id = this.organization(
      'MANUFACTURER',
      city,
      districtId,
      profile.name ??
        `${districtName} ${random.pick(['Jinhua', 'Hongxing', 'Dongfang', 'Xinghe', 'Huaxia', 'Beifang'])} ${random.pick(COMPANY_WORDS)} ${this.userCount}`,
      ownerUserId,
      { description: `Typical lead time ${ref.leadTimeDays} days.` },
    );
    this.context.add('manufacturer_capability', {
      ...stamps(random.uuid(), this.context.origin),
      organization_id: ref.id,
      processes: ref.processes,
      materials: ref.materials,
      certifications: ref.certifications,
      moq: ref.moq,
      monthly_capacity: ref.monthlyCapacity,
    });
    return ref;
  }

  retailer(city: CityRef, name?: string, ownerEmail?: string): RetailerRef {
    const ownerUserId = this.user(['RETAILER'], { email: ownerEmail });
    const id = this.organization(
      'RETAILER',
      city,
      null,
      name ?? `${city.name} ${this.random.pick(RETAIL_WORDS)} ${this.userCount}`,
      ownerUserId,
    );
    return { id, cityId: city.id, ownerUserId };
  }

  outlet(
    retailer: RetailerRef,
    city: CityRef,
    profile: Partial<Omit<OutletRef, 'id' | 'organizationId' | 'cityId' | 'recorderUserId'>> & {
      name?: string;
    } = {},
  ): OutletRef {
    const random = this.random;
    const type = profile.type ?? random.pick(OUTLET_TYPES);
    const district = profile.districtId
      ? city.districts.find((d) => d.id === profile.districtId)!
      : random.pick(city.districts);
    const cheap = type === 'COMMUNITY' || type === 'ONLINE';
    const priceMin =
      profile.priceMin ??
      (cheap ? random.pick([500, 1000, 1500]) : random.pick([1500, 3000, 5000]));
    const priceMax = profile.priceMax ?? priceMin * random.pick([4, 8, 15]);
    const footfall =
      profile.footfall ??
      (type === 'ONLINE'
        ? random.int(50_000, 400_000)
        : type === 'COMMUNITY'
          ? random.int(2_000, 15_000)
          : random.int(10_000, 150_000));
    const ref: OutletRef = {
      id: random.uuid(),
      organizationId: retailer.id,
      cityId: city.id,
      districtId: district.id,
      type,
      themes: profile.themes ?? random.sample(KINDS, random.int(1, 3)),
      footfall,
      priceMin,
      priceMax,
      recorderUserId: retailer.ownerUserId,
    };
    this.context.add('outlet', {
      ...stamps(ref.id, addDays(this.context.origin, -random.int(1, 60))),
      organization_id: ref.organizationId,
      name:
        profile.name ??
        `${district.name} ${type.toLowerCase().replace('_', ' ')} shop ${ref.id.slice(0, 4)}`,
      type,
      city_id: city.id,
      district_id: district.id,
      address: `${district.name}, ${city.name}`,
      themes: ref.themes,
      average_monthly_footfall: ref.footfall,
      price_band_min_fen: ref.priceMin,
      price_band_max_fen: ref.priceMax,
    });
    return ref;
  }

  incubator(city: CityRef, type: string, ownerEmail?: string): IncubatorRef {
    const ownerUserId = this.user(['INCUBATOR'], { email: ownerEmail });
    const label = {
      MAKERSPACE: 'Makerspace',
      UNIVERSITY_INCUBATOR: 'University Incubator',
      INDUSTRIAL_PARK: 'Creative Industrial Park',
    }[type];
    const organizationId = this.organization(
      'INCUBATOR',
      city,
      this.random.pick(city.districts).id,
      `${city.name} ${label} ${this.userCount}`,
      ownerUserId,
      { incubatorType: type },
    );
    return { organizationId, cityId: city.id, ownerUserId };
  }

  officialGrant(userId: string, cityId: string, grantedById: string): void {
    this.context.add('official_grant', {
      ...stamps(this.random.uuid(), this.context.origin),
      user_id: userId,
      city_id: cityId,
      department: 'CULTURE',
      granted_by_id: grantedById,
    });
  }
}
