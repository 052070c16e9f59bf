import { registerEnumType } from '@nestjs/graphql';

export enum ProductionStage {
  AWAITING_SAMPLE = 'AWAITING_SAMPLE',
  SAMPLE_SUBMITTED = 'SAMPLE_SUBMITTED',
  SAMPLE_APPROVED = 'SAMPLE_APPROVED',
  MASS_PRODUCTION = 'MASS_PRODUCTION',
  DELIVERED = 'DELIVERED',
  /** The project was cancelled before the order was fulfilled; see the order's `cancellation`. */
  CANCELLED = 'CANCELLED',
}
registerEnumType(ProductionStage, { name: 'ProductionStage' });

/** The order moves forward one stage at a time; DELIVERED may repeat (each delivery adds units). */
export const NEXT_PRODUCTION_STAGE: Readonly<Record<ProductionStage, ProductionStage | null>> = {
  [ProductionStage.AWAITING_SAMPLE]: ProductionStage.SAMPLE_SUBMITTED,
  [ProductionStage.SAMPLE_SUBMITTED]: ProductionStage.SAMPLE_APPROVED,
  [ProductionStage.SAMPLE_APPROVED]: ProductionStage.MASS_PRODUCTION,
  [ProductionStage.MASS_PRODUCTION]: ProductionStage.DELIVERED,
  [ProductionStage.DELIVERED]: ProductionStage.DELIVERED,
  [ProductionStage.CANCELLED]: null,
};

/** Stages before the owners approved the sample: cancelling then costs neither side anything. */
export const BEFORE_PRODUCTION: readonly ProductionStage[] = [
  ProductionStage.AWAITING_SAMPLE,
  ProductionStage.SAMPLE_SUBMITTED,
];
