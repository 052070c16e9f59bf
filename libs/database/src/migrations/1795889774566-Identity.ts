import { MigrationInterface, QueryRunner } from 'typeorm';

export class Identity1795889774566 implements MigrationInterface {
  name = 'Identity1795889774566';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."user_role" AS ENUM('TALENT', 'MANUFACTURER', 'RETAILER', 'INCUBATOR', 'OFFICIAL', 'ADMIN')`,
    );
    await queryRunner.query(
      `CREATE TABLE "user_account" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "email" text NOT NULL, "password_hash" text NOT NULL, "display_name" text NOT NULL, "roles" "public"."user_role" array NOT NULL DEFAULT '{}', CONSTRAINT "PK_6acfec7285fdf9f463462de3e9f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_56a0e4bcec2b5411beafa47ffa" ON "user_account"  ("email") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."organization_kind" AS ENUM('MANUFACTURER', 'RETAILER', 'INCUBATOR', 'GOVERNMENT_DEPARTMENT')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."incubator_type" AS ENUM('MAKERSPACE', 'UNIVERSITY_INCUBATOR', 'INDUSTRIAL_PARK')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."government_department" AS ENUM('CULTURE', 'EDUCATION', 'TOURISM', 'FINANCE', 'SCIENCE_TECHNOLOGY')`,
    );
    await queryRunner.query(
      `CREATE TABLE "organization" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "kind" "public"."organization_kind" NOT NULL, "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "incubator_type" "public"."incubator_type", "department" "public"."government_department", "city_id" uuid NOT NULL, "district_id" uuid, "created_by_id" uuid, CONSTRAINT "CHK_d613834ce9fed8b08dfe99b971" CHECK ("kind" <> 'GOVERNMENT_DEPARTMENT' OR "department" IS NOT NULL), CONSTRAINT "CHK_ee0bef5d6b247a94cb460ea605" CHECK ("kind" <> 'INCUBATOR' OR "incubator_type" IS NOT NULL), CONSTRAINT "PK_472c1f99a32def1b0abb219cd67" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_191090f34f73688a4ee0f719d3" ON "organization"  ("kind", "city_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."manufacturing_process" AS ENUM('CERAMICS', 'EMBROIDERY', 'LASER_ENGRAVING', 'THREE_D_PRINTING', 'METAL_CASTING', 'PRINTING_PACKAGING', 'AR_VR_DEVELOPMENT', 'WOODWORKING', 'TEXTILE_SEWING', 'LEATHERWORK', 'INJECTION_MOLDING', 'PAPER_CRAFT')`,
    );
    await queryRunner.query(
      `CREATE TABLE "manufacturer_capability" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "processes" "public"."manufacturing_process" array NOT NULL DEFAULT '{}', "materials" text array NOT NULL DEFAULT '{}', "certifications" text array NOT NULL DEFAULT '{}', "moq" integer, "monthly_capacity" integer, CONSTRAINT "REL_edb287b37cf86a6a697eca4375" UNIQUE ("organization_id"), CONSTRAINT "CHK_1d3ec90230cc41ec42c70bc4be" CHECK ("monthly_capacity" IS NULL OR "monthly_capacity" > 0), CONSTRAINT "CHK_43d2238ebe212811fbbd3b0f39" CHECK ("moq" IS NULL OR "moq" > 0), CONSTRAINT "PK_9dc8d176369edaccf07aa84091a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_edb287b37cf86a6a697eca4375" ON "manufacturer_capability"  ("organization_id") `,
    );
    await queryRunner.query(`CREATE TYPE "public"."organization_role" AS ENUM('OWNER', 'MEMBER')`);
    await queryRunner.query(
      `CREATE TYPE "public"."invitation_status" AS ENUM('PENDING', 'ACCEPTED', 'DECLINED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "organization_invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "email" text NOT NULL, "role" "public"."organization_role" NOT NULL, "status" "public"."invitation_status" NOT NULL DEFAULT 'PENDING', "invited_by_id" uuid, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "responded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_cc1ac752952740b92ead1ee9249" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_48c4740321767c53f2108d2da8" ON "organization_invitation"  ("email", "status") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_6facb7b737b748d1a2c1a870cf" ON "organization_invitation"  ("organization_id", "email") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE TABLE "official_grant" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "city_id" uuid NOT NULL, "department" "public"."government_department" NOT NULL, "granted_by_id" uuid, CONSTRAINT "PK_fdfd593d89b2708fa9932a6539a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_7a7eb161f3bf165b7353f9f608" ON "official_grant"  ("user_id", "city_id", "department") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."role_request_status" AS ENUM('PENDING', 'APPROVED', 'REJECTED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "role_request" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "role" "public"."user_role" NOT NULL, "city_id" uuid NOT NULL, "department" "public"."government_department" NOT NULL, "note" text NOT NULL DEFAULT '', "status" "public"."role_request_status" NOT NULL DEFAULT 'PENDING', "decided_by_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decision_note" text, CONSTRAINT "PK_56e5c87e0e09b2416e398992a88" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_570f3637682b2b52b4ef3fa949" ON "role_request"  ("status", "created_at") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_253ebc659e80c029042700e044" ON "role_request"  ("user_id", "city_id", "department") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE TABLE "organization_member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "organization_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" "public"."organization_role" NOT NULL, CONSTRAINT "PK_81dbbb093cbe0539c170f3d1484" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_273aa659a4afdcb614cdecbd66" ON "organization_member"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_ade1a22b88a5464464fe520d07" ON "organization_member"  ("organization_id", "user_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."session_end_reason" AS ENUM('LOGOUT', 'REFRESH_TOKEN_REUSED', 'PASSWORD_CHANGED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE, "end_reason" "public"."session_end_reason", CONSTRAINT "PK_f55da76ac1c3ac420f444d2ff11" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_30e98e8746699fb9af235410af" ON "session"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "refresh_token" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "family_id" uuid NOT NULL, "token_hash" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_b575dd3c21fb0831013c909e7fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_eb31f2a7917404a46e17f539f1" ON "refresh_token"  ("family_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_f0812282fad2e352cdaf83ef0a" ON "refresh_token"  ("token_hash") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."discipline" AS ENUM('PRODUCT_DESIGN', 'VISUAL_COMMUNICATION', 'FINE_ARTS', 'TRADITIONAL_CRAFTS', 'FASHION_TEXTILE', 'ARCHITECTURE_SPACE', 'ANIMATION_GAMES', 'DIGITAL_TECHNOLOGY', 'MARKETING_BUSINESS', 'CULTURAL_HERITAGE_HISTORY', 'LITERATURE_MEDIA', 'OTHER')`,
    );
    await queryRunner.query(
      `CREATE TABLE "talent_profile" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "user_id" uuid NOT NULL, "disciplines" "public"."discipline" array NOT NULL DEFAULT '{}', "university" text, "portfolio_links" text array NOT NULL DEFAULT '{}', "creative_thinking" smallint, "market_insight" smallint, "entrepreneurial_operation" smallint, "cross_disciplinary_integration" smallint, "local_culture_inheritance" smallint, CONSTRAINT "REL_87ed9f3ccf3d2b9f7a10b3b22e" UNIQUE ("user_id"), CONSTRAINT "CHK_970c874b0645d952742e93ada3" CHECK ("local_culture_inheritance" IS NULL OR "local_culture_inheritance" BETWEEN 1 AND 5), CONSTRAINT "CHK_dabb466ca1ad96ab6242209be8" CHECK ("cross_disciplinary_integration" IS NULL OR "cross_disciplinary_integration" BETWEEN 1 AND 5), CONSTRAINT "CHK_d2719df666f5e3a0769502f813" CHECK ("entrepreneurial_operation" IS NULL OR "entrepreneurial_operation" BETWEEN 1 AND 5), CONSTRAINT "CHK_ffa17d453811da8827cb572923" CHECK ("market_insight" IS NULL OR "market_insight" BETWEEN 1 AND 5), CONSTRAINT "CHK_92fb12efbcf08ee834ef59aca5" CHECK ("creative_thinking" IS NULL OR "creative_thinking" BETWEEN 1 AND 5), CONSTRAINT "PK_0612c53e1012ea446eaf991f2bf" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_87ed9f3ccf3d2b9f7a10b3b22e" ON "talent_profile"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "team" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "name" text NOT NULL, "description" text NOT NULL DEFAULT '', "created_by_id" uuid, CONSTRAINT "PK_f57d8293406df4af348402e4b74" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE TYPE "public"."team_role" AS ENUM('LEAD', 'MEMBER')`);
    await queryRunner.query(
      `CREATE TABLE "team_member" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "team_id" uuid NOT NULL, "user_id" uuid NOT NULL, "role" "public"."team_role" NOT NULL DEFAULT 'MEMBER', CONSTRAINT "PK_649680684d72a20d279641469c5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_0724b86622f89c433dee4cd8b1" ON "team_member"  ("user_id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "IDX_34169355c6d1744228f5bb7554" ON "team_member"  ("team_id", "user_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "organization" ADD CONSTRAINT "FK_e482f17df348dc7a404ceaf6135" FOREIGN KEY ("city_id") REFERENCES "city"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization" ADD CONSTRAINT "FK_5ecf909ff9e25096af48b973c36" FOREIGN KEY ("district_id") REFERENCES "district"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization" ADD CONSTRAINT "FK_d3c5f450939bf4fd56f844823cf" FOREIGN KEY ("created_by_id") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "manufacturer_capability" ADD CONSTRAINT "FK_edb287b37cf86a6a697eca43753" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_invitation" ADD CONSTRAINT "FK_f75820311aae641d2cc4e35e38f" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_invitation" ADD CONSTRAINT "FK_63c49e89c987a58830f9590029c" FOREIGN KEY ("invited_by_id") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "official_grant" ADD CONSTRAINT "FK_2114d845f1b21071e6eeee24071" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "official_grant" ADD CONSTRAINT "FK_bf6875bce79fb17c2a4a843d0d1" FOREIGN KEY ("city_id") REFERENCES "city"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "official_grant" ADD CONSTRAINT "FK_8ac76cb91c518e0752da9416d79" FOREIGN KEY ("granted_by_id") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_request" ADD CONSTRAINT "FK_44d909350f9fa48cebbc5713c96" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_request" ADD CONSTRAINT "FK_b97ba14829e2b37f79b34b16f27" FOREIGN KEY ("city_id") REFERENCES "city"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_request" ADD CONSTRAINT "FK_2b8a1e53d3c6404caca6fcf4d1d" FOREIGN KEY ("decided_by_id") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_member" ADD CONSTRAINT "FK_ce08825728e5afefdc6e682b8d7" FOREIGN KEY ("organization_id") REFERENCES "organization"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_member" ADD CONSTRAINT "FK_273aa659a4afdcb614cdecbd667" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" ADD CONSTRAINT "FK_30e98e8746699fb9af235410aff" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_token" ADD CONSTRAINT "FK_eb31f2a7917404a46e17f539f19" FOREIGN KEY ("family_id") REFERENCES "session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "talent_profile" ADD CONSTRAINT "FK_87ed9f3ccf3d2b9f7a10b3b22ef" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "team" ADD CONSTRAINT "FK_28e4d9ad52606fd37d5441b9a3b" FOREIGN KEY ("created_by_id") REFERENCES "user_account"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "team_member" ADD CONSTRAINT "FK_a1b5b4f5fa1b7f890d0a278748b" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "team_member" ADD CONSTRAINT "FK_0724b86622f89c433dee4cd8b17" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "team_member" DROP CONSTRAINT "FK_0724b86622f89c433dee4cd8b17"`,
    );
    await queryRunner.query(
      `ALTER TABLE "team_member" DROP CONSTRAINT "FK_a1b5b4f5fa1b7f890d0a278748b"`,
    );
    await queryRunner.query(`ALTER TABLE "team" DROP CONSTRAINT "FK_28e4d9ad52606fd37d5441b9a3b"`);
    await queryRunner.query(
      `ALTER TABLE "talent_profile" DROP CONSTRAINT "FK_87ed9f3ccf3d2b9f7a10b3b22ef"`,
    );
    await queryRunner.query(
      `ALTER TABLE "refresh_token" DROP CONSTRAINT "FK_eb31f2a7917404a46e17f539f19"`,
    );
    await queryRunner.query(
      `ALTER TABLE "session" DROP CONSTRAINT "FK_30e98e8746699fb9af235410aff"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_member" DROP CONSTRAINT "FK_273aa659a4afdcb614cdecbd667"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_member" DROP CONSTRAINT "FK_ce08825728e5afefdc6e682b8d7"`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_request" DROP CONSTRAINT "FK_2b8a1e53d3c6404caca6fcf4d1d"`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_request" DROP CONSTRAINT "FK_b97ba14829e2b37f79b34b16f27"`,
    );
    await queryRunner.query(
      `ALTER TABLE "role_request" DROP CONSTRAINT "FK_44d909350f9fa48cebbc5713c96"`,
    );
    await queryRunner.query(
      `ALTER TABLE "official_grant" DROP CONSTRAINT "FK_8ac76cb91c518e0752da9416d79"`,
    );
    await queryRunner.query(
      `ALTER TABLE "official_grant" DROP CONSTRAINT "FK_bf6875bce79fb17c2a4a843d0d1"`,
    );
    await queryRunner.query(
      `ALTER TABLE "official_grant" DROP CONSTRAINT "FK_2114d845f1b21071e6eeee24071"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_invitation" DROP CONSTRAINT "FK_63c49e89c987a58830f9590029c"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization_invitation" DROP CONSTRAINT "FK_f75820311aae641d2cc4e35e38f"`,
    );
    await queryRunner.query(
      `ALTER TABLE "manufacturer_capability" DROP CONSTRAINT "FK_edb287b37cf86a6a697eca43753"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization" DROP CONSTRAINT "FK_d3c5f450939bf4fd56f844823cf"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization" DROP CONSTRAINT "FK_5ecf909ff9e25096af48b973c36"`,
    );
    await queryRunner.query(
      `ALTER TABLE "organization" DROP CONSTRAINT "FK_e482f17df348dc7a404ceaf6135"`,
    );
    await queryRunner.query(`DROP INDEX "public"."IDX_34169355c6d1744228f5bb7554"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_0724b86622f89c433dee4cd8b1"`);
    await queryRunner.query(`DROP TABLE "team_member"`);
    await queryRunner.query(`DROP TYPE "public"."team_role"`);
    await queryRunner.query(`DROP TABLE "team"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_87ed9f3ccf3d2b9f7a10b3b22e"`);
    await queryRunner.query(`DROP TABLE "talent_profile"`);
    await queryRunner.query(`DROP TYPE "public"."discipline"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f0812282fad2e352cdaf83ef0a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eb31f2a7917404a46e17f539f1"`);
    await queryRunner.query(`DROP TABLE "refresh_token"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_30e98e8746699fb9af235410af"`);
    await queryRunner.query(`DROP TABLE "session"`);
    await queryRunner.query(`DROP TYPE "public"."session_end_reason"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ade1a22b88a5464464fe520d07"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_273aa659a4afdcb614cdecbd66"`);
    await queryRunner.query(`DROP TABLE "organization_member"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_253ebc659e80c029042700e044"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_570f3637682b2b52b4ef3fa949"`);
    await queryRunner.query(`DROP TABLE "role_request"`);
    await queryRunner.query(`DROP TYPE "public"."role_request_status"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7a7eb161f3bf165b7353f9f608"`);
    await queryRunner.query(`DROP TABLE "official_grant"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6facb7b737b748d1a2c1a870cf"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_48c4740321767c53f2108d2da8"`);
    await queryRunner.query(`DROP TABLE "organization_invitation"`);
    await queryRunner.query(`DROP TYPE "public"."invitation_status"`);
    await queryRunner.query(`DROP TYPE "public"."organization_role"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_edb287b37cf86a6a697eca4375"`);
    await queryRunner.query(`DROP TABLE "manufacturer_capability"`);
    await queryRunner.query(`DROP TYPE "public"."manufacturing_process"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_191090f34f73688a4ee0f719d3"`);
    await queryRunner.query(`DROP TABLE "organization"`);
    await queryRunner.query(`DROP TYPE "public"."government_department"`);
    await queryRunner.query(`DROP TYPE "public"."incubator_type"`);
    await queryRunner.query(`DROP TYPE "public"."organization_kind"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_56a0e4bcec2b5411beafa47ffa"`);
    await queryRunner.query(`DROP TABLE "user_account"`);
    await queryRunner.query(`DROP TYPE "public"."user_role"`);
  }
}
