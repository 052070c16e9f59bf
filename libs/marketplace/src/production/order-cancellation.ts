import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { BEFORE_PRODUCTION, ProductionStage } from './production-stage.enum';

/** Who bears the cost of a cancelled order; settlement reads this with `owedToManufacturerFen`. */
export enum CancellationSettlement {
  /** Cancelled before the sample was approved: nothing is owed, each side keeps its own costs. */
  EACH_BEARS_OWN_COSTS = 'EACH_BEARS_OWN_COSTS',
  /**
   * Cancelled after production started: the project owners owe the manufacturer the delivered
   * units at the agreed unit price plus the compensation stated for work in progress.
   */
  OWNERS_OWE_MANUFACTURER = 'OWNERS_OWE_MANUFACTURER',
}
registerEnumType(CancellationSettlement, { name: 'CancellationSettlement' });

@ObjectType({ description: 'Why and when an order was cancelled, and who bears what.' })
export class OrderCancellation {
  @Field(() => Date)
  cancelledAt!: Date;

  @Field(() => ID)
  cancelledByUserId!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => ProductionStage, { description: 'The stage the order had reached.' })
  atStage!: ProductionStage;

  @Field(() => CancellationSettlement)
  settlement!: CancellationSettlement;

  @Field(() => Int, { description: 'Units delivered before the cancellation.' })
  unitsDelivered!: number;

  @Field(() => Int, { description: 'Compensation for work in progress, in fen.' })
  compensationFen!: number;

  @Field(() => Int, {
    description:
      'unitsDelivered × unitPriceFen + compensationFen; 0 when each bears its own costs.',
  })
  owedToManufacturerFen!: number;
}

/** The settlement of cancelling an order at `stage`, in fen. Pure, so it is tested directly. */
export function settleCancellation(
  stage: ProductionStage,
  unitsDelivered: number,
  unitPriceFen: number,
  compensationFen: number,
): Pick<OrderCancellation, 'settlement' | 'owedToManufacturerFen' | 'compensationFen'> {
  if (BEFORE_PRODUCTION.includes(stage)) {
    return {
      settlement: CancellationSettlement.EACH_BEARS_OWN_COSTS,
      compensationFen: 0,
      owedToManufacturerFen: 0,
    };
  }
  return {
    settlement: CancellationSettlement.OWNERS_OWE_MANUFACTURER,
    compensationFen,
    owedToManufacturerFen: unitsDelivered * unitPriceFen + compensationFen,
  };
}
