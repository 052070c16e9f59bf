import { MigrationInterface, QueryRunner } from 'typeorm';

/** Team invitations expire like organization invitations (14 days); existing ones from their creation. */
export class TeamInvitationExpiry1796072600000 implements MigrationInterface {
  name = 'TeamInvitationExpiry1796072600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "team_invitation" ADD "expires_at" TIMESTAMP(3) WITH TIME ZONE`,
    );
    await queryRunner.query(
      `UPDATE "team_invitation" SET "expires_at" = date_trunc('milliseconds', "created_at") + interval '14 days'`,
    );
    await queryRunner.query(`ALTER TABLE "team_invitation" ALTER COLUMN "expires_at" SET NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "team_invitation" DROP COLUMN "expires_at"`);
  }
}
