import { addDays, DAY_MS } from '../calendar';
import { Random } from '../random';
import { ManufacturerRef, SeedContext, stamps } from '../seed-context';
import { BidDraft } from './bid.generator';
import { ProjectPlot, ProjectSpec } from './project-plot';

export interface ProductionOutcome {
  sampleApprovedAt: Date | null;
  firstDeliveryAt: Date | null;
  delivered: number;
}

/**
 * An accepted bid's production order: sample, approval, mass production and one or two
 * deliveries (on time by the manufacturer's quality), then both sides' reviews.
 */
export class ProductionGenerator {
  constructor(
    private readonly context: SeedContext,
    private readonly random: Random,
  ) {}

  /** The production order and its milestones, as far as `now` allows. */
  generate(
    projectId: string,
    spec: ProjectSpec,
    bid: BidDraft,
    quantity: number,
    awardAt: Date,
    dueAt: Date,
    plot: ProjectPlot,
  ): ProductionOutcome {
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
}
