import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Project } from '../project/project.entity';
import { Bid } from './bid.entity';
import { unitPriceAt } from './price-tier';

const DAY_MS = 86_400_000;

@ObjectType({
  description: "One live bid, costed at the project's quantity, for side-by-side review.",
})
export class BidComparisonRow {
  @Field(() => Bid)
  bid!: Bid;

  @Field(() => ID)
  organizationId!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'Unit price at the project quantity; null when below every tier or the MOQ.',
  })
  unitPriceFen!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'unitPriceFen × quantity + sample cost, in whole fen (a Float: it can pass 2^31, up to 10^14 exactly).',
  })
  totalCostFen!: number | null;

  @Field(() => Int)
  leadTimeDays!: number;

  @Field({ description: 'Would it arrive by the delivery deadline if ordered now?' })
  meetsDeliveryDeadline!: boolean;

  @Field(() => Int, { description: 'Days to spare before the deadline (negative: late).' })
  daysToSpare!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Average review score (1–5); null until reviewed.',
  })
  manufacturerRating!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Share of delivered orders that were on time; null until one is delivered.',
  })
  onTimeRate!: number | null;
}

/**
 * No certification columns: a bid lacking a required certification is refused when submitted
 * (required means required; the owner stated it before any bid), so every row here would say
 * "all held". See the README's "Certifications" note.
 */
export interface ManufacturerRecord {
  rating: number | null;
  onTimeRate: number | null;
}

/** Pure costing of one bid against its project, so it can be tested without a database. */
export function compareBid(
  project: Project,
  bid: Bid,
  manufacturer: ManufacturerRecord,
  now = new Date(),
): BidComparisonRow {
  const unitPriceFen =
    bid.moq > project.quantity ? null : unitPriceAt(bid.priceTiers, project.quantity);
  const daysToSpare =
    Math.floor((project.deliveryDeadline.getTime() - now.getTime()) / DAY_MS) - bid.leadTimeDays;
  return {
    bid,
    organizationId: bid.organizationId,
    unitPriceFen,
    totalCostFen:
      unitPriceFen === null ? null : unitPriceFen * project.quantity + bid.sampleCostFen,
    leadTimeDays: bid.leadTimeDays,
    meetsDeliveryDeadline: daysToSpare >= 0,
    daysToSpare,
    manufacturerRating: manufacturer.rating,
    onTimeRate: manufacturer.onTimeRate,
  };
}
