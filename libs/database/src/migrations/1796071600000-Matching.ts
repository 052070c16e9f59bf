import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching's own tables: a copy of what each side needs for scoring (`profile`, JSON, as the
 * scorer reads it) with the columns candidate generation filters on (GIN-indexed arrays), and
 * the precomputed scores the API serves.
 */
export class Matching1796071600000 implements MigrationInterface {
  name = 'Matching1796071600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "match_project" (
        "id" uuid PRIMARY KEY,
        "city_id" uuid NOT NULL,
        "open" boolean NOT NULL,
        "owner_user_id" uuid NOT NULL,
        "owner_team_id" uuid,
        "processes" text[] NOT NULL DEFAULT '{}',
        "materials" text[] NOT NULL DEFAULT '{}',
        "profile" jsonb NOT NULL,
        "refreshed_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_match_project_processes" ON "match_project" USING gin ("processes") WHERE "open"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_match_project_materials" ON "match_project" USING gin ("materials") WHERE "open"`,
    );
    await queryRunner.query(`
      CREATE TABLE "match_manufacturer" (
        "organization_id" uuid PRIMARY KEY,
        "city_id" uuid NOT NULL,
        "processes" text[] NOT NULL DEFAULT '{}',
        "materials" text[] NOT NULL DEFAULT '{}',
        "profile" jsonb NOT NULL,
        "refreshed_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_match_manufacturer_processes" ON "match_manufacturer" USING gin ("processes")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_match_manufacturer_materials" ON "match_manufacturer" USING gin ("materials")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_match_manufacturer_city" ON "match_manufacturer" ("city_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "match_outlet" (
        "id" uuid PRIMARY KEY,
        "organization_id" uuid NOT NULL,
        "city_id" uuid NOT NULL,
        "type" text NOT NULL,
        "themes" text[] NOT NULL DEFAULT '{}',
        "profile" jsonb NOT NULL,
        "refreshed_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_match_outlet_themes" ON "match_outlet" USING gin ("themes")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_match_outlet_city_type" ON "match_outlet" ("city_id", "type")`,
    );
    await queryRunner.query(`
      CREATE TABLE "match_product" (
        "id" uuid PRIMARY KEY,
        "city_id" uuid NOT NULL,
        "owner_user_id" uuid NOT NULL,
        "owner_team_id" uuid,
        "themes" text[] NOT NULL DEFAULT '{}',
        "profile" jsonb NOT NULL,
        "refreshed_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_match_product_themes" ON "match_product" USING gin ("themes")`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_match_product_city" ON "match_product" ("city_id")`);
    await queryRunner.query(`
      CREATE TABLE "match_talent" (
        "user_id" uuid PRIMARY KEY,
        "disciplines" text[] NOT NULL DEFAULT '{}',
        "team_ids" uuid[] NOT NULL DEFAULT '{}',
        "profile" jsonb NOT NULL,
        "refreshed_at" timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_match_talent_disciplines" ON "match_talent" USING gin ("disciplines")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_match_talent_teams" ON "match_talent" USING gin ("team_ids")`,
    );
    await queryRunner.query(`
      CREATE TABLE "match_score" (
        "kind" text NOT NULL,
        "subject_id" uuid NOT NULL,
        "candidate_id" uuid NOT NULL,
        "score" double precision NOT NULL,
        "excluded" boolean NOT NULL,
        "components" jsonb NOT NULL,
        "reasons" jsonb NOT NULL,
        "computed_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("kind", "subject_id", "candidate_id")
      )`);
    // Keyset pages best first, from either side (a project's makers; a maker's projects).
    await queryRunner.query(
      `CREATE INDEX "IDX_match_score_subject_rank" ON "match_score" ("kind", "subject_id", "score" DESC, "candidate_id") WHERE NOT "excluded"`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_match_score_candidate_rank" ON "match_score" ("kind", "candidate_id", "score" DESC, "subject_id") WHERE NOT "excluded"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'match_score',
      'match_talent',
      'match_product',
      'match_outlet',
      'match_manufacturer',
      'match_project',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
