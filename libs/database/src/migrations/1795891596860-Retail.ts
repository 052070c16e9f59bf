import { MigrationInterface, QueryRunner } from 'typeorm';

export class Retail1795891596860 implements MigrationInterface {
  name = 'Retail1795891596860';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."outlet_type" AS ENUM('SCENIC_SPOT', 'MUSEUM', 'BUSINESS_DISTRICT', 'COMMUNITY', 'ONLINE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "outlet" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "name" text NOT NULL, "type" "public"."outlet_type" NOT NULL, "city_id" uuid NOT NULL, "district_id" uuid NOT NULL, "address" text NOT NULL DEFAULT '', "themes" "public"."cultural_resource_kind" array NOT NULL DEFAULT '{}', "average_monthly_footfall" integer NOT NULL, "price_band_min_fen" integer NOT NULL, "price_band_max_fen" integer NOT NULL, CONSTRAINT "CHK_d20dc538dfc459ec6633de1e10" CHECK ("price_band_min_fen" <= "price_band_max_fen"), CONSTRAINT "PK_ccdf8b4c8da9cf68bb852f0db1c" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1dde344c30ab31798ac13e456b" ON "outlet"  ("city_id", "type") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_8e7a5624d39f6f715f580b840a" ON "outlet"  ("organization_id", "name") `,
    );
    await queryRunner.query(
      `CREATE TABLE "product" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "project_id" uuid NOT NULL, "sku" text NOT NULL, "name" text NOT NULL, "brand" text NOT NULL, "description" text NOT NULL DEFAULT '', "retail_price_fen" integer NOT NULL, "city_id" uuid NOT NULL, "cultural_resource_ids" uuid array NOT NULL DEFAULT '{}', "themes" "public"."cultural_resource_kind" array NOT NULL DEFAULT '{}', "owner_user_id" uuid NOT NULL, "owner_team_id" uuid, "created_by_user_id" uuid NOT NULL, CONSTRAINT "PK_bebc9158e480b949565b4dc7a82" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_product_project" ON "product"  ("project_id") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_product_sku" ON "product"  ("sku") `);
    await queryRunner.query(
      `CREATE INDEX "IDX_0548bdab6525794880d8285f7f" ON "product"  ("city_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."placement_state" AS ENUM('OFFERED', 'REQUESTED', 'ACTIVE', 'DECLINED', 'WITHDRAWN', 'ENDED')`,
    );
    await queryRunner.query(`CREATE TYPE "public"."placement_side" AS ENUM('MAKERS', 'RETAILER')`);
    await queryRunner.query(
      `CREATE TYPE "public"."placement_terms_type" AS ENUM('WHOLESALE', 'CONSIGNMENT')`,
    );
    await queryRunner.query(
      `CREATE TABLE "placement" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "product_id" uuid NOT NULL, "outlet_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "project_id" uuid NOT NULL, "state" "public"."placement_state" NOT NULL, "initiated_by" "public"."placement_side" NOT NULL, "terms_type" "public"."placement_terms_type" NOT NULL, "wholesale_unit_price_fen" integer, "consignment_commission_bp" integer, "royalty_split" jsonb, "heritage_owner_organization_id" uuid, "heritage_royalty_bp" integer NOT NULL DEFAULT '0', "note" text NOT NULL DEFAULT '', "proposed_by_user_id" uuid NOT NULL, "answered_by_user_id" uuid, "activated_at" TIMESTAMP WITH TIME ZONE, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by_user_id" uuid, "closing_reason" text, CONSTRAINT "CHK_6363d3f8f5a876ddecfc84be1e" CHECK ("heritage_royalty_bp" BETWEEN 0 AND 10000), CONSTRAINT "CHK_429be169cfd23ec93f990dada6" CHECK (("terms_type" = 'WHOLESALE' AND "wholesale_unit_price_fen" IS NOT NULL AND "consignment_commission_bp" IS NULL) OR ("terms_type" = 'CONSIGNMENT' AND "consignment_commission_bp" BETWEEN 0 AND 10000 AND "wholesale_unit_price_fen" IS NULL)), CONSTRAINT "PK_4f8b29ee2db5213bcb38b6c71c4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_a5030155263b03de3ef9b18b8c" ON "placement"  ("organization_id", "state") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_201d9735dee245f342ce8b76ce" ON "placement"  ("product_id", "state") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1bade5ef7bc643c17f1c032eff" ON "placement"  ("outlet_id", "state") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_placement_open_per_product_outlet" ON "placement"  ("product_id", "outlet_id") WHERE "state" IN ('OFFERED', 'REQUESTED', 'ACTIVE')`,
    );
    await queryRunner.query(
      `CREATE TABLE "sale" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "outlet_id" uuid NOT NULL, "product_id" uuid NOT NULL, "placement_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "city_id" uuid NOT NULL, "quantity" integer NOT NULL, "unit_price_fen" integer NOT NULL, "amount_fen" bigint NOT NULL, "sold_at" TIMESTAMP WITH TIME ZONE NOT NULL, "external_id" text NOT NULL, "import_id" uuid, "recorded_by_user_id" uuid NOT NULL, CONSTRAINT "CHK_b9e212dc7f2181958ce4f55de7" CHECK ("quantity" > 0 AND "unit_price_fen" >= 0 AND "amount_fen" = "quantity"::bigint * "unit_price_fen"), CONSTRAINT "PK_d03891c457cbcd22974732b5de2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_22fadf18509fb05a1ad55025e9" ON "sale"  ("city_id", "sold_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_d9ec9c6686f750b9cd26f4f378" ON "sale"  ("organization_id", "sold_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_857bd3635d0c2521c3dd04bb6b" ON "sale"  ("product_id", "sold_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_1cc6bcd41b6187efb52a0dd9ad" ON "sale"  ("placement_id", "sold_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_sale_outlet_external_id" ON "sale"  ("outlet_id", "external_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."sales_import_status" AS ENUM('UPLOADING', 'QUEUED', 'PROCESSING', 'COMPLETED', 'FAILED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "sales_import" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "outlet_id" uuid NOT NULL, "organization_id" uuid NOT NULL, "uploaded_by_user_id" uuid NOT NULL, "file_name" text NOT NULL, "byte_size" bigint NOT NULL DEFAULT '0', "sha256" text, "same_file_as_import_id" uuid, "chunk_count" integer NOT NULL DEFAULT '0', "status" "public"."sales_import_status" NOT NULL DEFAULT 'UPLOADING', "processed_rows" integer NOT NULL DEFAULT '0', "imported_rows" integer NOT NULL DEFAULT '0', "duplicate_rows" integer NOT NULL DEFAULT '0', "rejected_rows" integer NOT NULL DEFAULT '0', "failure_reason" text, "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_1a462e573e7e6c063f2bd2784a9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_38ae25bcaf6a557e25ebb419b3" ON "sales_import"  ("outlet_id", "sha256") `,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_aeb9585602cc293fb539fa5c22" ON "sales_import"  ("outlet_id", "created_at") `,
    );
    await queryRunner.query(
      `CREATE TABLE "sales_import_chunk" ("import_id" uuid NOT NULL, "seq" integer NOT NULL, "data" bytea NOT NULL, CONSTRAINT "PK_61bff44164cc48a353beb89567c" PRIMARY KEY ("import_id", "seq"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "sales_import_error" ("import_id" uuid NOT NULL, "seq" integer NOT NULL, "line" integer NOT NULL, "field" text, "reason" text NOT NULL, CONSTRAINT "PK_b99d717a44fea0f5d42b2cff20e" PRIMARY KEY ("import_id", "seq"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "placement" ADD CONSTRAINT "FK_placement_product" FOREIGN KEY ("product_id") REFERENCES "product"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "placement" ADD CONSTRAINT "FK_placement_outlet" FOREIGN KEY ("outlet_id") REFERENCES "outlet"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sale" ADD CONSTRAINT "FK_sale_placement" FOREIGN KEY ("placement_id") REFERENCES "placement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sales_import_chunk" ADD CONSTRAINT "FK_sales_import_chunk_import" FOREIGN KEY ("import_id") REFERENCES "sales_import"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sales_import_error" ADD CONSTRAINT "FK_sales_import_error_import" FOREIGN KEY ("import_id") REFERENCES "sales_import"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "sales_import_error" DROP CONSTRAINT "FK_sales_import_error_import"`,
    );
    await queryRunner.query(
      `ALTER TABLE "sales_import_chunk" DROP CONSTRAINT "FK_sales_import_chunk_import"`,
    );
    await queryRunner.query(`ALTER TABLE "sale" DROP CONSTRAINT "FK_sale_placement"`);
    await queryRunner.query(`ALTER TABLE "placement" DROP CONSTRAINT "FK_placement_outlet"`);
    await queryRunner.query(`ALTER TABLE "placement" DROP CONSTRAINT "FK_placement_product"`);
    await queryRunner.query(`DROP TABLE "sales_import_error"`);
    await queryRunner.query(`DROP TABLE "sales_import_chunk"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_aeb9585602cc293fb539fa5c22"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_38ae25bcaf6a557e25ebb419b3"`);
    await queryRunner.query(`DROP TABLE "sales_import"`);
    await queryRunner.query(`DROP TYPE "public"."sales_import_status"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_sale_outlet_external_id"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1cc6bcd41b6187efb52a0dd9ad"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_857bd3635d0c2521c3dd04bb6b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d9ec9c6686f750b9cd26f4f378"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_22fadf18509fb05a1ad55025e9"`);
    await queryRunner.query(`DROP TABLE "sale"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_placement_open_per_product_outlet"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1bade5ef7bc643c17f1c032eff"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_201d9735dee245f342ce8b76ce"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a5030155263b03de3ef9b18b8c"`);
    await queryRunner.query(`DROP TABLE "placement"`);
    await queryRunner.query(`DROP TYPE "public"."placement_terms_type"`);
    await queryRunner.query(`DROP TYPE "public"."placement_side"`);
    await queryRunner.query(`DROP TYPE "public"."placement_state"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0548bdab6525794880d8285f7f"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_product_sku"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_product_project"`);
    await queryRunner.query(`DROP TABLE "product"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8e7a5624d39f6f715f580b840a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1dde344c30ab31798ac13e456b"`);
    await queryRunner.query(`DROP TABLE "outlet"`);
    await queryRunner.query(`DROP TYPE "public"."outlet_type"`);
  }
}
