import { Logger } from '@nestjs/common';
import { notifyCouplingInputsChanged } from '@cc/impact';
import { QueueService } from '@cc/queue';

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

const logger = new Logger('RetailCoupling');

/**
 * Sends the de-duplicated "coupling inputs changed" event for a city, once per period touched
 * (the impact worker debounces bursts). The data is already committed; if Redis is unreachable,
 * the event is logged and dropped, and the next scheduled recompute picks the change up.
 */
export async function announceCouplingChange(
  queue: QueueService,
  change: {
    cityId: string;
    periods: Iterable<string>;
    indicators: readonly string[];
    reason: string;
  },
): Promise<void> {
  for (const period of new Set(change.periods)) {
    try {
      await notifyCouplingInputsChanged(queue, {
        cityId: change.cityId,
        period,
        indicators: [...change.indicators],
        reason: change.reason,
      });
    } catch (error) {
      logger.warn(
        { err: error, cityId: change.cityId, period },
        'could not enqueue the coupling event',
      );
    }
  }
}

/**
 * A sale moves the outlet's city's sales indicators and the product's city's sell-through and
 * resource activation: tells every such city (once when they are the same).
 */
export async function announceSales(
  queue: QueueService,
  sales: {
    outletCityId: string;
    productCityIds: Iterable<string>;
    periods: Iterable<string>;
    reason: string;
  },
): Promise<void> {
  const periods = [...sales.periods];
  await announceCouplingChange(queue, {
    cityId: sales.outletCityId,
    periods,
    indicators: SALES_INDICATORS,
    reason: sales.reason,
  });
  for (const cityId of new Set(sales.productCityIds)) {
    if (cityId === sales.outletCityId) continue;
    await announceCouplingChange(queue, {
      cityId,
      periods,
      indicators: PRODUCT_CITY_SALES_INDICATORS,
      reason: sales.reason,
    });
  }
}
