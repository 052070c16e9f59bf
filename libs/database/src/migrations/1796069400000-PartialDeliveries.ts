import { MigrationInterface, QueryRunner } from 'typeorm';

/** Deliveries are counted against the order: partial deliveries, agreed over-delivery. */
export class PartialDeliveries1796069400000 implements MigrationInterface {
  name = 'PartialDeliveries1796069400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TYPE "public"."production_stage" ADD VALUE IF NOT EXISTS 'PARTIALLY_DELIVERED' BEFORE 'DELIVERED'`,
    );
    await queryRunner.query(
      `ALTER TABLE "production_order" ADD "over_delivery_agreed_units" integer NOT NULL DEFAULT 0`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "production_order" DROP "over_delivery_agreed_units"`);
    // PostgreSQL cannot drop an enum value; PARTIALLY_DELIVERED stays in production_stage.
  }
}
