import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `project.cultural_resource_ids uuid[]` becomes the `project_cultural_resource` join table, so
 * PostgreSQL keeps the link honest instead of locks and counts on both sides: a project's links
 * go with it (CASCADE); a linked resource cannot be deleted, nor moved to another city, while a
 * project links it (RESTRICT on (id, city_id), which also keeps every link inside the project's
 * city). `position` keeps the order the owner gave.
 */
export class ProjectCulturalResource1796072000000 implements MigrationInterface {
  name = 'ProjectCulturalResource1796072000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "cultural_resource" ADD CONSTRAINT "UQ_cultural_resource_id_city" UNIQUE ("id", "city_id")`,
    );
    await queryRunner.query(
      `CREATE TABLE "project_cultural_resource" ("project_id" uuid NOT NULL, "cultural_resource_id" uuid NOT NULL, "city_id" uuid NOT NULL, "position" smallint NOT NULL, CONSTRAINT "PK_project_cultural_resource" PRIMARY KEY ("project_id", "cultural_resource_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_project_cultural_resource_resource" ON "project_cultural_resource" ("cultural_resource_id", "project_id")`,
    );
    await queryRunner.query(
      `ALTER TABLE "project_cultural_resource" ADD CONSTRAINT "FK_project_cultural_resource_project" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "project_cultural_resource" ADD CONSTRAINT "FK_project_cultural_resource_resource" FOREIGN KEY ("cultural_resource_id", "city_id") REFERENCES "cultural_resource"("id", "city_id") ON DELETE RESTRICT ON UPDATE RESTRICT`,
    );
    // Existing links in their given order (gaps in position are harmless). A link to a missing
    // resource or one of another city (the API refused both; older demo seeds wrote the latter)
    // would fail the foreign key, so it is dropped.
    await queryRunner.query(
      `INSERT INTO "project_cultural_resource" ("project_id", "cultural_resource_id", "city_id", "position")
       SELECT p.id, link.resource_id, p.city_id, min(link.ordinality) - 1
         FROM "project" p
        CROSS JOIN LATERAL unnest(p.cultural_resource_ids) WITH ORDINALITY AS link(resource_id, ordinality)
         JOIN "cultural_resource" r ON r.id = link.resource_id AND r.city_id = p.city_id
        GROUP BY p.id, link.resource_id, p.city_id`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_project_cultural_resource_ids"`);
    await queryRunner.query(`ALTER TABLE "project" DROP COLUMN "cultural_resource_ids"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "project" ADD "cultural_resource_ids" uuid array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `UPDATE "project" p SET "cultural_resource_ids" = links.ids
         FROM (SELECT project_id, array_agg(cultural_resource_id ORDER BY position) AS ids
                 FROM "project_cultural_resource" GROUP BY project_id) links
        WHERE links.project_id = p.id`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_project_cultural_resource_ids" ON "project" USING GIN ("cultural_resource_ids")`,
    );
    await queryRunner.query(`DROP TABLE "project_cultural_resource"`);
    await queryRunner.query(
      `ALTER TABLE "cultural_resource" DROP CONSTRAINT "UQ_cultural_resource_id_city"`,
    );
  }
}
