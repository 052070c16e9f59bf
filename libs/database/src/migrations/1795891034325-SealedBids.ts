import { MigrationInterface, QueryRunner } from 'typeorm';

export class SealedBids1795891034325 implements MigrationInterface {
  name = 'SealedBids1795891034325';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "bid_revision" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "bid_id" uuid NOT NULL, "revision" integer NOT NULL, "price_tiers" jsonb NOT NULL, "moq" integer NOT NULL, "lead_time_days" integer NOT NULL, "sample_cost_fen" integer NOT NULL, "note" text NOT NULL DEFAULT '', CONSTRAINT "PK_cc42466a90fab305f995ba6c092" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_5d51bda7dd2df5d0087263a070" ON "bid_revision"  ("bid_id", "revision") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."bid_state" AS ENUM('SUBMITTED', 'REVISED', 'WITHDRAWN', 'ACCEPTED', 'REJECTED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "bid" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "project_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "submitted_by_user_id" uuid NOT NULL, "state" "public"."bid_state" NOT NULL DEFAULT 'SUBMITTED', "price_tiers" jsonb NOT NULL, "moq" integer NOT NULL, "lead_time_days" integer NOT NULL, "sample_cost_fen" integer NOT NULL, "note" text NOT NULL DEFAULT '', "revision" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_ed405dda320051aca2dcb1a50bb" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_bid_one_active_per_organization" ON "bid"  ("project_id", "organization_id") WHERE "state" IN ('SUBMITTED', 'REVISED')`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_bid_one_accepted_per_project" ON "bid"  ("project_id") WHERE "state" = 'ACCEPTED'`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."production_stage" AS ENUM('AWAITING_SAMPLE', 'SAMPLE_SUBMITTED', 'SAMPLE_APPROVED', 'MASS_PRODUCTION', 'DELIVERED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "production_milestone" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "order_id" uuid NOT NULL, "stage" "public"."production_stage" NOT NULL, "by_user_id" uuid NOT NULL, "quantity" integer, CONSTRAINT "PK_5a80b661a6af529b6f682e3c5c1" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_78928bace1f32ea12d985d59d5" ON "production_milestone"  ("order_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "production_order" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "project_id" uuid NOT NULL, "bid_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "quantity_ordered" integer NOT NULL, "unit_price_fen" integer NOT NULL, "stage" "public"."production_stage" NOT NULL DEFAULT 'AWAITING_SAMPLE', "quantity_delivered" integer NOT NULL DEFAULT '0', "due_at" TIMESTAMP WITH TIME ZONE NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_e90e1070bf38dd156947f1322b7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_c1ed670635dd406608b486a33d" ON "production_order"  ("project_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_723639862c0079ab0a52a8bd5a" ON "production_order"  ("bid_id") `,
    );
    // Processes use the manufacturers' vocabulary, so projects and capabilities match exactly.
    await queryRunner.query(`ALTER TABLE "project" ALTER COLUMN "processes" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "project" ALTER COLUMN "processes" TYPE "public"."manufacturing_process"[] USING upper(replace(replace("processes"::text, ' ', '_'), '-', '_'))::"public"."manufacturing_process"[]`,
    );
    await queryRunner.query(`ALTER TABLE "project" ALTER COLUMN "processes" SET DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "project" ALTER COLUMN "processes" DROP DEFAULT`);
    await queryRunner.query(
      `ALTER TABLE "project" ALTER COLUMN "processes" TYPE text[] USING "processes"::text[]`,
    );
    await queryRunner.query(`ALTER TABLE "project" ALTER COLUMN "processes" SET DEFAULT '{}'`);
    await queryRunner.query(`DROP INDEX "public"."IDX_723639862c0079ab0a52a8bd5a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c1ed670635dd406608b486a33d"`);
    await queryRunner.query(`DROP TABLE "production_order"`);
    await queryRunner.query(`DROP TYPE "public"."production_stage"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_78928bace1f32ea12d985d59d5"`);
    await queryRunner.query(`DROP TABLE "production_milestone"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_bid_one_accepted_per_project"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_bid_one_active_per_organization"`);
    await queryRunner.query(`DROP TABLE "bid"`);
    await queryRunner.query(`DROP TYPE "public"."bid_state"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5d51bda7dd2df5d0087263a070"`);
    await queryRunner.query(`DROP TABLE "bid_revision"`);
  }
}
