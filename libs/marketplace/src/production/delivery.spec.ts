import { deliveryOutcome } from './delivery';
import { ProductionStage } from './production-stage.enum';

const order = (quantityDelivered: number, overDeliveryAgreedUnits = 0) => ({
  quantityOrdered: 20_000,
  quantityDelivered,
  overDeliveryAgreedUnits,
});

describe('deliveryOutcome', () => {
  it('is partial below the ordered quantity and delivered at it', () => {
    expect(deliveryOutcome(order(0), 8_000)).toEqual({
      ok: true,
      total: 8_000,
      stage: ProductionStage.PARTIALLY_DELIVERED,
    });
    expect(deliveryOutcome(order(8_000), 12_000)).toEqual({
      ok: true,
      total: 20_000,
      stage: ProductionStage.DELIVERED,
    });
  });

  it('refuses units beyond the order unless an over-delivery was agreed', () => {
    expect(deliveryOutcome(order(0), 25_000)).toEqual({
      ok: false,
      total: 25_000,
      ceiling: 20_000,
      room: 20_000,
    });
    expect(deliveryOutcome(order(0, 5_000), 25_000)).toMatchObject({
      ok: true,
      stage: ProductionStage.DELIVERED,
    });
    expect(deliveryOutcome(order(20_000, 5_000), 5_001)).toMatchObject({ ok: false, room: 5_000 });
  });
});
