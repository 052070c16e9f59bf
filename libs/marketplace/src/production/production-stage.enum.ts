import { registerEnumType } from '@nestjs/graphql';

export enum ProductionStage {
  AWAITING_SAMPLE = 'AWAITING_SAMPLE',
  SAMPLE_SUBMITTED = 'SAMPLE_SUBMITTED',
  SAMPLE_APPROVED = 'SAMPLE_APPROVED',
  MASS_PRODUCTION = 'MASS_PRODUCTION',
  /** Some units delivered, fewer than ordered: more deliveries are expected. */
  PARTIALLY_DELIVERED = 'PARTIALLY_DELIVERED',
  /** Every ordered unit delivered (further units only as an agreed over-delivery). */
  DELIVERED = 'DELIVERED',
  /** The project was cancelled before the order was fulfilled; see the order's `cancellation`. */
  CANCELLED = 'CANCELLED',
}
registerEnumType(ProductionStage, { name: 'ProductionStage' });

/**
 * The stages an order must be at to move into each stage. A delivery may repeat: it lands at
 * PARTIALLY_DELIVERED or DELIVERED by the units delivered so far (see `deliveryOutcome`).
 */
export const STAGES_BEFORE: Readonly<Record<ProductionStage, readonly ProductionStage[]>> = {
  [ProductionStage.AWAITING_SAMPLE]: [],
  [ProductionStage.SAMPLE_SUBMITTED]: [ProductionStage.AWAITING_SAMPLE],
  [ProductionStage.SAMPLE_APPROVED]: [ProductionStage.SAMPLE_SUBMITTED],
  [ProductionStage.MASS_PRODUCTION]: [ProductionStage.SAMPLE_APPROVED],
  [ProductionStage.PARTIALLY_DELIVERED]: [
    ProductionStage.MASS_PRODUCTION,
    ProductionStage.PARTIALLY_DELIVERED,
  ],
  [ProductionStage.DELIVERED]: [
    ProductionStage.MASS_PRODUCTION,
    ProductionStage.PARTIALLY_DELIVERED,
    ProductionStage.DELIVERED,
  ],
  [ProductionStage.CANCELLED]: [],
};

/** Stages before the owners approved the sample: cancelling then costs neither side anything. */
export const BEFORE_PRODUCTION: readonly ProductionStage[] = [
  ProductionStage.AWAITING_SAMPLE,
  ProductionStage.SAMPLE_SUBMITTED,
];
