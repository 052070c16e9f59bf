import { addDays, DAY_MS, MAX_SEASONAL_WEIGHT, seasonalWeight } from '../calendar';
import { ResourceKind } from '../city-catalogue';
import { Random } from '../random';
import { CityRef, OutletRef, SeedContext, stamps, World } from '../seed-context';
import { dailySalesRate, fades, outletAppeal } from './sales-model';

export interface PlacementPlan {
  projectId: string;
  productId: string;
  city: CityRef;
  themes: ResourceKind[];
  retailPriceFen: number;
  deliveredUnits: number;
  royaltySplit: { userId: string; shareBp: number }[];
  proposerUserId: string;
  availableAt: Date;
  /** Planted standouts go to these outlets, all accepted at once. */
  standoutOutlets: OutletRef[] | null;
  resourceDistrictIds: string[];
}

const STANDOUT_FACTOR = 8;

/**
 * A product's placements (accepted, declined, withdrawn, pending, ended; both kinds of terms)
 * and the sales at each while it was active. Sales never fall outside an active placement,
 * never after `now`, never above the units delivered, and never below a wholesale price.
 */
export class PlacementGenerator {
  private saleCount = 0;

  constructor(
    private readonly context: SeedContext,
    private readonly world: World,
    private readonly random: Random,
  ) {}

  generate(plan: PlacementPlan): { firstActivatedAt: Date | null; closedAt: Date | null } {
    const random = this.random;
    const now = this.context.now;
    const outlets = plan.standoutOutlets ?? this.chooseOutlets(plan);
    type Draft = {
      outlet: OutletRef;
      proposedAt: Date;
      answeredAt: Date | null;
      state: string;
      activatedAt: Date | null;
      closedAt: Date | null;
      byRetailer: boolean;
    };
    const drafts: Draft[] = [];
    for (const outlet of outlets) {
      const proposedAt = addDays(plan.availableAt, random.int(1, 10));
      if (proposedAt > now) continue;
      const byRetailer = !plan.standoutOutlets && random.chance(0.4);
      const answeredAt = addDays(proposedAt, random.int(1, 6));
      const roll = plan.standoutOutlets ? 1 : random.next();
      if (answeredAt > now || roll < 0.04) {
        drafts.push({
          outlet,
          proposedAt,
          answeredAt: null,
          state: byRetailer ? 'REQUESTED' : 'OFFERED',
          activatedAt: null,
          closedAt: null,
          byRetailer,
        });
      } else if (roll < 0.1) {
        drafts.push({
          outlet,
          proposedAt,
          answeredAt,
          state: 'DECLINED',
          activatedAt: null,
          closedAt: answeredAt,
          byRetailer,
        });
      } else if (roll < 0.13) {
        drafts.push({
          outlet,
          proposedAt,
          answeredAt: null,
          state: 'WITHDRAWN',
          activatedAt: null,
          closedAt: answeredAt,
          byRetailer,
        });
      } else {
        const ends =
          !plan.standoutOutlets && random.chance(0.2)
            ? addDays(answeredAt, random.int(60, 300))
            : null;
        const ended = ends && ends <= now ? ends : null;
        drafts.push({
          outlet,
          proposedAt,
          answeredAt,
          state: ended ? 'ENDED' : 'ACTIVE',
          activatedAt: answeredAt,
          closedAt: ended,
          byRetailer,
        });
      }
    }
    const activations = drafts.filter((d) => d.activatedAt).map((d) => d.activatedAt!.getTime());
    const firstActivatedAt = activations.length ? new Date(Math.min(...activations)) : null;

    // Some projects close after a run in market: every placement ends with them.
    let closedAt: Date | null = null;
    if (
      firstActivatedAt &&
      !plan.standoutOutlets &&
      drafts.every((d) => d.state !== 'OFFERED' && d.state !== 'REQUESTED') &&
      random.chance(0.15)
    ) {
      const at = addDays(firstActivatedAt, random.int(200, 300));
      const lastActivation = new Date(Math.max(...activations));
      if (at <= now && at > lastActivation) {
        closedAt = at;
        for (const d of drafts) {
          if (d.state === 'ACTIVE' || (d.state === 'ENDED' && d.closedAt! > at)) {
            d.state = 'ENDED';
            d.closedAt = at;
          }
        }
      }
    }

    let unitsLeft = plan.deliveredUnits;
    for (const draft of drafts) {
      const id = random.uuid();
      const { outlet } = draft;
      const wholesale = random.chance(0.5);
      const wholesalePrice = Math.round(plan.retailPriceFen * 0.55);
      const heritage =
        plan.themes.includes('PALACE_QING_CULTURE') && outlet.type === 'MUSEUM'
          ? this.world.heritageOwnerOrganizationId
          : null;
      const retailer = outlet.recorderUserId;
      const proposer = draft.byRetailer ? retailer : plan.proposerUserId;
      const answerer = draft.byRetailer ? plan.proposerUserId : retailer;
      const ended =
        draft.state === 'ENDED' || draft.state === 'DECLINED' || draft.state === 'WITHDRAWN';
      this.context.add('placement', {
        ...stamps(id, draft.proposedAt, draft.closedAt ?? draft.answeredAt ?? draft.proposedAt),
        product_id: plan.productId,
        outlet_id: outlet.id,
        organization_id: outlet.organizationId,
        project_id: plan.projectId,
        state: draft.state,
        initiated_by: draft.byRetailer ? 'RETAILER' : 'MAKERS',
        terms_type: wholesale ? 'WHOLESALE' : 'CONSIGNMENT',
        wholesale_unit_price_fen: wholesale ? wholesalePrice : null,
        consignment_commission_bp: wholesale ? null : random.int(25, 40) * 100,
        royalty_split: plan.royaltySplit,
        heritage_owner_organization_id: heritage,
        heritage_royalty_bp: heritage ? 500 : 0,
        note: '',
        proposed_by_user_id: proposer,
        answered_by_user_id:
          draft.state === 'ACTIVE' || draft.state === 'ENDED' || draft.state === 'DECLINED'
            ? answerer
            : null,
        activated_at: draft.activatedAt,
        closed_at: ended ? draft.closedAt : null,
        closed_by_user_id: ended
          ? draft.state === 'WITHDRAWN'
            ? proposer
            : draft.state === 'DECLINED'
              ? answerer
              : plan.proposerUserId
          : null,
        closing_reason:
          draft.state === 'ENDED' ? (closedAt ? 'project closed' : 'season over') : null,
      });
      if (draft.activatedAt) {
        unitsLeft = this.sales(
          plan,
          outlet,
          id,
          draft.activatedAt,
          draft.closedAt ?? now,
          wholesale ? wholesalePrice : 0,
          unitsLeft,
        );
      }
    }
    return { firstActivatedAt, closedAt };
  }

  /** Up to four outlets of the city (or online), favouring matching themes, prices and footfall. */
  private chooseOutlets(plan: PlacementPlan): OutletRef[] {
    const random = this.random;
    const pool = [...(this.world.outletsByCity.get(plan.city.id) ?? [])];
    const count = random.weighted([
      [1, 4],
      [2, 3],
      [3, 2],
      [4, 1],
    ] as const);
    const chosen: OutletRef[] = [];
    while (chosen.length < count && pool.length > 0) {
      const pick = random.weighted(
        pool.map((outlet) => [outlet, outletAppeal(plan, outlet)] as const),
      );
      chosen.push(pick);
      pool.splice(pool.indexOf(pick), 1);
    }
    return chosen;
  }

  private sales(
    plan: PlacementPlan,
    outlet: OutletRef,
    placementId: string,
    from: Date,
    to: Date,
    wholesalePriceFen: number,
    unitsLeft: number,
  ): number {
    const random = this.random;
    const days = (to.getTime() - from.getTime()) / DAY_MS;
    if (days <= 0 || unitsLeft <= 0) return unitsLeft;
    const flagging = this.world.flaggingDistrictId;
    const fading = fades(plan, outlet, flagging);
    const rate = dailySalesRate(plan, outlet, flagging, plan.standoutOutlets ? STANDOUT_FACTOR : 1);
    const count = random.poisson(rate * days);
    const span = to.getTime() - from.getTime();
    const origin = this.context.origin.getTime();
    const history = this.context.now.getTime() - origin;
    for (let i = 0; i < count && unitsLeft > 0; i += 1) {
      let soldAt: Date;
      for (;;) {
        soldAt = new Date(from.getTime() + 1 + Math.floor(random.next() * (span - 1)));
        let weight = seasonalWeight(soldAt) / MAX_SEASONAL_WEIGHT;
        // A flagging district's sales fade from the first quarter to the last.
        if (fading) weight *= 1 - (0.85 * (soldAt.getTime() - origin)) / history;
        if (random.next() < weight) break;
      }
      const quantity = Math.min(
        unitsLeft,
        random.weighted([
          [1, 14],
          [2, 4],
          [3, 1],
          [5, 1],
        ] as const),
      );
      unitsLeft -= quantity;
      const discounted = Math.round(plan.retailPriceFen * 0.9);
      const unitPriceFen =
        random.chance(0.15) && discounted >= wholesalePriceFen ? discounted : plan.retailPriceFen;
      this.saleCount += 1;
      const recordedAt = new Date(soldAt.getTime() + random.int(1, 60) * 60_000);
      this.context.add('sale', {
        ...stamps(random.uuid(), recordedAt > this.context.now ? this.context.now : recordedAt),
        outlet_id: outlet.id,
        product_id: plan.productId,
        placement_id: placementId,
        organization_id: outlet.organizationId,
        city_id: outlet.cityId,
        quantity,
        unit_price_fen: unitPriceFen,
        amount_fen: quantity * unitPriceFen,
        sold_at: soldAt,
        external_id: `POS-${String(this.saleCount).padStart(8, '0')}`,
        import_id: null,
        recorded_by_user_id: outlet.recorderUserId,
      });
    }
    return unitsLeft;
  }
}
