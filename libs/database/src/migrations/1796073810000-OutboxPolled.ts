import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox's NOTIFY trigger goes: a transaction that notifies holds PostgreSQL's one
 * notify-queue lock through its commit (WAL flush included), so every write with an event
 * committed one at a time. The relay finds new rows with a cheap indexed probe instead
 * (`OutboxRelay`, every OUTBOX_POLL_MS).
 */
export class OutboxPolled1796073810000 implements MigrationInterface {
  name = 'OutboxPolled1796073810000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "outbox_event_notify" ON "outbox_event"`);
    await queryRunner.query(`DROP FUNCTION outbox_event_notify()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
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
}
