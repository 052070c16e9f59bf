import { MigrationInterface, QueryRunner } from 'typeorm';

/** Teams invite; the talent accepts or declines, and is notified of the invitation. */
export class TeamInvitations1796070000000 implements MigrationInterface {
  name = 'TeamInvitations1796070000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TYPE "public"."notification_kind" ADD VALUE IF NOT EXISTS 'TEAM_INVITATION'`,
    );
    await queryRunner.query(`CREATE TABLE "team_invitation" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "team_id" uuid NOT NULL,
      "user_id" uuid NOT NULL,
      "status" "public"."invitation_status" NOT NULL DEFAULT 'PENDING',
      "invited_by_id" uuid,
      "responded_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_team_invitation" PRIMARY KEY ("id"),
      CONSTRAINT "FK_team_invitation_team" FOREIGN KEY ("team_id") REFERENCES "team"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_team_invitation_user" FOREIGN KEY ("user_id") REFERENCES "user_account"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_team_invitation_invited_by" FOREIGN KEY ("invited_by_id") REFERENCES "user_account"("id") ON DELETE SET NULL
    )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_team_invitation_pending" ON "team_invitation" ("team_id", "user_id") WHERE "status" = 'PENDING'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_team_invitation_user_status" ON "team_invitation" ("user_id", "status")`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "team_invitation"`);
    // PostgreSQL cannot drop an enum value; TEAM_INVITATION stays in notification_kind.
  }
}
