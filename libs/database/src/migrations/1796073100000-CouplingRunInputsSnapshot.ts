import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which writes a run read: the database snapshot (`pg_current_snapshot()`) taken before it read
 * its inputs. A write is reflected by a run when `pg_visible_in_snapshot(its xid, the run's
 * snapshot)`; the freshness benchmark measures sale → live snapshot with it.
 */
export class CouplingRunInputsSnapshot1796073100000 implements MigrationInterface {
  name = 'CouplingRunInputsSnapshot1796073100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coupling_run" ADD "inputs_snapshot" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "coupling_run" DROP COLUMN "inputs_snapshot"`);
  }
}
