import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `retail_indicator_item` records that an item (brand × outlet pair, scene outlet, activated
 * resource) exists in a (city, month, project); no reader used its sales count. Without the
 * count a sale adds its items with `ON CONFLICT DO NOTHING`, which takes no lock on a row already
 * there: concurrent sales of one project and month no longer wait on the same row.
 */
export class RetailIndicatorItemPresence1796073800000 implements MigrationInterface {
  name = 'RetailIndicatorItemPresence1796073800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "retail_indicator_item" DROP COLUMN "sales"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The counts are gone; the nightly rebuild is what could restore them.
    await queryRunner.query(
      `ALTER TABLE "retail_indicator_item" ADD "sales" int NOT NULL DEFAULT 0`,
    );
    await queryRunner.query(`ALTER TABLE "retail_indicator_item" ALTER "sales" DROP DEFAULT`);
  }
}
