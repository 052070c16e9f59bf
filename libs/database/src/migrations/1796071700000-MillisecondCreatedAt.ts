import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tables added alongside KeysetTimestamps whose entities extend `BaseEntity`. */
const TABLES = [
  'team_invitation',
  'incubation_program',
  'incubation_cohort',
  'incubation_application',
  'incubation_milestone',
  'incubation_milestone_completion',
  'incubation_kpi_metric',
  'incubation_kpi_report',
];

/**
 * `BaseEntity.created_at` is kept to the millisecond so keyset pages compare the bare column
 * (see KeysetTimestamps); these tables were created at the default precision. The
 * schema-consistency test fails when a table is missed.
 */
export class MillisecondCreatedAt1796071700000 implements MigrationInterface {
  name = 'MillisecondCreatedAt1796071700000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE`,
      );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of TABLES)
      await queryRunner.query(
        `ALTER TABLE "${table}" ALTER COLUMN "created_at" TYPE TIMESTAMP WITH TIME ZONE`,
      );
  }
}
