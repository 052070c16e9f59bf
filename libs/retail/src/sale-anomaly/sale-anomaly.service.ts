import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AccessPolicy, Viewer } from '@cc/auth';
import { Connection, paginate } from '@cc/graphql';
import { OutboxWriter } from '@cc/queue';
import { RetailFactsService } from '../indicators/retail-facts.service';
import { Product } from '../product/product.entity';
import { RetailErrorCode, RetailException } from '../retail.exception';
import { countedSaleEvents } from '../sale/sale-events';
import { Sale } from '../sale/sale.entity';
import { ReviewSaleAnomalyInput, SaleAnomaliesArgs } from './dto/sale-anomaly.inputs';
import { SaleAnomalyAudience, saleAnomalyNotice } from './sale-anomaly-notice.job';
import { SaleAnomalyReasonValue, yuan } from './sale-anomaly-rules';
import { SaleAnomalyDecision, SaleAnomalyStatus } from './sale-anomaly-status.enum';
import { SaleAnomaly } from './sale-anomaly.entity';

/**
 * Held sales and their review: a sale that is possible but implausible is recorded with
 * `counted` false and an OPEN anomaly; an official of its city accepts it (its facts and events
 * are added then, in that transaction) or rejects it (it never counts and frees its units).
 */
@Injectable()
export class SaleAnomalyService {
  constructor(
    @InjectRepository(SaleAnomaly) private readonly anomalies: Repository<SaleAnomaly>,
    private readonly policy: AccessPolicy,
    private readonly outbox: OutboxWriter,
    private readonly facts: RetailFactsService,
  ) {}

  /** Holds a sale just inserted (not counted) in the caller's transaction; tells the officials. */
  async hold(
    manager: EntityManager,
    sale: Pick<Sale, 'id' | 'cityId' | 'outletId' | 'organizationId' | 'quantity' | 'unitPriceFen'>,
    reasons: SaleAnomalyReasonValue[],
  ): Promise<SaleAnomaly> {
    const anomaly = await manager.getRepository(SaleAnomaly).save(
      manager.getRepository(SaleAnomaly).create({
        saleId: sale.id,
        cityId: sale.cityId,
        outletId: sale.outletId,
        organizationId: sale.organizationId,
        reasons,
      }),
    );
    await this.outbox.addAll(manager, [
      saleAnomalyNotice({
        audience: SaleAnomalyAudience.CITY_OFFICIALS,
        ref: anomaly.id,
        cityId: sale.cityId,
        organizationId: sale.organizationId,
        title: 'A sale was held for your review',
        body: `${sale.quantity} × ${yuan(sale.unitPriceFen)}: ${reasons.map((r) => r.message).join('; ')}.`,
        payload: { saleAnomalyId: anomaly.id, saleId: sale.id },
      }),
    ]);
    return anomaly;
  }

  ofSale(saleId: string): Promise<SaleAnomaly | null> {
    return this.anomalies.findOneBy({ saleId });
  }

  /** The anomalies of the cities the viewer is an official for (or of one of them), oldest first. */
  list(
    viewer: Viewer,
    { status, cityId, ...page }: SaleAnomaliesArgs,
  ): Promise<Connection<SaleAnomaly>> {
    if (cityId) this.policy.assertOfficialFor(viewer, cityId);
    const cities = cityId
      ? [cityId]
      : [...new Set(viewer.officialScopes.map((scope) => scope.cityId))];
    const query = this.anomalies
      .createQueryBuilder('anomaly')
      .where('anomaly.city_id = ANY(:cities)', { cities });
    if (status) query.andWhere('anomaly.status = :status', { status });
    return paginate(query, page, {
      column: 'anomaly.created_at',
      direction: 'ASC',
      valueOf: (anomaly) => anomaly.createdAt.toISOString(),
    });
  }

  /**
   * An official of the sale's city decides, once. Accepting counts the sale: its facts and
   * the coupling, matching and incubation events commit with the decision.
   */
  async review(viewer: Viewer, input: ReviewSaleAnomalyInput): Promise<SaleAnomaly> {
    // Membership is read through the pool, so before the row lock: a pooled query under the lock
    // could wait forever behind concurrent reviews that hold the rest of the pool while they wait
    // for that lock. The seller of a sale never changes, so the unlocked read is as good.
    const seller = await this.anomalies.findOne({
      where: { id: input.anomalyId },
      select: { id: true, organizationId: true },
    });
    const reviewerWorksForSeller =
      seller !== null && (await this.policy.isOrganizationMember(viewer, seller.organizationId));
    return this.anomalies.manager.transaction(async (manager) => {
      const anomaly = await manager.getRepository(SaleAnomaly).findOne({
        where: { id: input.anomalyId },
        lock: { mode: 'pessimistic_write' },
      });
      if (!anomaly) {
        throw RetailException.notFound(
          RetailErrorCode.SALE_ANOMALY_NOT_FOUND,
          'SaleAnomaly',
          input.anomalyId,
        );
      }
      if (!viewer.isOfficialFor(anomaly.cityId)) {
        throw RetailException.forbidden(
          RetailErrorCode.NOT_CITY_OFFICIAL,
          `Only an official of city ${anomaly.cityId} may review this sale; ask an official of that city, or request that city's OFFICIAL grant with requestOfficialRole`,
          { cityId: anomaly.cityId },
        );
      }
      // An official who also works for the seller would be judging their own sale.
      if (reviewerWorksForSeller) {
        throw RetailException.forbidden(
          RetailErrorCode.OWN_SALE_REVIEW,
          `You are a member of the organization that recorded this sale, so you may not review it; another official of city ${anomaly.cityId} must`,
          { cityId: anomaly.cityId },
        );
      }
      if (anomaly.status !== SaleAnomalyStatus.OPEN) {
        throw RetailException.conflict(
          RetailErrorCode.SALE_ANOMALY_ALREADY_REVIEWED,
          `This sale was already ${anomaly.status.toLowerCase()} at ${anomaly.reviewedAt!.toISOString()}; a review is final, so there is nothing to do (list OPEN ones with saleAnomalies(status: OPEN))`,
          { status: anomaly.status, reviewedByUserId: anomaly.reviewedByUserId },
        );
      }
      const accepted = input.decision === SaleAnomalyDecision.ACCEPT;
      Object.assign(anomaly, {
        status: accepted ? SaleAnomalyStatus.ACCEPTED : SaleAnomalyStatus.REJECTED,
        reviewedByUserId: viewer.userId,
        reviewedAt: new Date(),
        note: input.note ?? '',
      });
      await manager.getRepository(SaleAnomaly).save(anomaly);
      const sale = await manager.getRepository(Sale).findOneByOrFail({ id: anomaly.saleId });
      if (accepted) await this.count(manager, sale);
      await this.outbox.addAll(manager, [
        saleAnomalyNotice({
          audience: SaleAnomalyAudience.ORGANIZATION,
          ref: anomaly.id,
          cityId: anomaly.cityId,
          organizationId: anomaly.organizationId,
          title: accepted ? 'Your held sale was accepted' : 'Your held sale was rejected',
          body:
            `Sale ${sale.externalId} (${sale.quantity} × ${yuan(sale.unitPriceFen)}) ` +
            (accepted ? 'now counts.' : 'will not count.') +
            (anomaly.note ? ` Note: ${anomaly.note}` : ''),
          payload: { saleAnomalyId: anomaly.id, saleId: sale.id },
        }),
      ]);
      return anomaly;
    });
  }

  private async count(manager: EntityManager, sale: Sale): Promise<void> {
    await manager.getRepository(Sale).update({ id: sale.id }, { counted: true });
    await this.facts.recordSale(manager, sale);
    const product = await manager.getRepository(Product).findOneByOrFail({ id: sale.productId });
    await this.outbox.addAll(manager, countedSaleEvents(sale, product, 'held sale accepted'));
  }
}
