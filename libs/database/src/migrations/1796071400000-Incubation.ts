import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incubation: programs, cohorts, applications, milestones and KPI reports (libs/incubation).
 * Written by hand. Seats are counted on the cohort row (`admitted_count`, checked against
 * `capacity`), so an admission takes a seat with one conditional UPDATE.
 */
export class Incubation1796071400000 implements MigrationInterface {
  name = 'Incubation1796071400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const ts = `"id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`;
    await queryRunner.query(`CREATE TYPE "public"."kpi_cadence" AS ENUM('MONTH', 'QUARTER')`);
    await queryRunner.query(
      `CREATE TYPE "public"."incubation_application_state" AS ENUM('SUBMITTED', 'ADMITTED', 'REJECTED', 'WITHDRAWN', 'GRADUATED')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."incubation_milestone_kind" AS ENUM('PROTOTYPE', 'FIRST_PRODUCTION_ORDER', 'FIRST_PLACEMENT', 'FIRST_1000_UNITS_SOLD', 'CUSTOM')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."milestone_completion_source" AS ENUM('MANUAL', 'PLATFORM_EVENT')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."kpi_metric_kind" AS ENUM('REVENUE', 'UNITS_SOLD', 'PRODUCTION_ORDERS', 'PLACEMENTS', 'JOBS_CREATED', 'EXTERNAL_FUNDING', 'CUSTOM')`,
    );
    await queryRunner.query(
      `CREATE TABLE "incubation_program" (${ts}, "organization_id" uuid NOT NULL, "city_id" uuid NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "created_by_user_id" uuid NOT NULL,
        CONSTRAINT "PK_incubation_program" PRIMARY KEY ("id"),
        CONSTRAINT "FK_incubation_program_organization" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_incubation_program_name" ON "incubation_program" ("organization_id", lower("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "incubation_cohort" (${ts}, "program_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "city_id" uuid NOT NULL, "name" text NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "capacity" integer NOT NULL, "admitted_count" integer NOT NULL DEFAULT 0, "focus_disciplines" "public"."discipline" array NOT NULL DEFAULT '{}', "focus_resource_kinds" "public"."cultural_resource_kind" array NOT NULL DEFAULT '{}', "kpi_cadence" "public"."kpi_cadence" NOT NULL DEFAULT 'QUARTER',
        CONSTRAINT "PK_incubation_cohort" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_incubation_cohort_dates" CHECK ("starts_on" < "ends_on"),
        CONSTRAINT "CHK_incubation_cohort_seats" CHECK ("capacity" > 0 AND "admitted_count" BETWEEN 0 AND "capacity"),
        CONSTRAINT "FK_incubation_cohort_program" FOREIGN KEY ("program_id") REFERENCES "incubation_program"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_incubation_cohort_program" ON "incubation_cohort" ("program_id", "starts_on")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_incubation_cohort_organization" ON "incubation_cohort" ("organization_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "incubation_application" (${ts}, "cohort_id" uuid NOT NULL, "team_id" uuid, "applicant_user_id" uuid NOT NULL, "project_ids" uuid array NOT NULL DEFAULT '{}', "pitch" text NOT NULL, "state" "public"."incubation_application_state" NOT NULL DEFAULT 'SUBMITTED', "decision_note" text, "decided_by_user_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "admitted_at" TIMESTAMP WITH TIME ZONE, "ended_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_incubation_application" PRIMARY KEY ("id"),
        CONSTRAINT "FK_incubation_application_cohort" FOREIGN KEY ("cohort_id") REFERENCES "incubation_cohort"("id") ON DELETE CASCADE)`,
    );
    // One live application per applicant (the team, or the talent applying alone) and cohort.
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_incubation_application_live" ON "incubation_application" ("cohort_id", (coalesce("team_id", "applicant_user_id"))) WHERE "state" IN ('SUBMITTED', 'ADMITTED', 'GRADUATED')`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_incubation_application_cohort" ON "incubation_application" ("cohort_id", "state")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_incubation_application_projects" ON "incubation_application" USING GIN ("project_ids")`,
    );
    await queryRunner.query(
      `CREATE TABLE "incubation_milestone" (${ts}, "cohort_id" uuid NOT NULL, "kind" "public"."incubation_milestone_kind" NOT NULL, "title" text NOT NULL, "due_on" date, "created_by_user_id" uuid NOT NULL,
        CONSTRAINT "PK_incubation_milestone" PRIMARY KEY ("id"),
        CONSTRAINT "FK_incubation_milestone_cohort" FOREIGN KEY ("cohort_id") REFERENCES "incubation_cohort"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_incubation_milestone_kind" ON "incubation_milestone" ("cohort_id", "kind") WHERE "kind" <> 'CUSTOM'`,
    );
    await queryRunner.query(
      `CREATE TABLE "incubation_milestone_completion" (${ts}, "milestone_id" uuid NOT NULL, "application_id" uuid NOT NULL, "completed_at" TIMESTAMP WITH TIME ZONE NOT NULL, "evidence" text NOT NULL, "source" "public"."milestone_completion_source" NOT NULL, "event_kind" text, "event_ref" text, "project_id" uuid, "marked_by_user_id" uuid,
        CONSTRAINT "PK_incubation_milestone_completion" PRIMARY KEY ("id"),
        CONSTRAINT "FK_incubation_milestone_completion_milestone" FOREIGN KEY ("milestone_id") REFERENCES "incubation_milestone"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_incubation_milestone_completion_application" FOREIGN KEY ("application_id") REFERENCES "incubation_application"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_incubation_milestone_completion" ON "incubation_milestone_completion" ("milestone_id", "application_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "incubation_kpi_metric" (${ts}, "cohort_id" uuid NOT NULL, "kind" "public"."kpi_metric_kind" NOT NULL, "name" text NOT NULL, "unit" text NOT NULL,
        CONSTRAINT "PK_incubation_kpi_metric" PRIMARY KEY ("id"),
        CONSTRAINT "FK_incubation_kpi_metric_cohort" FOREIGN KEY ("cohort_id") REFERENCES "incubation_cohort"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_incubation_kpi_metric_kind" ON "incubation_kpi_metric" ("cohort_id", "kind") WHERE "kind" <> 'CUSTOM'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_incubation_kpi_metric_name" ON "incubation_kpi_metric" ("cohort_id", lower("name"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "incubation_kpi_report" (${ts}, "application_id" uuid NOT NULL, "period" text NOT NULL, "submitted_by_user_id" uuid NOT NULL, "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_incubation_kpi_report" PRIMARY KEY ("id"),
        CONSTRAINT "FK_incubation_kpi_report_application" FOREIGN KEY ("application_id") REFERENCES "incubation_application"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_incubation_kpi_report_period" ON "incubation_kpi_report" ("application_id", "period")`,
    );
    await queryRunner.query(
      `CREATE TABLE "incubation_kpi_value" ("report_id" uuid NOT NULL, "metric_id" uuid NOT NULL, "value" double precision NOT NULL, "platform_derived" boolean NOT NULL,
        CONSTRAINT "PK_incubation_kpi_value" PRIMARY KEY ("report_id", "metric_id"),
        CONSTRAINT "FK_incubation_kpi_value_report" FOREIGN KEY ("report_id") REFERENCES "incubation_kpi_report"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_incubation_kpi_value_metric" FOREIGN KEY ("metric_id") REFERENCES "incubation_kpi_metric"("id") ON DELETE CASCADE)`,
    );
    await queryRunner.query(
      `CREATE TABLE "incubation_kpi_reminder" ("application_id" uuid NOT NULL, "period" text NOT NULL, "notified_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_incubation_kpi_reminder" PRIMARY KEY ("application_id", "period"),
        CONSTRAINT "FK_incubation_kpi_reminder_application" FOREIGN KEY ("application_id") REFERENCES "incubation_application"("id") ON DELETE CASCADE)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'incubation_kpi_reminder',
      'incubation_kpi_value',
      'incubation_kpi_report',
      'incubation_kpi_metric',
      'incubation_milestone_completion',
      'incubation_milestone',
      'incubation_application',
      'incubation_cohort',
      'incubation_program',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    for (const type of [
      'kpi_metric_kind',
      'milestone_completion_source',
      'incubation_milestone_kind',
      'incubation_application_state',
      'kpi_cadence',
    ]) {
      await queryRunner.query(`DROP TYPE "public"."${type}"`);
    }
  }
}
