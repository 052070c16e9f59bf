import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox: events leaving a domain are rows written in the transaction of the
 * change, moved to BullMQ by the worker's relay. A statement trigger NOTIFYs `outbox_event`
 * at commit, so the relay wakes at once instead of waiting for its next poll.
 */
export class Outbox1796071900000 implements MigrationInterface {
  name = 'Outbox1796071900000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "outbox_event" (
        "id" BIGSERIAL PRIMARY KEY,
        "queue" text NOT NULL,
        "job_name" text NOT NULL,
        "job_id" text NOT NULL,
        "payload" jsonb NOT NULL,
        "options" jsonb NOT NULL DEFAULT '{}',
        "created_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE FUNCTION outbox_event_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_event', '');
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE TRIGGER outbox_event_notify AFTER INSERT ON "outbox_event"
        FOR EACH STATEMENT EXECUTE FUNCTION outbox_event_notify()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outbox_event"`);
    await queryRunner.query(`DROP FUNCTION outbox_event_notify()`);
  }
}
