import { ProductionStage } from './production-stage.enum';

export interface DeliveryCounts {
  quantityOrdered: number;
  quantityDelivered: number;
  overDeliveryAgreedUnits: number;
}

export type DeliveryOutcome =
  | {
      ok: true;
      stage: ProductionStage.PARTIALLY_DELIVERED | ProductionStage.DELIVERED;
      total: number;
    }
  | { ok: false; total: number; ceiling: number; room: number };

/**
 * Where a delivery of `units` leaves the order: below the ordered quantity it is partial; at
 * or above it the order is DELIVERED. Beyond the ordered quantity plus the over-delivery the
 * owners agreed to, it is refused (`room` is how many units may still come).
 */
export function deliveryOutcome(order: DeliveryCounts, units: number): DeliveryOutcome {
  const total = order.quantityDelivered + units;
  const ceiling = order.quantityOrdered + order.overDeliveryAgreedUnits;
  if (total > ceiling) {
    return { ok: false, total, ceiling, room: Math.max(0, ceiling - order.quantityDelivered) };
  }
  return {
    ok: true,
    total,
    stage:
      total >= order.quantityOrdered
        ? ProductionStage.DELIVERED
        : ProductionStage.PARTIALLY_DELIVERED,
  };
}
