import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Viewer } from '@cc/auth';
import { Connection, paginate } from '@cc/graphql';
import { OutboxWriter } from '@cc/queue';
import { RetailFactsService } from '../indicators/retail-facts.service';
import { Outlet } from '../outlet/outlet.entity';
import { OutletService } from '../outlet/outlet.service';
import { Placement } from '../placement/placement.entity';
import { ProductService } from '../product/product.service';
import { RetailAccess } from '../retail-access';
import { RetailErrorCode, RetailException } from '../retail.exception';
import { RecordSaleInput, SalesArgs } from './dto/sale.inputs';
import { RecordSaleResult } from './sale.connection';
import { Sale } from './sale.entity';
import { SalePlausibility, SqlRows } from './sale-plausibility';
import { overStock, overStockMessage } from './sale-stock';
import { countedSaleEvents } from './sale-events';
import { anomalyReasons, SaleAnomalyReasonValue } from '../sale-anomaly/sale-anomaly-rules';
import { SaleAnomalyService } from '../sale-anomaly/sale-anomaly.service';
import { SaleAnomalyStatus } from '../sale-anomaly/sale-anomaly-status.enum';

/** A sale may be dated this far past the server's clock (tills run a little fast). */
export const SOLD_AT_CLOCK_SKEW_MS = 5 * 60_000;

@Injectable()
export class SaleService {
  constructor(
    @InjectRepository(Sale) private readonly sales: Repository<Sale>,
    @InjectRepository(Placement) private readonly placements: Repository<Placement>,
    private readonly outlets: OutletService,
    private readonly products: ProductService,
    private readonly access: RetailAccess,
    private readonly outbox: OutboxWriter,
    private readonly plausibility: SalePlausibility,
    private readonly facts: RetailFactsService,
    private readonly anomalies: SaleAnomalyService,
  ) {}

  /**
   * Records one sale at the viewer's own outlet, for a product whose placement there was active
   * when it was sold. A possible but implausible sale is recorded and held (not counted) for an
   * official's review; an impossible one (over stock, over the hard cap) is refused. Idempotent by (outlet, externalId): the same sale sent again is returned as
   * `alreadyRecorded`; a different sale under a used externalId is a conflict.
   */
  async record(viewer: Viewer, input: RecordSaleInput): Promise<RecordSaleResult> {
    if (input.soldAt.getTime() > Date.now() + SOLD_AT_CLOCK_SKEW_MS) {
      throw RetailException.invalid(
        RetailErrorCode.INVALID_SALE,
        'soldAt',
        'soldAt is in the future',
      );
    }
    const overHardCap = this.plausibility.overHardCap(input.quantity, input.unitPrice);
    if (overHardCap) {
      throw RetailException.invalid(RetailErrorCode.INVALID_SALE, 'unitPrice', overHardCap);
    }
    const outlet = await this.outlets.get(input.outletId);
    await this.access.assertOutletMember(viewer, outlet);
    const product = await this.products.get(input.productId);
    const placement = await this.placementAt(outlet.id, product.id, input.soldAt);
    if (!placement) {
      throw RetailException.invalid(
        RetailErrorCode.NO_ACTIVE_PLACEMENT,
        'productId',
        `Product ${product.id} had no active placement at this outlet at ${input.soldAt.toISOString()}`,
      );
    }
    // The sale, its facts and its events commit together: a sale made while Redis is down is not lost.
    const recorded = await this.sales.manager.transaction(async (manager) => {
      await this.assertInStock(manager, outlet.id, product.id, input);
      const reasons = await this.anomalyReasons(manager, outlet.id, product, input);
      const counted = reasons.length === 0;
      const rows = await this.insert(
        manager,
        outlet,
        product.id,
        placement.id,
        viewer,
        input,
        counted,
      );
      if (!rows.length) return null;
      const sale = { id: rows[0].id, cityId: outlet.cityId, soldAt: input.soldAt };
      if (!counted) {
        const review = await this.anomalies.hold(
          manager,
          {
            ...sale,
            outletId: outlet.id,
            organizationId: outlet.organizationId,
            quantity: input.quantity,
            unitPriceFen: input.unitPrice,
          },
          reasons,
        );
        return { id: sale.id, review };
      }
      await this.facts.recordSale(manager, sale);
      await this.outbox.addAll(manager, countedSaleEvents(sale, product, 'sale recorded'));
      return { id: sale.id, review: null };
    });
    if (recorded) {
      return {
        sale: await this.sales.findOneByOrFail({ id: recorded.id }),
        alreadyRecorded: false,
        held: recorded.review !== null,
        review: recorded.review,
      };
    }
    const existing = await this.sales.findOneByOrFail({
      outletId: outlet.id,
      externalId: input.externalId,
    });
    const same =
      existing.productId === product.id &&
      existing.quantity === input.quantity &&
      existing.unitPriceFen === input.unitPrice &&
      existing.soldAt.getTime() === input.soldAt.getTime();
    if (!same) {
      throw RetailException.conflict(
        RetailErrorCode.EXTERNAL_ID_CONFLICT,
        `externalId ${input.externalId} was already used at this outlet for a different sale; give a new sale a new externalId (resending the same sale with the same values is safe)`,
        {
          existingSaleId: existing.id,
          fieldErrors: [{ field: 'externalId', message: 'already used for a different sale' }],
        },
      );
    }
    const review = await this.anomalies.ofSale(existing.id);
    return {
      sale: existing,
      alreadyRecorded: true,
      held: review?.status === SaleAnomalyStatus.OPEN,
      review,
    };
  }

  /** Why the sale looks implausible (empty when it counts at once); see `anomalyReasons`. */
  private async anomalyReasons(
    manager: EntityManager,
    outletId: string,
    product: { id: string; retailPriceFen: number },
    input: RecordSaleInput,
  ): Promise<SaleAnomalyReasonValue[]> {
    const sql: SqlRows = (text, params) => manager.query(text, params);
    const usual = await this.plausibility.usualQuantities(sql, outletId, [product.id]);
    return anomalyReasons(
      {
        quantity: input.quantity,
        unitPriceFen: input.unitPrice,
        listPriceFen: product.retailPriceFen,
        usual: usual.get(product.id.toLowerCase()) ?? null,
      },
      this.plausibility.thresholds,
    );
  }

  /**
   * Refuses a new sale its product has no units left for. A sale already recorded under this
   * externalId takes no stock: it is answered as a repeat (or an externalId conflict) instead.
   */
  private async assertInStock(
    manager: EntityManager,
    outletId: string,
    productId: string,
    input: RecordSaleInput,
  ): Promise<void> {
    const sql: SqlRows = (text, params) => manager.query(text, params);
    const room = await this.plausibility.lockStock(sql, [productId]);
    const [refusal] = overStock(
      [{ line: 1, productId, externalId: input.externalId, quantity: input.quantity }],
      room,
      new Set(),
    );
    if (!refusal) return;
    const recorded = await manager.query(
      'SELECT 1 FROM sale WHERE outlet_id = $1 AND external_id = $2',
      [outletId, input.externalId],
    );
    if (recorded.length) return;
    throw RetailException.invalid(
      RetailErrorCode.SALE_EXCEEDS_STOCK,
      'quantity',
      overStockMessage(refusal),
    );
  }

  private insert(
    manager: EntityManager,
    outlet: Outlet,
    productId: string,
    placementId: string,
    viewer: Viewer,
    input: RecordSaleInput,
    counted: boolean,
  ): Promise<{ id: string }[]> {
    return manager.query(
      `INSERT INTO sale (outlet_id, product_id, placement_id, organization_id, city_id, quantity,
                         unit_price_fen, amount_fen, sold_at, external_id, recorded_by_user_id, counted)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $11, $8, $9, $10, $12)
       ON CONFLICT (outlet_id, external_id) DO NOTHING
       RETURNING id`,
      [
        outlet.id,
        productId,
        placementId,
        outlet.organizationId,
        outlet.cityId,
        input.quantity,
        input.unitPrice,
        input.soldAt,
        input.externalId,
        viewer.userId,
        input.quantity * input.unitPrice,
        counted,
      ],
    );
  }

  /** The placement of the product at the outlet that was active at that instant, if any. */
  placementAt(outletId: string, productId: string, at: Date): Promise<Placement | null> {
    return this.placements
      .createQueryBuilder('placement')
      .where('placement.outlet_id = :outletId AND placement.product_id = :productId', {
        outletId,
        productId,
      })
      .andWhere('placement.activated_at IS NOT NULL AND placement.activated_at <= :at', { at })
      .andWhere('(placement.closed_at IS NULL OR placement.closed_at > :at)', { at })
      .orderBy('placement.activated_at', 'DESC')
      .getOne();
  }

  /** Sales of an outlet of the viewer's, or of a product the viewer makes; newest first. */
  async list(viewer: Viewer, { filter, ...page }: SalesArgs): Promise<Connection<Sale>> {
    if (!filter.outletId && !filter.productId) {
      throw RetailException.invalid(
        RetailErrorCode.NOT_OUTLET_MEMBER,
        'filter',
        'name an outletId of your organization or a productId you make',
      );
    }
    const query = this.sales.createQueryBuilder('sale');
    if (filter.outletId) {
      await this.access.assertOutletMember(viewer, await this.outlets.get(filter.outletId));
      query.andWhere('sale.outlet_id = :outletId', { outletId: filter.outletId });
    }
    if (filter.productId) {
      const product = await this.products.get(filter.productId);
      if (!filter.outletId) await this.access.assertMaker(viewer, product);
      query.andWhere('sale.product_id = :productId', { productId: filter.productId });
    }
    if (filter.from) query.andWhere('sale.sold_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('sale.sold_at < :to', { to: filter.to });
    return paginate(query, page, {
      column: 'sale.sold_at',
      direction: 'DESC',
      valueOf: (sale) => sale.soldAt.toISOString(),
    });
  }
}
