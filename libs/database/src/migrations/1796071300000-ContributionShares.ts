import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two contributions (issue 10): `raw_parts` and the Δ columns are the true leave-one-out (a
 * distinct count drops only the project's own items); `shares` holds the additive attribution
 * (1/k of each shared item) with its ΔU and ΔD. Older rows had only the additive parts.
 */
export class ContributionShares1796071300000 implements MigrationInterface {
  name = 'ContributionShares1796071300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "project_contribution" ADD "shares" jsonb`);
    await queryRunner.query(
      `UPDATE "project_contribution" SET "shares" = jsonb_build_object('parts', "raw_parts", 'deltaU', "delta_u", 'deltaD', "delta_d")`,
    );
    await queryRunner.query(
      `ALTER TABLE "project_contribution" ALTER COLUMN "shares" SET NOT NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "project_contribution" DROP COLUMN "shares"`);
  }
}
