import { MigrationInterface, QueryRunner } from 'typeorm';

export class Reviews1795891332876 implements MigrationInterface {
  name = 'Reviews1795891332876';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."review_side" AS ENUM('PROJECT_OWNER', 'MANUFACTURER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "review" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "order_id" uuid NOT NULL, "side" "public"."review_side" NOT NULL, "reviewer_user_id" uuid NOT NULL, "quality" smallint NOT NULL, "on_time_delivery" smallint NOT NULL, "communication" smallint NOT NULL, "comment" text NOT NULL DEFAULT '', CONSTRAINT "CHK_ecb24d5cd729a2f66da0d254ca" CHECK ("quality" BETWEEN 1 AND 5 AND "on_time_delivery" BETWEEN 1 AND 5 AND "communication" BETWEEN 1 AND 5), CONSTRAINT "PK_2e4299a343a81574217255c00ca" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_d5482e68a125c02878f8eb1811" ON "review"  ("order_id", "side") `,
    );
    await queryRunner.query(
      `CREATE TABLE "manufacturer_record" ("organization_id" uuid NOT NULL, "review_count" integer NOT NULL DEFAULT '0', "score_sum" integer NOT NULL DEFAULT '0', "delivered_orders" integer NOT NULL DEFAULT '0', "on_time_orders" integer NOT NULL DEFAULT '0', "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_39664776945b52f99e6690e4633" PRIMARY KEY ("organization_id"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "manufacturer_record"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d5482e68a125c02878f8eb1811"`);
    await queryRunner.query(`DROP TABLE "review"`);
    await queryRunner.query(`DROP TYPE "public"."review_side"`);
  }
}
