import { Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RunQuery } from '@cc/database';

/**
 * Units each project's production order has delivered, for other domains (retail's stock check
 * on sales). The caller passes its own connection: a caller holding a transaction must not wait
 * for a second pooled connection (concurrent sales would exhaust the pool and deadlock).
 */
@Injectable()
export class DeliveredUnitsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byProject(
    projectIds: readonly string[],
    run: RunQuery = (sql, params) => this.dataSource.query(sql, params),
  ): Promise<Map<string, number>> {
    if (!projectIds.length) return new Map();
    const rows = (await run(
      `SELECT project_id::text AS "projectId", quantity_delivered::int AS delivered
         FROM production_order WHERE project_id = ANY($1::uuid[])`,
      [projectIds],
    )) as { projectId: string; delivered: number }[];
    return new Map(rows.map((row) => [row.projectId, row.delivered]));
  }

  /**
   * Each project's delivery, for retail's sell-through: units delivered so far and since when
   * (a delivery recorded before `delivered_at` existed counts from the order's last update).
   * Projects with nothing delivered are absent.
   */
  async deliveriesOf(projectIds: readonly string[]): Promise<Map<string, ProjectDelivery>> {
    if (!projectIds.length) return new Map();
    const rows = (await this.dataSource.query(
      `SELECT project_id::text AS "projectId", quantity_delivered::int AS delivered,
              coalesce(delivered_at, updated_at) AS "deliveredAt"
         FROM production_order
        WHERE project_id = ANY($1::uuid[]) AND quantity_delivered > 0`,
      [projectIds],
    )) as ({ projectId: string } & ProjectDelivery)[];
    return new Map(rows.map(({ projectId, ...delivery }) => [projectId, delivery]));
  }
}

export interface ProjectDelivery {
  delivered: number;
  deliveredAt: Date;
}

/** Worker-safe (no GraphQL, no auth): the api and the worker both read deliveries through it. */
@Module({ providers: [DeliveredUnitsReader], exports: [DeliveredUnitsReader] })
export class DeliveredUnitsModule {}
