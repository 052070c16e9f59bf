import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

export interface ProjectSales {
  projectId: string;
  unitsSold: number;
  revenueFen: number;
}

export interface ProjectPlacements {
  projectId: string;
  /** Placements that became active in the window. */
  started: number;
}

/**
 * From the sale rows, not retail's facts: incubation's figures must hold for sales written around
 * the API (the demo seed's COPY) before a rebuild derives their facts. The milestone ticker asks
 * only while a team waits for its milestone, so a sale does not pay for this scan.
 */
const SALES_SQL = `SELECT pr.project_id, sum(s.quantity)::bigint AS units, sum(s.amount_fen)::bigint AS revenue
   FROM sale s JOIN product pr ON pr.id = s.product_id
  WHERE pr.project_id = ANY($1::uuid[]) AND s.counted
    AND ($2::timestamptz IS NULL OR s.sold_at >= $2) AND ($3::timestamptz IS NULL OR s.sold_at < $3)
  GROUP BY pr.project_id`;

/** The counted sale, in the order sold, with which a project's running units reach a total. */
const SALE_REACHING_SQL = `SELECT id, sold_at FROM (
    SELECT s.id, s.sold_at, sum(s.quantity) OVER (ORDER BY s.sold_at, s.id) AS running
      FROM sale s JOIN product pr ON pr.id = s.product_id
     WHERE pr.project_id = $1 AND s.counted
  ) AS sold
  WHERE running >= $2 ORDER BY sold_at, id LIMIT 1`;

/**
 * Retail's figures per project, for other domains (incubation's KPIs and portfolio) that must
 * not read retail's tables. Windows are half-open [from, to); omit them for all time.
 */
@Injectable()
export class ProjectSalesReader {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async salesOf(
    projectIds: readonly string[],
    window: { from?: Date; to?: Date } = {},
  ): Promise<ProjectSales[]> {
    if (!projectIds.length) return [];
    const rows: { project_id: string; units: string; revenue: string }[] = await this.db.query(
      SALES_SQL,
      [[...projectIds], window.from ?? null, window.to ?? null],
    );
    return rows.map((row) => ({
      projectId: row.project_id,
      unitsSold: Number(row.units),
      revenueFen: Number(row.revenue),
    }));
  }

  /**
   * The sale with which the project's units sold (in the order sold) reached `units`, or null
   * before they do. It reads the project's sale rows: ask once the all-time total has reached the
   * threshold, not on every sale.
   */
  async saleReaching(
    projectId: string,
    units: number,
  ): Promise<{ saleId: string; soldAt: Date } | null> {
    const [row]: { id: string; sold_at: Date }[] = await this.db.query(SALE_REACHING_SQL, [
      projectId,
      units,
    ]);
    return row ? { saleId: row.id, soldAt: new Date(row.sold_at) } : null;
  }

  async placementsStarted(
    projectIds: readonly string[],
    window: { from: Date; to: Date },
  ): Promise<ProjectPlacements[]> {
    if (!projectIds.length) return [];
    const rows: { project_id: string; started: number }[] = await this.db.query(
      `SELECT project_id, count(*)::int AS started FROM placement
        WHERE project_id = ANY($1::uuid[]) AND activated_at >= $2 AND activated_at < $3
        GROUP BY project_id`,
      [[...projectIds], window.from, window.to],
    );
    return rows.map((row) => ({ projectId: row.project_id, started: row.started }));
  }
}
