import { CancellationSettlement, settleCancellation } from './order-cancellation';
import { ProductionStage } from './production-stage.enum';

describe('settleCancellation', () => {
  it.each([ProductionStage.AWAITING_SAMPLE, ProductionStage.SAMPLE_SUBMITTED])(
    'owes nothing before production started (%s)',
    (stage) => {
      expect(settleCancellation(stage, 0, 1800, 0)).toEqual({
        settlement: CancellationSettlement.EACH_BEARS_OWN_COSTS,
        compensationFen: 0,
        owedToManufacturerFen: 0,
      });
    },
  );

  it('owes the delivered units and the compensation once production started', () => {
    expect(settleCancellation(ProductionStage.MASS_PRODUCTION, 8_000, 1800, 500_000)).toEqual({
      settlement: CancellationSettlement.OWNERS_OWE_MANUFACTURER,
      compensationFen: 500_000,
      owedToManufacturerFen: 8_000 * 1800 + 500_000,
    });
  });
});
