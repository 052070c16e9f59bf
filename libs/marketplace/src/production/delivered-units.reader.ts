import { Injectable, Module } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/**
 * Units each project's production order has delivered, for other domains (retail's stock check
 * on sales). Deliveries only grow, so a reader outside the caller's transaction can only
 * under-count for a moment, never let a sale through that the stock cannot cover.
 */
@Injectable()
export class DeliveredUnitsReader {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async byProject(projectIds: readonly string[]): Promise<Map<string, number>> {
    if (!projectIds.length) return new Map();
    const rows: { projectId: string; delivered: number }[] = await this.dataSource.query(
      `SELECT project_id::text AS "projectId", quantity_delivered::int AS delivered
         FROM production_order WHERE project_id = ANY($1::uuid[])`,
      [projectIds],
    );
    return new Map(rows.map((row) => [row.projectId, row.delivered]));
  }
}

/** Worker-safe (no GraphQL, no auth): the api and the worker both read deliveries through it. */
@Module({ providers: [DeliveredUnitsReader], exports: [DeliveredUnitsReader] })
export class DeliveredUnitsModule {}
