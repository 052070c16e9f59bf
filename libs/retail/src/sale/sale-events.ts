import { periodOf } from '@cc/impact';
import { matchingChanged, MatchSubject } from '@cc/matching';
import { OutboxEntry, ProjectEventKind, projectEvent } from '@cc/queue';
import { salesChanged } from '../retail-coupling';

/**
 * What a sale that counts tells other domains: the impact domain that the outlet's city (sales,
 * reach, coverage, earnings) and the product's city (sell-through, activation) changed in the
 * quarter sold; matching that the product's sell-through moved; incubation that a project sold.
 * Written when a sale is recorded and counts, or when an official accepts a held one.
 */
export function countedSaleEvents(
  sale: { id: string; cityId: string; soldAt: Date },
  product: { id: string; cityId: string; projectId: string },
  reason: string,
): OutboxEntry<unknown>[] {
  return [
    ...salesChanged({
      outletCityId: sale.cityId,
      productCityIds: [product.cityId],
      periods: [periodOf(sale.soldAt).key],
      reason,
    }),
    matchingChanged(MatchSubject.PRODUCT, product.id, reason),
    projectEvent({
      kind: ProjectEventKind.SALE_RECORDED,
      projectId: product.projectId,
      ref: sale.id,
    }),
  ];
}
