import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Catalog search: a pg_trgm GIN index for substring matching in any script (沈阳故宫, 剪纸,
 * partial English words) and a 'simple' tsvector for whole-word full-text search, both over
 * generated columns of `cultural_resource`; plus an index for the district filter.
 */
export class Catalog1795891107500 implements MigrationInterface {
  name = 'Catalog1795891107500';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(
      `ALTER TABLE "cultural_resource" ADD "search_text" text GENERATED ALWAYS AS (name || ' ' || local_name || ' ' || description) STORED NOT NULL`,
    );
    await queryRunner.query(
      `ALTER TABLE "cultural_resource" ADD "search_vector" tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', name || ' ' || local_name), 'A') || setweight(to_tsvector('simple', description), 'B')) STORED NOT NULL`,
    );
    // TypeORM compares generated columns with the expressions it recorded here (see the entity's
    // `asExpression`), so `migration:generate` sees no difference. The migration runner creates
    // this table only when it is given entities, which ours is not; hence IF NOT EXISTS.
    await queryRunner.query(
      `CREATE TABLE IF NOT EXISTS "typeorm_metadata" ("type" varchar NOT NULL, "database" varchar DEFAULT NULL, "schema" varchar DEFAULT NULL, "table" varchar DEFAULT NULL, "name" varchar DEFAULT NULL, "value" text)`,
    );
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), 'public', 'cultural_resource', 'GENERATED_COLUMN', $1, $2), (current_database(), 'public', 'cultural_resource', 'GENERATED_COLUMN', $3, $4)`,
      [
        'search_text',
        "name || ' ' || local_name || ' ' || description",
        'search_vector',
        "setweight(to_tsvector('simple', name || ' ' || local_name), 'A') || setweight(to_tsvector('simple', description), 'B')",
      ],
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cultural_resource_search_vector" ON "cultural_resource" USING GIN ("search_vector")`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_cultural_resource_search_text_trgm" ON "cultural_resource" USING GIN ("search_text" gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d74deeb0cb93b4cf69da155ac9" ON "cultural_resource"  ("district_id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_d74deeb0cb93b4cf69da155ac9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cultural_resource_search_text_trgm"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_cultural_resource_search_vector"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "database" = current_database() AND "schema" = 'public' AND "table" = 'cultural_resource' AND "name" IN ('search_text', 'search_vector')`,
    );
    await queryRunner.query(`ALTER TABLE "cultural_resource" DROP COLUMN "search_vector"`);
    await queryRunner.query(`ALTER TABLE "cultural_resource" DROP COLUMN "search_text"`);
    // pg_trgm stays: other features may use it, and dropping an extension is a DBA's decision.
  }
}
