import { MigrationInterface, QueryRunner } from 'typeorm';

/** Talents are listed in the directory unless they hide themselves. */
export class TalentDirectory1796070600000 implements MigrationInterface {
  name = 'TalentDirectory1796070600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "talent_profile" ADD "listed_in_directory" boolean NOT NULL DEFAULT true`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "talent_profile" DROP "listed_in_directory"`);
  }
}
