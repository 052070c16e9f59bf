import {
  parsePeriod,
  periodOf,
  periodOrdinal,
  periodsBetween,
  PeriodGranularity,
} from '@cc/impact';
import type { SellThroughRow } from './retail-indicator.rows';

/** Per project with a delivery: the product's (project's) city, units delivered, and when. */
export interface DeliveredRow {
  city_id: string;
  project_id: string;
  delivered: number;
  delivered_at: Date;
}

/** Units of a project's products sold in one period (any outlet), by the product's city. */
export interface SoldRow {
  city_id: string;
  project_id: string;
  period: string;
  units: string | number;
  sales: number;
}

/**
 * Sell-through per (product's city, period, project), counting what did not sell:
 *
 *   numerator_p(t)   = units of p sold in t
 *   denominator_p(t) = units delivered for p by the end of t − units of p sold before t
 *                      (the units in market during t)
 *
 * from the period of the delivery (or of the first sale, if earlier) through the period of
 * `now`, while units remain or sales happen. A delivered product that sells nothing therefore
 * stays in the denominator and lowers the city's sell-through, and its project's leave-one-out
 * ΔD is negative; a product sold out leaves it. Units delivered after a period count from the
 * delivery's period on.
 */
export function sellThroughRows(input: {
  delivered: readonly DeliveredRow[];
  sold: readonly SoldRow[];
  granularity: PeriodGranularity;
  utcOffsetMinutes: number;
  now: Date;
}): SellThroughRow[] {
  const { granularity, utcOffsetMinutes } = input;
  const soldByProject = new Map<string, SoldRow[]>();
  for (const row of input.sold) {
    const list = soldByProject.get(row.project_id) ?? [];
    list.push(row);
    soldByProject.set(row.project_id, list);
  }
  const current = periodOf(input.now, granularity, utcOffsetMinutes);
  const rows: SellThroughRow[] = [];
  const seen = new Set<string>();
  for (const delivery of input.delivered) {
    seen.add(delivery.project_id);
    const sales = (soldByProject.get(delivery.project_id) ?? []).filter(
      (row) => row.city_id === delivery.city_id,
    );
    const unitsIn = new Map(sales.map((row) => [row.period, row]));
    const deliveredIn = periodOf(delivery.delivered_at, granularity, utcOffsetMinutes);
    const firstSale = sales
      .map((row) => parsePeriod(row.period))
      .sort((a, b) => periodOrdinal(a) - periodOrdinal(b))[0];
    const from =
      firstSale && periodOrdinal(firstSale) < periodOrdinal(deliveredIn) ? firstSale : deliveredIn;
    let soldBefore = 0;
    for (const period of periodsBetween(from, current)) {
      const sold = unitsIn.get(period.key);
      const units = sold ? Number(sold.units) : 0;
      const delivered =
        periodOrdinal(period) >= periodOrdinal(deliveredIn) ? delivery.delivered : 0;
      const inMarket = Math.max(0, delivered - soldBefore);
      if (inMarket > 0 || units > 0) {
        rows.push({
          city_id: delivery.city_id,
          period: period.key,
          project_id: delivery.project_id,
          units,
          delivered: inMarket,
          sales: sold?.sales ?? 0,
        });
      }
      soldBefore += units;
    }
  }
  // Sales of a project without a recorded delivery: numerator only (nothing was in market).
  for (const row of input.sold) {
    if (seen.has(row.project_id)) continue;
    rows.push({ ...row, delivered: 0 });
  }
  return rows;
}
