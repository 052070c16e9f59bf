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
}

/** Worker-safe (no GraphQL, no auth): the api and the worker both read deliveries through it. */
@Module({ providers: [DeliveredUnitsReader], exports: [DeliveredUnitsReader] })
export class DeliveredUnitsModule {}
