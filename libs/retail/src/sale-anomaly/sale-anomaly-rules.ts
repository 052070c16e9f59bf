import { registerEnumType } from '@nestjs/graphql';

/** Why a sale was held for review. */
export enum SaleAnomalyReasonCode {
  OVER_CEILING = 'OVER_CEILING',
  PRICE_FAR_FROM_LIST = 'PRICE_FAR_FROM_LIST',
  QUANTITY_ABOVE_USUAL = 'QUANTITY_ABOVE_USUAL',
}

registerEnumType(SaleAnomalyReasonCode, {
  name: 'SaleAnomalyReasonCode',
  valuesMap: {
    OVER_CEILING: { description: 'quantity × unit price is over SALE_MAX_AMOUNT_FEN.' },
    PRICE_FAR_FROM_LIST: {
      description:
        "The unit price is SALE_ANOMALY_PRICE_FACTOR times above or below the product's list price.",
    },
    QUANTITY_ABOVE_USUAL: {
      description:
        "The quantity is SALE_ANOMALY_QUANTITY_FACTOR times the outlet's usual for the product.",
    },
  },
});

export interface SaleAnomalyReasonValue {
  code: SaleAnomalyReasonCode;
  message: string;
}

export interface AnomalyThresholds {
  /** quantity × unit price above this is held (SALE_MAX_AMOUNT_FEN). */
  maxAmountFen: number;
  /** SALE_ANOMALY_PRICE_FACTOR: above list price × this is held. */
  priceFactor: number;
  /**
   * SALE_ANOMALY_DISCOUNT_FACTOR: below list price / this is held; 0 holds no discount (a
   * clearance sale lowers the revenue metrics rather than inflating them).
   */
  discountFactor: number;
  /** SALE_ANOMALY_QUANTITY_FACTOR */
  quantityFactor: number;
  /** SALE_ANOMALY_MIN_HISTORY: counted sales needed before "usual" means anything. */
  minHistory: number;
}

/** The outlet's counted sales of the product so far: how many, and their median quantity. */
export interface UsualQuantity {
  sales: number;
  medianQuantity: number;
}

export interface SaleFigures {
  quantity: number;
  unitPriceFen: number;
  /** The product's list price (`retailPriceFen`). */
  listPriceFen: number;
  usual: UsualQuantity | null;
}

/** Fen as yuan for people: ¥150,000.00. */
export const yuan = (fen: number) =>
  `¥${(fen / 100).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * Why a possible sale looks implausible, if it does: an empty list means it counts at once.
 * Each rule stops one way of inflating a city's metrics with sales that pass the hard guards
 * (stock, hard ceiling): one huge ticket, a price no shopper paid, a quantity the outlet never sells.
 */
export function anomalyReasons(
  sale: SaleFigures,
  limits: AnomalyThresholds,
): SaleAnomalyReasonValue[] {
  const reasons: SaleAnomalyReasonValue[] = [];
  const amount = sale.quantity * sale.unitPriceFen;
  if (amount > limits.maxAmountFen) {
    reasons.push({
      code: SaleAnomalyReasonCode.OVER_CEILING,
      message: `quantity × unit price is ${yuan(amount)}, over the per-sale ceiling of ${yuan(limits.maxAmountFen)} (SALE_MAX_AMOUNT_FEN)`,
    });
  }
  if (sale.listPriceFen > 0) {
    if (sale.unitPriceFen > sale.listPriceFen * limits.priceFactor) {
      reasons.push({
        code: SaleAnomalyReasonCode.PRICE_FAR_FROM_LIST,
        message: `unit price ${yuan(sale.unitPriceFen)} is more than ${limits.priceFactor}× the list price ${yuan(sale.listPriceFen)}`,
      });
    } else if (
      limits.discountFactor > 0 &&
      sale.unitPriceFen * limits.discountFactor < sale.listPriceFen
    ) {
      reasons.push({
        code: SaleAnomalyReasonCode.PRICE_FAR_FROM_LIST,
        message: `unit price ${yuan(sale.unitPriceFen)} is less than 1/${limits.discountFactor} of the list price ${yuan(sale.listPriceFen)}`,
      });
    }
  }
  const usual = sale.usual;
  if (
    usual &&
    usual.sales >= limits.minHistory &&
    sale.quantity > usual.medianQuantity * limits.quantityFactor
  ) {
    reasons.push({
      code: SaleAnomalyReasonCode.QUANTITY_ABOVE_USUAL,
      message: `quantity ${sale.quantity} is more than ${limits.quantityFactor}× this outlet's usual ${usual.medianQuantity} for the product (median of its last ${usual.sales} counted sales)`,
    });
  }
  return reasons;
}
