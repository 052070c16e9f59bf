import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `sale (city_id, sold_at)` served the per-city aggregates that now read retail's facts; no query
 * filters or sorts sale by city any more (the nightly rebuild scans the whole table), so each
 * insert no longer pays for it.
 */
export class SaleDropCityIndex1796073300000 implements MigrationInterface {
  name = 'SaleDropCityIndex1796073300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_22fadf18509fb05a1ad55025e9"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_22fadf18509fb05a1ad55025e9" ON "sale" ("city_id", "sold_at")`,
    );
  }
}
