import { addDays, DAY_MS } from '../calendar';
import { ResourceKind } from '../city-catalogue';
import { Random } from '../random';
import {
  CityRef,
  ManufacturerRef,
  OutletRef,
  SeedContext,
  stamps,
  TalentRef,
  TeamRef,
  World,
} from '../seed-context';
import { CERTIFICATIONS, KIND_PRODUCTS, PROCESS_MATERIALS } from '../vocabulary';
import { PlacementPlan, PlacementGenerator } from './placement.generator';

/** How a project's story is forced, for planted signal; `natural` lets the dice decide. */
export type ProjectPlot =
  | { kind: 'natural' }
  /** Published recently, bidding still open: for manufacturer-fit fixtures. */
  | { kind: 'open'; publishedAt: Date }
  /** Delivered and made into a product, not yet placed anywhere: for outlet-fit fixtures. */
  | { kind: 'awaitingPlacement'; retailPriceFen: number }
  /** In market early at strong outlets, selling far above the rest. */
  | { kind: 'standout'; outlets: OutletRef[] }
  /** Awarded to `manufacturer` (the only bidder), delivered on time or late: a track record. */
  | { kind: 'track'; manufacturer: ManufacturerRef; onTime: boolean };

export interface ProjectSpec {
  city: CityRef;
  owner: TalentRef;
  team: TeamRef | null;
  resources: CityRef['resources'];
  processes?: string[];
  materials?: string[];
  certifications?: string[];
  quantity?: number;
  plot: ProjectPlot;
}

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
  private count = 0;

  constructor(
    private readonly context: SeedContext,
    private readonly world: World,
    private readonly random: Random,
  ) {
    this.placements = new PlacementGenerator(context, world, random.fork('placements'));
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
      cultural_resource_ids: spec.resources.map((r) => r.id),
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
        : this.bidders(spec.city.id, processes, certifications, plot.kind === 'open');
    const bids = bidders
      .map((manufacturer) =>
        this.bid(
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
      for (const bid of bids) this.writeBid(bid, bid.state, bid.updatedAt);
      const state = cancelled && awardAt <= now ? 'CANCELLED' : 'OPEN_FOR_BIDS';
      finish(state, state === 'CANCELLED' ? awardAt : publishedAt, publishedAt);
      return { ...result, state };
    }

    // The award: one bid accepted, the other live ones rejected, one production order.
    const winner = random.weighted(
      active.map((bid) => [bid, 0.3 + bid.manufacturer.quality] as const),
    );
    for (const bid of bids) {
      if (bid === winner) this.writeBid(bid, 'ACCEPTED', awardAt);
      else if (bid.state === 'WITHDRAWN') this.writeBid(bid, 'WITHDRAWN', bid.updatedAt);
      else this.writeBid(bid, 'REJECTED', awardAt);
    }
    const production = this.production(id, spec, winner, quantity, awardAt, deliveryDeadline, plot);
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
      cultural_resource_ids: row.cultural_resource_ids,
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

  /** Manufacturers that can make it (all processes and certifications) first, then a few others. */
  private bidders(
    cityId: string,
    processes: string[],
    certifications: string[],
    open: boolean,
  ): ManufacturerRef[] {
    const local = this.world.manufacturersByCity.get(cityId) ?? [];
    const able = local.filter(
      (m) =>
        processes.every((p) => m.processes.includes(p)) &&
        certifications.every((c) => m.certifications.includes(c)),
    );
    const count = this.random.int(open ? 1 : 2, 6);
    const chosen = this.random.sample(able, count);
    if (chosen.length < 2)
      chosen.push(
        ...this.random.sample(
          local.filter((m) => !chosen.includes(m)),
          2 - chosen.length,
        ),
      );
    return chosen;
  }

  private bid(
    projectId: string,
    manufacturer: ManufacturerRef,
    quantity: number,
    targetUnitCostFen: number,
    publishedAt: Date,
    bidDeadline: Date,
    mayWithdraw: boolean,
  ): BidDraft {
    const random = this.random;
    const window = bidDeadline.getTime() - publishedAt.getTime();
    const at = new Date(publishedAt.getTime() + Math.floor(random.next() * window * 0.9));
    const unitPriceFen = Math.max(100, Math.round(targetUnitCostFen * random.real(0.8, 1.3)));
    const breakAt = Math.max(2, Math.floor(quantity / 2));
    const revised = random.chance(0.15);
    const withdrawn = mayWithdraw && random.chance(0.06);
    const updatedAt =
      revised || withdrawn
        ? new Date(at.getTime() + Math.floor((bidDeadline.getTime() - at.getTime()) / 2))
        : at;
    return {
      id: random.uuid(),
      projectId,
      manufacturer,
      at,
      updatedAt,
      state: withdrawn ? 'WITHDRAWN' : revised ? 'REVISED' : 'SUBMITTED',
      revision: revised ? 2 : 1,
      firstTiers: [
        { minQuantity: 1, unitPriceFen: Math.round(unitPriceFen * 1.25) },
        { minQuantity: breakAt, unitPriceFen: Math.round(unitPriceFen * 1.08) },
      ],
      tiers: [
        { minQuantity: 1, unitPriceFen: Math.round(unitPriceFen * 1.15) },
        { minQuantity: breakAt, unitPriceFen },
      ],
      unitPriceFen,
      moq: Math.min(manufacturer.moq, quantity),
      leadTimeDays: Math.max(7, manufacturer.leadTimeDays + random.int(-5, 5)),
      sampleCostFen: random.int(5, 50) * 1000,
    };
  }

  private writeBid(bid: BidDraft, state: string, updatedAt: Date): void {
    const terms = (tiers: BidDraft['tiers']) => ({
      price_tiers: tiers,
      moq: bid.moq,
      lead_time_days: bid.leadTimeDays,
      sample_cost_fen: bid.sampleCostFen,
      note: '',
    });
    this.context.add('bid', {
      ...stamps(bid.id, bid.at, updatedAt),
      project_id: bid.projectId,
      organization_id: bid.manufacturer.id,
      submitted_by_user_id: bid.manufacturer.ownerUserId,
      state,
      revision: bid.revision,
      ...terms(bid.tiers),
    });
    const revisions = bid.revision === 2 ? [bid.firstTiers, bid.tiers] : [bid.tiers];
    revisions.forEach((tiers, i) => {
      const at = i === 0 ? bid.at : bid.updatedAt;
      this.context.add('bid_revision', {
        ...stamps(this.random.uuid(), at),
        bid_id: bid.id,
        revision: i + 1,
        ...terms(tiers),
      });
    });
  }

  /** The production order and its milestones, as far as `now` allows. */
  private production(
    projectId: string,
    spec: ProjectSpec,
    bid: BidDraft,
    quantity: number,
    awardAt: Date,
    dueAt: Date,
    plot: ProjectPlot,
  ): { sampleApprovedAt: Date | null; firstDeliveryAt: Date | null; delivered: number } {
    const random = this.random;
    const now = this.context.now;
    const manufacturer = bid.manufacturer;
    const orderId = random.uuid();
    const milestones: { stage: string; at: Date; by: string; quantity: number | null }[] = [];
    const step = (stage: string, at: Date, by: string, units: number | null = null) => {
      if (at > now) return false;
      milestones.push({ stage, at, by, quantity: units });
      return true;
    };
    const forced = plot.kind === 'awaitingPlacement' || plot.kind === 'standout';
    const sampleAt = addDays(awardAt, random.int(5, 15));
    const approvedAt = addDays(sampleAt, random.int(2, 6));
    const massAt = addDays(approvedAt, random.int(1, 3));
    const onTime =
      plot.kind === 'track'
        ? plot.onTime
        : forced || random.chance(0.3 + 0.65 * manufacturer.quality);
    const dueMs = dueAt.getTime();
    const firstAt = onTime
      ? new Date(Math.max(massAt.getTime() + 10 * DAY_MS, dueMs - random.int(0, 30) * DAY_MS))
      : new Date(dueMs + random.int(3, 30) * DAY_MS);
    const split = !forced && random.chance(0.25);
    const firstUnits = split ? Math.floor(quantity * 0.6) : quantity;
    let delivered = 0;
    let firstDeliveryAt: Date | null = null;
    if (
      step('SAMPLE_SUBMITTED', sampleAt, manufacturer.ownerUserId) &&
      step('SAMPLE_APPROVED', approvedAt, spec.owner.userId) &&
      step('MASS_PRODUCTION', massAt, manufacturer.ownerUserId) &&
      step('DELIVERED', firstAt, manufacturer.ownerUserId, firstUnits)
    ) {
      delivered = firstUnits;
      firstDeliveryAt = firstAt;
      if (
        split &&
        step(
          'DELIVERED',
          addDays(firstAt, random.int(10, 30)),
          manufacturer.ownerUserId,
          quantity - firstUnits,
        )
      ) {
        delivered = quantity;
      }
    }
    const last = milestones[milestones.length - 1];
    this.context.add('production_order', {
      ...stamps(orderId, awardAt, last?.at ?? awardAt),
      project_id: projectId,
      bid_id: bid.id,
      organization_id: manufacturer.id,
      quantity_ordered: quantity,
      unit_price_fen: bid.unitPriceFen,
      stage: last?.stage ?? 'AWAITING_SAMPLE',
      quantity_delivered: delivered,
      due_at: dueAt,
      delivered_at: firstDeliveryAt,
    });
    for (const milestone of milestones) {
      this.context.add('production_milestone', {
        ...stamps(random.uuid(), milestone.at),
        order_id: orderId,
        stage: milestone.stage,
        by_user_id: milestone.by,
        quantity: milestone.quantity,
      });
    }
    if (firstDeliveryAt) {
      this.reviews(orderId, spec, manufacturer, firstDeliveryAt, onTime, plot.kind === 'track');
    }
    return {
      sampleApprovedAt: milestones.find((m) => m.stage === 'SAMPLE_APPROVED')?.at ?? null,
      firstDeliveryAt,
      delivered,
    };
  }

  /** Both sides review after delivery; the owner's scores follow the manufacturer's quality. */
  private reviews(
    orderId: string,
    spec: ProjectSpec,
    manufacturer: ManufacturerRef,
    deliveredAt: Date,
    onTime: boolean,
    always: boolean,
  ): void {
    const random = this.random;
    const clamp = (x: number) => Math.min(5, Math.max(1, Math.round(x)));
    const score = () => clamp(1 + 4 * manufacturer.quality + random.normal() * 0.5);
    const write = (side: string, reviewer: string, scores: [number, number, number]) => {
      const at = addDays(deliveredAt, random.int(2, 20));
      if (at > this.context.now) return;
      this.context.add('review', {
        ...stamps(random.uuid(), at),
        order_id: orderId,
        side,
        reviewer_user_id: reviewer,
        quality: scores[0],
        on_time_delivery: scores[1],
        communication: scores[2],
        comment: '',
      });
    };
    if (always || random.chance(0.85)) {
      write('PROJECT_OWNER', spec.owner.userId, [
        score(),
        onTime ? random.int(4, 5) : random.int(1, 3),
        score(),
      ]);
    }
    if (random.chance(0.6)) {
      write('MANUFACTURER', manufacturer.ownerUserId, [
        random.int(3, 5),
        random.int(3, 5),
        random.int(3, 5),
      ]);
    }
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

interface BidDraft {
  id: string;
  projectId: string;
  manufacturer: ManufacturerRef;
  at: Date;
  updatedAt: Date;
  state: 'SUBMITTED' | 'REVISED' | 'WITHDRAWN';
  revision: number;
  firstTiers: { minQuantity: number; unitPriceFen: number }[];
  tiers: { minQuantity: number; unitPriceFen: number }[];
  unitPriceFen: number;
  moq: number;
  leadTimeDays: number;
  sampleCostFen: number;
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
