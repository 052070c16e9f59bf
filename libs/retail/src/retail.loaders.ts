import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { DataSource, In } from 'typeorm';
import { byKeys, groupByKeys, LoaderRegistry } from '@cc/graphql';
import { MarketplaceLoaders } from '@cc/marketplace';
import { Outlet } from './outlet/outlet.entity';
import { Placement } from './placement/placement.entity';
import { Product } from './product/product.entity';
import { SaleAnomaly } from './sale-anomaly/sale-anomaly.entity';
import { Sale } from './sale/sale.entity';
import { SalesImportError } from './sales-import/sales-import-error.entity';

/** Per-request batch loaders of the retail domain. */
@Injectable()
export class RetailLoaders {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly marketplace: MarketplaceLoaders,
  ) {}

  product(loaders: LoaderRegistry): DataLoader<string, Product | null> {
    return loaders.get('retail.productById', async (ids: readonly string[]) =>
      byKeys(ids, await this.db.getRepository(Product).findBy({ id: In([...ids]) }), (p) => p.id),
    );
  }

  outlet(loaders: LoaderRegistry): DataLoader<string, Outlet | null> {
    return loaders.get('retail.outletById', async (ids: readonly string[]) =>
      byKeys(ids, await this.db.getRepository(Outlet).findBy({ id: In([...ids]) }), (o) => o.id),
    );
  }

  placement(loaders: LoaderRegistry): DataLoader<string, Placement | null> {
    return loaders.get('retail.placementById', async (ids: readonly string[]) =>
      byKeys(ids, await this.db.getRepository(Placement).findBy({ id: In([...ids]) }), (p) => p.id),
    );
  }

  sale(loaders: LoaderRegistry): DataLoader<string, Sale | null> {
    return loaders.get('retail.saleById', async (ids: readonly string[]) =>
      byKeys(ids, await this.db.getRepository(Sale).findBy({ id: In([...ids]) }), (s) => s.id),
    );
  }

  /** The review of each sale (keys are sale ids); null for a sale that was never held. */
  saleReview(loaders: LoaderRegistry): DataLoader<string, SaleAnomaly | null> {
    return loaders.get('retail.saleReviewBySale', async (ids: readonly string[]) =>
      byKeys(
        ids,
        await this.db.getRepository(SaleAnomaly).findBy({ saleId: In([...ids]) }),
        (anomaly) => anomaly.saleId,
      ),
    );
  }

  /** Units delivered by each project's production order (keys are project ids); 0 without one. */
  unitsDelivered(loaders: LoaderRegistry): DataLoader<string, number> {
    return loaders.get('retail.unitsDeliveredByProject', async (projectIds: readonly string[]) =>
      (await this.marketplace.orderOfProject(loaders).loadMany(projectIds)).map((order) =>
        order && !(order instanceof Error) ? order.quantityDelivered : 0,
      ),
    );
  }

  /** Units sold of each product, at every outlet. */
  unitsSoldOfProduct(loaders: LoaderRegistry): DataLoader<string, number> {
    return loaders.get('retail.unitsSoldByProduct', (ids: readonly string[]) =>
      this.sumBy('product_id', ids),
    );
  }

  /** Units sold at each outlet, of every product. */
  unitsSoldAtOutlet(loaders: LoaderRegistry): DataLoader<string, number> {
    return loaders.get('retail.unitsSoldByOutlet', (ids: readonly string[]) =>
      this.sumBy('outlet_id', ids),
    );
  }

  /** Each outlet's products ever placed there and accepted (active or ended), by project. */
  placedProjectsOfOutlet(loaders: LoaderRegistry): DataLoader<string, string[]> {
    return loaders.get('retail.placedProjectsByOutlet', async (ids: readonly string[]) => {
      const rows: { outlet_id: string; project_id: string }[] = await this.db.query(
        `SELECT DISTINCT outlet_id, project_id FROM placement
          WHERE outlet_id = ANY($1::uuid[]) AND activated_at IS NOT NULL`,
        [[...ids]],
      );
      const groups = new Map<string, string[]>(ids.map((id) => [id, []]));
      for (const row of rows) groups.get(row.outlet_id)?.push(row.project_id);
      return ids.map((id) => groups.get(id) ?? []);
    });
  }

  /** Units and amount sold under each placement. */
  salesOfPlacement(
    loaders: LoaderRegistry,
  ): DataLoader<string, { units: number; amountFen: number }> {
    return loaders.get('retail.salesByPlacement', async (ids: readonly string[]) => {
      const rows: { key: string; units: string; amount: string }[] = await this.db.query(
        `SELECT placement_id AS key, SUM(quantity)::bigint AS units, SUM(amount_fen)::bigint AS amount
           FROM sale WHERE placement_id = ANY($1::uuid[]) AND counted GROUP BY placement_id`,
        [[...ids]],
      );
      const totals = new Map(
        rows.map((row) => [row.key, { units: Number(row.units), amountFen: Number(row.amount) }]),
      );
      return ids.map((id) => totals.get(id) ?? { units: 0, amountFen: 0 });
    });
  }

  /**
   * A page of each import's bad rows (keys are import ids): the `first` after `afterLine`, by
   * line. One loader per page shape, so imports asking for the same page share one statement.
   */
  importErrors(
    loaders: LoaderRegistry,
    page: { first: number; afterLine: number },
  ): DataLoader<string, SalesImportError[]> {
    const { first, afterLine } = page;
    return loaders.get(
      `retail.importErrors:${first}:${afterLine}`,
      async (ids: readonly string[]) => {
        const rows: SalesImportError[] = await this.db.query(
          `SELECT e.import_id AS "importId", e.seq, e.line, e.field, e.reason
             FROM unnest($1::uuid[]) AS i(id)
            CROSS JOIN LATERAL (
              SELECT * FROM sales_import_error
               WHERE import_id = i.id AND line > $2 ORDER BY line, seq LIMIT $3
            ) e
            ORDER BY e.import_id, e.line, e.seq`,
          [[...ids], afterLine, first],
        );
        return groupByKeys(ids, rows, (row) => row.importId);
      },
    );
  }

  private async sumBy(
    column: 'product_id' | 'outlet_id',
    ids: readonly string[],
  ): Promise<number[]> {
    const rows: { key: string; units: string }[] = await this.db.query(
      `SELECT ${column} AS key, SUM(quantity)::bigint AS units FROM sale
        WHERE ${column} = ANY($1::uuid[]) AND counted GROUP BY ${column}`,
      [[...ids]],
    );
    const units = new Map(rows.map((row) => [row.key, Number(row.units)]));
    return ids.map((id) => units.get(id) ?? 0);
  }
}
