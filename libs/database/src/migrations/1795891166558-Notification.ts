import { MigrationInterface, QueryRunner } from 'typeorm';

export class Notification1795891166558 implements MigrationInterface {
  name = 'Notification1795891166558';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TYPE "public"."notification_kind" AS ENUM('BID_SUBMITTED', 'BID_ACCEPTED', 'BID_REJECTED', 'PRODUCTION_MILESTONE', 'GENERAL')`,
    );
    await queryRunner.query(
      `CREATE TABLE "notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "recipient_id" uuid NOT NULL, "kind" "public"."notification_kind" NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "payload" jsonb NOT NULL DEFAULT '{}', "read_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_705b6c7cdf9b2c2ff7ac7872cb7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification" ADD CONSTRAINT "FK_9830357f52360a126737d498e66" FOREIGN KEY ("recipient_id") REFERENCES "user_account"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Hand-written (the entity declares them with synchronize: false): the listing's keyset
    // order, newest first, for all notifications and for the unread ones (also unreadCount).
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_recipient_created" ON "notification" ("recipient_id", "created_at" DESC, "id" DESC)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_notification_recipient_unread" ON "notification" ("recipient_id", "created_at" DESC, "id" DESC) WHERE "read_at" IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_notification_recipient_unread"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_notification_recipient_created"`);
    await queryRunner.query(
      `ALTER TABLE "notification" DROP CONSTRAINT "FK_9830357f52360a126737d498e66"`,
    );
    await queryRunner.query(`DROP TABLE "notification"`);
    await queryRunner.query(`DROP TYPE "public"."notification_kind"`);
  }
}
