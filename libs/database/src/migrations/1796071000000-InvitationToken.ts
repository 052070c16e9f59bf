import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organization invitations carry a single-use secret (its SHA-256 is stored): accepting needs
 * the secret from the invitation link, not only an account with the invited email. Invitations
 * pending before this migration have no secret and cannot be accepted; owners invite again.
 */
export class InvitationToken1796071000000 implements MigrationInterface {
  name = 'InvitationToken1796071000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization_invitation" ADD "token_hash" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organization_invitation" DROP COLUMN "token_hash"`);
  }
}
