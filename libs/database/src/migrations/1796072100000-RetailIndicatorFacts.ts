import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retail's per-period facts behind its platform indicators, kept in the same transaction as each
 * sale (see `RetailFactsService`), so a recompute reads facts sized by placements × months
 * instead of aggregating the whole `sale` history. `month` is the first day of the sale's local
 * month at UTC+8 (quarters and years are unions of months).
 *
 * - `retail_sale_fact`: per placement and month, units, amount and count of sales, with the
 *   outlet's city, the product's city and its project (fixed by the placement).
 * - `retail_indicator_item`: the distinct items behind distinct counts (brand × outlet pairs,
 *   scene outlets, activated resources) per (indicator, city, month, item, project), so the 1/k
 *   shares and the leave-one-out `alone` are one GROUP BY over the period's items.
 */
export class RetailIndicatorFacts1796072100000 implements MigrationInterface {
  name = 'RetailIndicatorFacts1796072100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "retail_sale_fact" (
        "placement_id" uuid NOT NULL,
        "month" date NOT NULL,
        "city_id" uuid NOT NULL,
        "product_city_id" uuid NOT NULL,
        "project_id" uuid NOT NULL,
        "units" bigint NOT NULL,
        "amount_fen" bigint NOT NULL,
        "sales" int NOT NULL,
        CONSTRAINT "PK_retail_sale_fact" PRIMARY KEY ("placement_id", "month")
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_retail_sale_fact_city_month" ON "retail_sale_fact" ("city_id", "month")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_retail_sale_fact_product_city" ON "retail_sale_fact" ("product_city_id", "project_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "retail_indicator_item" (
        "indicator" text NOT NULL,
        "month" date NOT NULL,
        "city_id" uuid NOT NULL,
        "item_key" text NOT NULL,
        "project_id" uuid NOT NULL,
        "sales" int NOT NULL,
        CONSTRAINT "PK_retail_indicator_item"
          PRIMARY KEY ("indicator", "month", "city_id", "item_key", "project_id")
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "retail_indicator_item"`);
    await queryRunner.query(`DROP TABLE "retail_sale_fact"`);
  }
}
