import { MigrationInterface, QueryRunner } from 'typeorm';

export class Marketplace1795890279874 implements MigrationInterface {
  name = 'Marketplace1795890279874';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."project_category" AS ENUM('PRODUCT', 'IP_BRAND', 'DIGITAL_EXPERIENCE')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."project_state" AS ENUM('DRAFT', 'OPEN_FOR_BIDS', 'AWARDED', 'IN_PRODUCTION', 'IN_MARKET', 'CLOSED', 'CANCELLED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "project" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "title" text NOT NULL, "description" text NOT NULL, "city_id" uuid NOT NULL, "category" "public"."project_category" NOT NULL, "state" "public"."project_state" NOT NULL DEFAULT 'DRAFT', "owner_user_id" uuid NOT NULL, "owner_team_id" uuid, "cultural_resource_ids" uuid array NOT NULL DEFAULT '{}', "processes" text array NOT NULL DEFAULT '{}', "materials" text array NOT NULL DEFAULT '{}', "quantity" integer NOT NULL, "target_unit_cost_fen" integer NOT NULL, "required_certifications" text array NOT NULL DEFAULT '{}', "bid_deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "delivery_deadline" TIMESTAMP WITH TIME ZONE NOT NULL, "published_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_4d68b1358bb5b766d3e78f32f57" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_acaea9fab1d3b7997252d73d02" ON "project"  ("city_id", "state") `,
    );
    // Array filters (`:id = ANY(cultural_resource_ids)`) use this GIN index.
    await queryRunner.query(
      `CREATE INDEX "IDX_project_cultural_resource_ids" ON "project" USING GIN ("cultural_resource_ids")`,
    );
    await queryRunner.query(
      `ALTER TABLE "project" ADD CONSTRAINT "FK_project_city" FOREIGN KEY ("city_id") REFERENCES "city"("id") ON DELETE RESTRICT`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "project" DROP CONSTRAINT "FK_project_city"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_project_cultural_resource_ids"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_acaea9fab1d3b7997252d73d02"`);
    await queryRunner.query(`DROP TABLE "project"`);
    await queryRunner.query(`DROP TYPE "public"."project_state"`);
    await queryRunner.query(`DROP TYPE "public"."project_category"`);
  }
}
