import { CouplingInputsChangedJobData, couplingInputsChanged } from '@cc/impact';
import { OutboxEntry } from '@cc/queue';

/** Platform indicators that move when an outlet's sales change. */
export const SALES_INDICATORS: readonly string[] = [
  'creative_sales_revenue',
  'brand_reach',
  'scene_coverage',
  'resource_activation',
  'sell_through',
  'talent_earnings',
];

/**
 * The sales indicators that follow the product's (its project's) city rather than the outlet's:
 * sell-through, and the activation of the product's cultural resources.
 */
export const PRODUCT_CITY_SALES_INDICATORS: readonly string[] = [
  'resource_activation',
  'sell_through',
];

/** Platform indicators that move when a placement starts or ends. */
export const PLACEMENT_INDICATORS: readonly string[] = ['products_in_market'];

/**
 * The "coupling inputs changed" events for a city, one per period touched, for the outbox (the
 * impact worker debounces bursts). Written in the transaction of the change, so a change made
 * while Redis is down is not lost: the event waits in PostgreSQL until the relay moves it.
 */
export function couplingChange(change: {
  cityId: string;
  periods: Iterable<string>;
  indicators: readonly string[];
  reason: string;
}): OutboxEntry<CouplingInputsChangedJobData>[] {
  return [...new Set(change.periods)].map((period) =>
    couplingInputsChanged({
      cityId: change.cityId,
      period,
      indicators: [...change.indicators],
      reason: change.reason,
    }),
  );
}

/**
 * A sale moves the outlet's city's sales indicators and the product's city's sell-through and
 * resource activation: events for every such city (once when they are the same).
 */
export function salesChanged(sales: {
  outletCityId: string;
  productCityIds: Iterable<string>;
  periods: Iterable<string>;
  reason: string;
}): OutboxEntry<CouplingInputsChangedJobData>[] {
  const periods = [...sales.periods];
  const events = couplingChange({
    cityId: sales.outletCityId,
    periods,
    indicators: SALES_INDICATORS,
    reason: sales.reason,
  });
  for (const cityId of new Set(sales.productCityIds)) {
    if (cityId === sales.outletCityId) continue;
    events.push(
      ...couplingChange({
        cityId,
        periods,
        indicators: PRODUCT_CITY_SALES_INDICATORS,
        reason: sales.reason,
      }),
    );
  }
  return events;
}
