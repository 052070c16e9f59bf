import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795886824128 implements MigrationInterface {
  name = 'Foundation1795886824128';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "city" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "code" text NOT NULL, "name" text NOT NULL, "local_name" text NOT NULL, CONSTRAINT "PK_b222f51ce26f7e5ca86944a6739" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_b94ae715aad0d13e62f585ff11" ON "city"  ("code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "district" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "city_id" uuid NOT NULL, "name" text NOT NULL, "local_name" text NOT NULL, CONSTRAINT "PK_ee5cb6fd5223164bb87ea693f1e" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_f38ebb2f9e816ad00d4271a749" ON "district"  ("city_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."cultural_resource_kind" AS ENUM('INDUSTRIAL_HERITAGE', 'PALACE_QING_CULTURE', 'FOLK_CULTURE', 'REVOLUTIONARY_HISTORY', 'NATURAL_LANDSCAPE', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "cultural_resource" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "city_id" uuid NOT NULL, "district_id" uuid, "name" text NOT NULL, "local_name" text NOT NULL, "kind" "public"."cultural_resource_kind" NOT NULL, "description" text NOT NULL DEFAULT '', "latitude" double precision, "longitude" double precision, CONSTRAINT "PK_9f1ac9ad6763c9aa4dca1ea3895" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_75e4e87f6474fef838c08157ca" ON "cultural_resource"  ("city_id", "kind") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."worker_canary_status" AS ENUM('QUEUED', 'PROCESSED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "worker_canary" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "status" "public"."worker_canary_status" NOT NULL DEFAULT 'QUEUED', "processed_at" TIMESTAMP WITH TIME ZONE, "processed_by" text, "attempts" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_607cc2194da57d1db78d04f861f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "district" ADD CONSTRAINT "FK_0364a9a27eee3d5294627fdd659" FOREIGN KEY ("city_id") REFERENCES "city"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cultural_resource" ADD CONSTRAINT "FK_427be57386f8efda09585683dc5" FOREIGN KEY ("city_id") REFERENCES "city"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "cultural_resource" ADD CONSTRAINT "FK_d74deeb0cb93b4cf69da155ac92" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "cultural_resource" DROP CONSTRAINT "FK_d74deeb0cb93b4cf69da155ac92"`,
    );
    await queryRunner.query(
      `ALTER TABLE "cultural_resource" DROP CONSTRAINT "FK_427be57386f8efda09585683dc5"`,
    );
    await queryRunner.query(
      `ALTER TABLE "district" DROP CONSTRAINT "FK_0364a9a27eee3d5294627fdd659"`,
    );
    await queryRunner.query(`DROP TABLE "worker_canary"`);
    await queryRunner.query(`DROP TYPE "public"."worker_canary_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_75e4e87f6474fef838c08157ca"`);
    await queryRunner.query(`DROP TABLE "cultural_resource"`);
    await queryRunner.query(`DROP TYPE "public"."cultural_resource_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f38ebb2f9e816ad00d4271a749"`);
    await queryRunner.query(`DROP TABLE "district"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b94ae715aad0d13e62f585ff11"`);
    await queryRunner.query(`DROP TABLE "city"`);
  }
}
