import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sales that are possible but suspicious are recorded and held for an official's review:
 * - `sale.counted`: whether the sale counts in the city's metrics and settlement (false while
 *   held, and for good once rejected);
 * - `sale_anomaly`: one per held sale, with its reasons and the official's decision;
 * - `sales_import.held_rows`: the rows of an import that were held.
 */
export class SaleAnomaly1796073000000 implements MigrationInterface {
  name = 'SaleAnomaly1796073000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sale" ADD "counted" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(
      `ALTER TABLE "sales_import" ADD "held_rows" integer NOT NULL DEFAULT 0`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."sale_anomaly_status" AS ENUM('OPEN', 'ACCEPTED', 'REJECTED')`,
    );
    await queryRunner.query(`
      CREATE TABLE "sale_anomaly" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "sale_id" uuid NOT NULL,
        "city_id" uuid NOT NULL,
        "outlet_id" uuid NOT NULL,
        "organization_id" uuid NOT NULL,
        "reasons" jsonb NOT NULL,
        "status" "public"."sale_anomaly_status" NOT NULL DEFAULT 'OPEN',
        "reviewed_by_user_id" uuid,
        "reviewed_at" TIMESTAMP(3) WITH TIME ZONE,
        "note" text NOT NULL DEFAULT '',
        CONSTRAINT "CHK_sale_anomaly_reviewed" CHECK (("status" = 'OPEN') = ("reviewed_at" IS NULL)),
        CONSTRAINT "PK_sale_anomaly" PRIMARY KEY ("id"),
        CONSTRAINT "FK_sale_anomaly_sale" FOREIGN KEY ("sale_id") REFERENCES "sale"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_sale_anomaly_sale" ON "sale_anomaly" ("sale_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_sale_anomaly_city_status" ON "sale_anomaly" ("city_id", "status", "created_at", "id")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sale_anomaly"`);
    await queryRunner.query(`DROP TYPE "public"."sale_anomaly_status"`);
    await queryRunner.query(`ALTER TABLE "sales_import" DROP COLUMN "held_rows"`);
    await queryRunner.query(`ALTER TABLE "sale" DROP COLUMN "counted"`);
  }
}
