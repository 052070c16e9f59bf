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
      `SELECT pr.project_id, sum(s.quantity)::bigint AS units, sum(s.amount_fen)::bigint AS revenue
         FROM sale s JOIN product pr ON pr.id = s.product_id
        WHERE pr.project_id = ANY($1::uuid[]) AND s.counted
          AND ($2::timestamptz IS NULL OR s.sold_at >= $2) AND ($3::timestamptz IS NULL OR s.sold_at < $3)
        GROUP BY pr.project_id`,
      [[...projectIds], window.from ?? null, window.to ?? null],
    );
    return rows.map((row) => ({
      projectId: row.project_id,
      unitsSold: Number(row.units),
      revenueFen: Number(row.revenue),
    }));
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
