import { anomalyReasons, AnomalyThresholds, SaleAnomalyReasonCode } from './sale-anomaly-rules';

const LIMITS: AnomalyThresholds = {
  maxAmountFen: 10_000_000,
  priceFactor: 5,
  discountFactor: 5,
  quantityFactor: 10,
  minHistory: 5,
};
const codes = (...args: Parameters<typeof anomalyReasons>) =>
  anomalyReasons(...args).map((reason) => reason.code);
const ordinary = { quantity: 2, unitPriceFen: 12_800, listPriceFen: 12_800, usual: null };

describe('anomalyReasons', () => {
  it('finds nothing in an ordinary sale', () => {
    expect(anomalyReasons(ordinary, LIMITS)).toEqual([]);
  });

  it('holds a sale over the per-sale ceiling, not one at it', () => {
    const at = { ...ordinary, quantity: 1, unitPriceFen: 10_000_000, listPriceFen: 10_000_000 };
    expect(codes(at, LIMITS)).toEqual([]);
    expect(anomalyReasons({ ...at, unitPriceFen: 10_000_001 }, LIMITS)).toEqual([
      {
        code: SaleAnomalyReasonCode.OVER_CEILING,
        message:
          'quantity × unit price is ¥100,000.01, over the per-sale ceiling of ¥100,000.00 (SALE_MAX_AMOUNT_FEN)',
      },
    ]);
  });

  it('holds a unit price more than the factor above or below the list price', () => {
    expect(codes({ ...ordinary, unitPriceFen: 64_000 }, LIMITS)).toEqual([]);
    expect(anomalyReasons({ ...ordinary, unitPriceFen: 64_001 }, LIMITS)[0].message).toBe(
      'unit price ¥640.01 is more than 5× the list price ¥128.00',
    );
    expect(codes({ ...ordinary, unitPriceFen: 2_560 }, LIMITS)).toEqual([]);
    expect(anomalyReasons({ ...ordinary, unitPriceFen: 2_559 }, LIMITS)[0].message).toBe(
      'unit price ¥25.59 is less than 1/5 of the list price ¥128.00',
    );
  });

  it('holds no discount when SALE_ANOMALY_DISCOUNT_FACTOR is 0 (the default)', () => {
    expect(codes({ ...ordinary, unitPriceFen: 1 }, { ...LIMITS, discountFactor: 0 })).toEqual([]);
  });

  it('ignores the list price when there is none (a free product)', () => {
    expect(codes({ ...ordinary, listPriceFen: 0, unitPriceFen: 500 }, LIMITS)).toEqual([]);
  });

  it("holds a quantity far above the outlet's usual once it has enough history", () => {
    const usual = { sales: 5, medianQuantity: 3 };
    expect(codes({ ...ordinary, quantity: 30, usual }, LIMITS)).toEqual([]);
    expect(anomalyReasons({ ...ordinary, quantity: 31, usual }, LIMITS)).toEqual([
      {
        code: SaleAnomalyReasonCode.QUANTITY_ABOVE_USUAL,
        message:
          "quantity 31 is more than 10× this outlet's usual 3 for the product (median of its last 5 counted sales)",
      },
    ]);
    // four sales are no habit yet: the first big order of a new outlet is not suspicious by itself
    expect(codes({ ...ordinary, quantity: 31, usual: { ...usual, sales: 4 } }, LIMITS)).toEqual([]);
  });

  it('gives every reason that applies', () => {
    expect(
      codes(
        {
          quantity: 500,
          unitPriceFen: 100_000,
          listPriceFen: 12_800,
          usual: { sales: 9, medianQuantity: 1 },
        },
        LIMITS,
      ),
    ).toEqual([
      SaleAnomalyReasonCode.OVER_CEILING,
      SaleAnomalyReasonCode.PRICE_FAR_FROM_LIST,
      SaleAnomalyReasonCode.QUANTITY_ABOVE_USUAL,
    ]);
  });
});
