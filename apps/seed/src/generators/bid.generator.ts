import { Random } from '../random';
import { ManufacturerRef, SeedContext, stamps, World } from '../seed-context';

export interface BidDraft {
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

/** Sealed bids: who bids on a project, their terms and revisions, and how each bid ends. */
export class BidGenerator {
  constructor(
    private readonly context: SeedContext,
    private readonly world: World,
    private readonly random: Random,
  ) {}

  /** Manufacturers that can make it (all processes and certifications) first, then a few others. */
  bidders(
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

  draft(
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

  write(bid: BidDraft, state: string, updatedAt: Date): void {
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
}
