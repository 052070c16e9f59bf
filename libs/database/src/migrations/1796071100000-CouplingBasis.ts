import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A stored basis per indicator-system version (issue 10): how it is made (`basis_spec`) and,
 * once fixed, the goalposts and weights (`basis`). The seeded default system (version 1) derives
 * its basis from the first computable panel with 25 % headroom, then keeps it. Snapshots record
 * the basis they were computed on; rows computed before this migration were panel-derived.
 */
export class CouplingBasis1796071100000 implements MigrationInterface {
  name = 'CouplingBasis1796071100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "indicator_system_version" ADD "basis_spec" jsonb NOT NULL DEFAULT '{"origin":"BASELINE","baselinePeriods":null,"headroom":0}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_system_version" ALTER COLUMN "basis_spec" DROP DEFAULT`,
    );
    await queryRunner.query(`ALTER TABLE "indicator_system_version" ADD "basis" jsonb`);
    await queryRunner.query(
      `UPDATE "indicator_system_version" SET "basis_spec" = '{"origin":"BASELINE","baselinePeriods":null,"headroom":0.25}' WHERE "version" = 1`,
    );
    await queryRunner.query(
      `ALTER TABLE "coupling_snapshot" ADD "basis" jsonb NOT NULL DEFAULT '{"origin":"PANEL","baselinePeriods":[],"headroom":null,"fixedAt":null,"hash":""}'`,
    );
    await queryRunner.query(`ALTER TABLE "coupling_snapshot" ALTER COLUMN "basis" DROP DEFAULT`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coupling_snapshot" DROP COLUMN "basis"`);
    await queryRunner.query(`ALTER TABLE "indicator_system_version" DROP COLUMN "basis"`);
    await queryRunner.query(`ALTER TABLE "indicator_system_version" DROP COLUMN "basis_spec"`);
  }
}
