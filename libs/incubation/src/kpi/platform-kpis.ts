import { Injectable } from '@nestjs/common';
import { ProductionService } from '@cc/marketplace';
import { ProjectSalesReader } from '@cc/retail';
import { KpiMetricKind } from './kpi-metric-kind.enum';

export interface Window {
  from: Date;
  to: Date;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * The KPIs the platform already knows, for a team's projects in a window: asked of the
 * marketplace and retail through their exported readers (collect once: founders never type them).
 */
@Injectable()
export class PlatformKpis {
  constructor(
    private readonly sales: ProjectSalesReader,
    private readonly production: ProductionService,
  ) {}

  async values(
    projectIds: readonly string[],
    window: Window,
    kinds: ReadonlySet<KpiMetricKind>,
  ): Promise<Map<KpiMetricKind, number>> {
    const values = new Map<KpiMetricKind, number>();
    if (kinds.has(KpiMetricKind.REVENUE) || kinds.has(KpiMetricKind.UNITS_SOLD)) {
      const sales = await this.sales.salesOf(projectIds, window);
      // Fen to yuan, exact to the fen.
      values.set(KpiMetricKind.REVENUE, sum(sales.map((s) => s.revenueFen)) / 100);
      values.set(KpiMetricKind.UNITS_SOLD, sum(sales.map((s) => s.unitsSold)));
    }
    if (kinds.has(KpiMetricKind.PRODUCTION_ORDERS)) {
      const orders = await this.production.ordersOfProjects(projectIds);
      values.set(
        KpiMetricKind.PRODUCTION_ORDERS,
        orders.filter((o) => o.createdAt >= window.from && o.createdAt < window.to).length,
      );
    }
    if (kinds.has(KpiMetricKind.PLACEMENTS)) {
      const placements = await this.sales.placementsStarted(projectIds, window);
      values.set(KpiMetricKind.PLACEMENTS, sum(placements.map((p) => p.started)));
    }
    return values;
  }
}
