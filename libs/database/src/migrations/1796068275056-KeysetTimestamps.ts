import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables whose entity extends `BaseEntity`, so their `created_at` is a keyset sort column. */
const BASE_ENTITY_TABLES = [
  'bid',
  'bid_revision',
  'city',
  'cultural_resource',
  'district',
  'manufacturer_capability',
  'official_grant',
  'official_statistic',
  'organization',
  'organization_invitation',
  'organization_member',
  'outlet',
  'placement',
  'product',
  'production_milestone',
  'production_order',
  'project',
  'refresh_token',
  'review',
  'role_request',
  'sale',
  'sales_import',
  'session',
  'talent_profile',
  'team',
  'team_member',
  'user_account',
  'worker_canary',
];

/** Timestamp columns that Relay pages sort on. */
const MILLISECOND_COLUMNS: ReadonlyArray<[table: string, column: string]> = [
  ...BASE_ENTITY_TABLES.map((table): [string, string] => [table, 'created_at']),
  ['project', 'bid_deadline'],
  ['project', 'published_at'],
  ['sale', 'sold_at'],
];

/**
 * Keyset cursors carry JavaScript dates (milliseconds). Storing the sort columns at millisecond
 * precision lets pages compare and order the bare column, so its `(column, id)` index serves
 * the page instead of a sort over `date_trunc(...)` of every matching row. Values the app
 * writes are already whole milliseconds; only `now()` defaults are rounded.
 */
export class KeysetTimestamps1796068275056 implements MigrationInterface {
  name = 'KeysetTimestamps1796068275056';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, column] of MILLISECOND_COLUMNS)
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE TIMESTAMP(3) WITH TIME ZONE`,
      );
    await queryRunner.query(
      `CREATE INDEX "IDX_project_created_id" ON "project" ("created_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_project_bid_deadline_id" ON "project" ("bid_deadline", "id")`,
    );
    // The bid indexes so far are partial (active / accepted): counting or loading a page of
    // projects' bids by project_id scanned the whole table.
    await queryRunner.query(`CREATE INDEX "IDX_bid_project" ON "bid" ("project_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_bid_project"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_project_bid_deadline_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_project_created_id"`);
    for (const [table, column] of MILLISECOND_COLUMNS)
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "${column}" TYPE TIMESTAMP WITH TIME ZONE`,
      );
  }
}
