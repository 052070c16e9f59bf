import { MigrationInterface, QueryRunner } from 'typeorm';

/** A cancelled production order records why, when, by whom, at which stage and who bears what. */
export class OrderCancellation1796068285852 implements MigrationInterface {
  name = 'OrderCancellation1796068285852';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TYPE "public"."production_stage" ADD VALUE IF NOT EXISTS 'CANCELLED'`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."cancellation_settlement" AS ENUM('EACH_BEARS_OWN_COSTS', 'OWNERS_OWE_MANUFACTURER')`,
    );
    await queryRunner.query(`ALTER TABLE "production_order"
      ADD "cancelled_at" TIMESTAMP WITH TIME ZONE,
      ADD "cancelled_by_user_id" uuid,
      ADD "cancellation_reason" text,
      ADD "cancelled_at_stage" "public"."production_stage",
      ADD "cancellation_settlement" "public"."cancellation_settlement",
      ADD "cancellation_compensation_fen" integer NOT NULL DEFAULT 0,
      ADD "owed_to_manufacturer_fen" integer NOT NULL DEFAULT 0`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "production_order"
      DROP "owed_to_manufacturer_fen",
      DROP "cancellation_compensation_fen",
      DROP "cancellation_settlement",
      DROP "cancelled_at_stage",
      DROP "cancellation_reason",
      DROP "cancelled_by_user_id",
      DROP "cancelled_at"`);
    await queryRunner.query(`DROP TYPE "public"."cancellation_settlement"`);
    // PostgreSQL cannot drop an enum value; CANCELLED stays in production_stage.
  }
}
