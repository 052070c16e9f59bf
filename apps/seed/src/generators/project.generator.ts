import { addDays } from '../calendar';
import { ResourceKind } from '../city-catalogue';
import { Random } from '../random';
import { SeedContext, stamps, World } from '../seed-context';
import { CERTIFICATIONS, KIND_PRODUCTS, PROCESS_MATERIALS } from '../vocabulary';
import { BidGenerator } from './bid.generator';
import { PlacementPlan, PlacementGenerator } from './placement.generator';
import { ProductionGenerator } from './production.generator';
import { ProjectSpec } from './project-plot';

export interface GeneratedProject {
  id: string;
  state: string;
  productId: string | null;
  retailPriceFen: number | null;
  themes: ResourceKind[];
}

const QUANTITIES = [200, 300, 500, 800, 1000, 1500, 2000, 3000, 5000];

/**
 * One project's whole story, written row by row: publication, sealed bids, the award and its
 * production order, milestones and deliveries, reviews, the product, its placements and sales.
 * Each step happens only if its time is not after `now`, so every state is one the services
 * could have reached (DRAFT → OPEN_FOR_BIDS → AWARDED → IN_PRODUCTION → IN_MARKET → CLOSED, or
 * CANCELLED before the market).
 */
export class ProjectGenerator {
  private readonly placements: PlacementGenerator;
  private readonly bids: BidGenerator;
  private readonly production: ProductionGenerator;
  private count = 0;

  constructor(
    private readonly context: SeedContext,
    private readonly world: World,
    private readonly random: Random,
  ) {
    this.placements = new PlacementGenerator(context, world, random.fork('placements'));
    // One stream shared with the project's own draws, so the rows stay what they were.
    this.bids = new BidGenerator(context, world, random);
    this.production = new ProductionGenerator(context, random);
  }

  generate(spec: ProjectSpec, createdAt: Date): GeneratedProject {
    const random = this.random;
    const now = this.context.now;
    this.count += 1;
    const id = random.uuid();
    const kinds = spec.resources.map((r) => r.kind);
    const kind: ResourceKind = kinds[0] ?? 'OTHER';
    const template = random.pick(KIND_PRODUCTS[kind]);
    const digital = template.processes.includes('AR_VR_DEVELOPMENT');
    const category = digital
      ? 'DIGITAL_EXPERIENCE'
      : random.weighted([
          ['PRODUCT', 5],
          ['IP_BRAND', 1],
        ] as const);
    const processes = spec.processes ?? [...template.processes];
    const materials =
      spec.materials ??
      processes
        .map((p) => random.pick(PROCESS_MATERIALS[p]))
        .filter((m, i, all) => all.indexOf(m) === i);
    const certifications =
      spec.certifications ?? (random.chance(0.25) ? [random.pick(CERTIFICATIONS)] : []);
    const quantity = spec.quantity ?? random.pick(QUANTITIES);
    const targetUnitCostFen = random.int(8, 60) * 100;
    const subject = spec.resources[0]?.name ?? spec.city.name;
    const title = `${subject} ${template.noun}`;

    const plot = spec.plot;
    const publishedAt =
      plot.kind === 'open' ? plot.publishedAt : addDays(createdAt, random.int(1, 7));
    const bidDeadline =
      plot.kind === 'open'
        ? addDays(now, random.int(10, 20))
        : addDays(publishedAt, random.int(14, 35));
    const deliveryDeadline = addDays(bidDeadline, random.int(60, 150));
    const row = {
      title,
      description: `${template.noun[0].toUpperCase()}${template.noun.slice(1)} inspired by ${subject}, ${spec.city.name}.`,
      city_id: spec.city.id,
      category,
      owner_user_id: spec.owner.userId,
      owner_team_id: spec.team?.id ?? null,
      processes,
      materials,
      quantity,
      target_unit_cost_fen: targetUnitCostFen,
      required_certifications: certifications,
      bid_deadline: bidDeadline,
      delivery_deadline: deliveryDeadline,
    };
    const finish = (state: string, updatedAt: Date, published: Date | null) => {
      this.context.add('project', {
        ...stamps(id, createdAt, updatedAt),
        ...row,
        state,
        published_at: published,
      });
      spec.resources.forEach((resource, position) =>
        this.context.add('project_cultural_resource', {
          project_id: id,
          cultural_resource_id: resource.id,
          city_id: spec.city.id,
          position,
        }),
      );
    };
    const result: GeneratedProject = {
      id,
      state: 'DRAFT',
      productId: null,
      retailPriceFen: null,
      themes: [...new Set(kinds)],
    };

    if (plot.kind === 'natural') {
      const roll = random.next();
      if (roll < 0.05 || publishedAt > now) {
        finish('DRAFT', createdAt, null);
        return result;
      }
      if (roll < 0.08) {
        finish('CANCELLED', addDays(createdAt, random.int(1, 10)), null);
        return { ...result, state: 'CANCELLED' };
      }
    }

    // Sealed bids from manufacturers of the city, best placed first.
    const bidders =
      plot.kind === 'track'
        ? [plot.manufacturer]
        : this.bids.bidders(spec.city.id, processes, certifications, plot.kind === 'open');
    const bids = bidders
      .map((manufacturer) =>
        this.bids.draft(
          id,
          manufacturer,
          quantity,
          targetUnitCostFen,
          publishedAt,
          bidDeadline,
          plot.kind === 'natural',
        ),
      )
      .filter((bid) => bid.at <= now);
    const awardAt = addDays(bidDeadline, random.int(1, 5));
    const cancelled = plot.kind === 'natural' && random.chance(0.06);
    const active = bids.filter((bid) => bid.state !== 'WITHDRAWN');
    if (
      plot.kind === 'open' ||
      bidDeadline > now ||
      awardAt > now ||
      active.length === 0 ||
      cancelled
    ) {
      for (const bid of bids) this.bids.write(bid, bid.state, bid.updatedAt);
      const state = cancelled && awardAt <= now ? 'CANCELLED' : 'OPEN_FOR_BIDS';
      finish(state, state === 'CANCELLED' ? awardAt : publishedAt, publishedAt);
      return { ...result, state };
    }

    // The award: one bid accepted, the other live ones rejected, one production order.
    const winner = random.weighted(
      active.map((bid) => [bid, 0.3 + bid.manufacturer.quality] as const),
    );
    for (const bid of bids) {
      if (bid === winner) this.bids.write(bid, 'ACCEPTED', awardAt);
      else if (bid.state === 'WITHDRAWN') this.bids.write(bid, 'WITHDRAWN', bid.updatedAt);
      else this.bids.write(bid, 'REJECTED', awardAt);
    }
    const production = this.production.generate(
      id,
      spec,
      winner,
      quantity,
      awardAt,
      deliveryDeadline,
      plot,
    );
    if (!production.sampleApprovedAt) {
      finish('AWARDED', awardAt, publishedAt);
      return { ...result, state: 'AWARDED' };
    }
    if (!production.firstDeliveryAt) {
      finish('IN_PRODUCTION', production.sampleApprovedAt, publishedAt);
      return { ...result, state: 'IN_PRODUCTION' };
    }

    // The product, then its placements and sales.
    const productAt = addDays(production.firstDeliveryAt, random.int(2, 10));
    if (productAt > now) {
      finish('IN_PRODUCTION', production.sampleApprovedAt, publishedAt);
      return { ...result, state: 'IN_PRODUCTION' };
    }
    const retailPriceFen =
      plot.kind === 'awaitingPlacement'
        ? plot.retailPriceFen
        : Math.round((winner.unitPriceFen * random.real(2.5, 4)) / 100) * 100 - 100;
    const productId = random.uuid();
    this.context.add('product', {
      ...stamps(productId, productAt),
      project_id: id,
      sku: `CC-${spec.city.code.toUpperCase().slice(0, 3)}-${String(this.count).padStart(7, '0')}`,
      name: title,
      brand: this.brand(spec),
      description: row.description,
      retail_price_fen: retailPriceFen,
      city_id: spec.city.id,
      cultural_resource_ids: spec.resources.map((r) => r.id),
      themes: result.themes,
      owner_user_id: spec.owner.userId,
      owner_team_id: spec.team?.id ?? null,
      created_by_user_id: spec.owner.userId,
    });
    const placed = { ...result, productId, retailPriceFen };
    if (plot.kind === 'awaitingPlacement') {
      finish('IN_PRODUCTION', production.sampleApprovedAt, publishedAt);
      return { ...placed, state: 'IN_PRODUCTION' };
    }
    const plan: PlacementPlan = {
      projectId: id,
      productId,
      city: spec.city,
      themes: result.themes,
      retailPriceFen,
      deliveredUnits: production.delivered,
      royaltySplit: this.royaltySplit(spec),
      proposerUserId: spec.owner.userId,
      availableAt: productAt,
      standoutOutlets: plot.kind === 'standout' ? plot.outlets : null,
      resourceDistrictIds: spec.resources.map((r) => r.districtId),
    };
    const market = this.placements.generate(plan);
    if (!market.firstActivatedAt) {
      finish('IN_PRODUCTION', production.sampleApprovedAt, publishedAt);
      return { ...placed, state: 'IN_PRODUCTION' };
    }
    if (market.closedAt) {
      finish('CLOSED', market.closedAt, publishedAt);
      return { ...placed, state: 'CLOSED' };
    }
    finish('IN_MARKET', market.firstActivatedAt, publishedAt);
    return { ...placed, state: 'IN_MARKET' };
  }

  private royaltySplit(spec: ProjectSpec): { userId: string; shareBp: number }[] {
    const members = spec.team?.memberUserIds ?? [spec.owner.userId];
    const base = Math.floor(10_000 / members.length);
    return members.map((userId, i) => ({
      userId,
      shareBp: i === 0 ? 10_000 - base * (members.length - 1) : base,
    }));
  }

  private brand(spec: ProjectSpec): string {
    const brands = BRANDS[spec.city.code] ?? [spec.city.name];
    return this.random.pick(brands);
  }
}

const BRANDS: Record<string, string[]> = {
  shenyang: [
    'Fuyun 福韵',
    'Tiexi Iron 铁西记忆',
    'Shengjing 盛京',
    'Mukden Made',
    'Hunhe 浑河',
    'Qing Palace 清宫',
  ],
  dalian: ['Binhai 滨海', 'Dalian Blue', 'Xinghai 星海'],
  harbin: ['Bingcheng 冰城', 'Sophia', 'Songhua 松花'],
  changchun: ['Changying 长影', 'Chuncheng 春城', 'FAW Heritage'],
  xian: ['Chang’an 长安', 'Datang 大唐', 'Qinyong 秦俑'],
  chengdu: ['Shu Brocade 蜀锦', 'Panda Town', 'Jinli 锦里'],
};
