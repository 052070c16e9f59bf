import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Panel runs (issue 10): every recompute is a `coupling_run`; snapshots and contributions belong
 * to one run, and `indicator_system_version.current_run_id` points at the run readers see (it
 * switches in the transaction that writes the run). A snapshot's `revision` is its run's
 * sequence number. Existing rows are grouped into runs: each published revision keeps its own
 * run, and the live rows of a version form its current run.
 */
export class CouplingRuns1796071200000 implements MigrationInterface {
  name = 'CouplingRuns1796071200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "coupling_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "system_version_id" uuid NOT NULL, "sequence" integer NOT NULL, "trigger" text NOT NULL, "status" text NOT NULL, "basis_hash" text, "inputs_hash" text, "sample_count" integer NOT NULL DEFAULT 0, "snapshot_count" integer NOT NULL DEFAULT 0, "skip_reason" jsonb, "started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_coupling_run" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_coupling_run_version_sequence" ON "coupling_run" ("system_version_id", "sequence")`,
    );
    await queryRunner.query(
      `ALTER TABLE "coupling_run" ADD CONSTRAINT "FK_coupling_run_version" FOREIGN KEY ("system_version_id") REFERENCES "indicator_system_version"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "indicator_system_version" ADD "current_run_id" uuid`);
    await queryRunner.query(`ALTER TABLE "coupling_snapshot" ADD "run_id" uuid`);
    await queryRunner.query(`ALTER TABLE "project_contribution" ADD "run_id" uuid`);

    // Backfill: a run per published revision, and one current run per version for its live rows.
    await queryRunner.query(
      `INSERT INTO "coupling_run" ("system_version_id", "sequence", "trigger", "status", "finished_at")
       SELECT DISTINCT "system_version_id", "revision", 'migration', 'COMPLETED', now()
         FROM "coupling_snapshot" WHERE "status" = 'PUBLISHED'`,
    );
    await queryRunner.query(
      `INSERT INTO "coupling_run" ("system_version_id", "sequence", "trigger", "status", "finished_at")
       SELECT "system_version_id", max("revision") + 1, 'migration', 'COMPLETED', now()
         FROM "coupling_snapshot" GROUP BY "system_version_id"
       HAVING bool_or("status" = 'LIVE')`,
    );
    await queryRunner.query(
      `UPDATE "coupling_snapshot" s SET "run_id" = r."id"
         FROM "coupling_run" r
        WHERE s."status" = 'PUBLISHED' AND r."system_version_id" = s."system_version_id" AND r."sequence" = s."revision"`,
    );
    await queryRunner.query(
      `UPDATE "coupling_snapshot" s SET "run_id" = r."id", "revision" = r."sequence"
         FROM (SELECT DISTINCT ON ("system_version_id") "id", "system_version_id", "sequence"
                 FROM "coupling_run" ORDER BY "system_version_id", "sequence" DESC) r
        WHERE s."status" = 'LIVE' AND r."system_version_id" = s."system_version_id"`,
    );
    await queryRunner.query(
      `UPDATE "indicator_system_version" v SET "current_run_id" = s."run_id"
         FROM (SELECT DISTINCT "system_version_id", "run_id" FROM "coupling_snapshot" WHERE "status" = 'LIVE') s
        WHERE s."system_version_id" = v."id"`,
    );
    await queryRunner.query(
      `UPDATE "coupling_run" r SET "snapshot_count" = (SELECT count(*) FROM "coupling_snapshot" s WHERE s."run_id" = r."id")`,
    );
    await queryRunner.query(
      `UPDATE "project_contribution" c SET "run_id" = s."run_id" FROM "coupling_snapshot" s WHERE s."id" = c."snapshot_id"`,
    );
    await queryRunner.query(`ALTER TABLE "coupling_snapshot" ALTER COLUMN "run_id" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "project_contribution" ALTER COLUMN "run_id" SET NOT NULL`,
    );

    await queryRunner.query(`DROP INDEX "public"."UQ_coupling_snapshot_live"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_99a9d576e6a38a6d0f97a48a30"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_coupling_snapshot_run_city_period" ON "coupling_snapshot" ("run_id", "city_id", "period")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_coupling_snapshot_key_status" ON "coupling_snapshot" ("city_id", "period", "system_version_id", "status")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_project_contribution_run" ON "project_contribution" ("run_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "coupling_snapshot" ADD CONSTRAINT "FK_coupling_snapshot_run" FOREIGN KEY ("run_id") REFERENCES "coupling_run"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "indicator_system_version" ADD CONSTRAINT "FK_indicator_system_version_current_run" FOREIGN KEY ("current_run_id") REFERENCES "coupling_run"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "indicator_system_version" DROP CONSTRAINT "FK_indicator_system_version_current_run"`,
    );
    await queryRunner.query(
      `ALTER TABLE "coupling_snapshot" DROP CONSTRAINT "FK_coupling_snapshot_run"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_project_contribution_run"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_coupling_snapshot_key_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_coupling_snapshot_run_city_period"`);
    // Only the current run's live rows and the published rows can go back to the old shape.
    await queryRunner.query(
      `DELETE FROM "coupling_snapshot" s USING "indicator_system_version" v
        WHERE v."id" = s."system_version_id" AND s."status" = 'LIVE'
          AND s."run_id" IS DISTINCT FROM v."current_run_id"`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_99a9d576e6a38a6d0f97a48a30" ON "coupling_snapshot"  ("city_id", "period", "system_version_id", "revision") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_coupling_snapshot_live" ON "coupling_snapshot"  ("city_id", "period", "system_version_id") WHERE "status" = 'LIVE'`,
    );
    await queryRunner.query(`ALTER TABLE "project_contribution" DROP COLUMN "run_id"`);
    await queryRunner.query(`ALTER TABLE "coupling_snapshot" DROP COLUMN "run_id"`);
    await queryRunner.query(`ALTER TABLE "indicator_system_version" DROP COLUMN "current_run_id"`);
    await queryRunner.query(`DROP TABLE "coupling_run"`);
  }
}
