import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Facts the demo-city generator (`npm run seed`) planted on purpose — known good and bad
 * manufacturer and outlet fits, standout projects, a flagging district — for later tests and
 * evaluations to read by key. Empty unless the generator ran.
 */
export class SeedFixture1796068559299 implements MigrationInterface {
  name = 'SeedFixture1796068559299';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "seed_fixture" ("key" text NOT NULL, "value" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_seed_fixture" PRIMARY KEY ("key"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "seed_fixture"`);
  }
}
