import { randomBytes } from 'node:crypto';
import { createOutlet } from '../retail/retail-test-kit';
import { IdentityFactory } from '../support/identity.factory';
import { teamOf } from '../support/marketplace.factory';
import { startTestApp, TestApp } from '../support/test-app';

const PROFILE = `mutation($input: UpsertTalentProfileInput!) {
  upsertTalentProfile(input: $input) { disciplines } }`;
const REMOVE = `mutation($input: TeamMemberInput!) { removeTeamMember(input: $input) { id } }`;
const UPDATE_OUTLET = `mutation($id: ID!, $input: UpdateOutletInput!) {
  updateOutlet(id: $id, input: $input) { name } }`;

/**
 * A change and the event it causes commit together or not at all: while the outbox refuses this
 * test's events (a trigger scoped to one subject id), the change is refused too and nothing of
 * it stays; once the outbox takes them, the change and its event are both there. (Events written
 * in a transaction of their own after the change would leave the change without its event:
 * the failed attempts below would have changed the rows.)
 */
describe('the outbox: a change and its event are one transaction', () => {
  let app: TestApp;
  let factory: IdentityFactory;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
  });

  afterAll(() => app.close());

  /** Runs `attempt` while the outbox refuses events about `subjectId`. */
  async function withOutboxRefusing<T>(subjectId: string, attempt: () => Promise<T>): Promise<T> {
    const name = `drill_refuse_event_${randomBytes(4).toString('hex')}`;
    await app.db.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'drill: event refused' USING ERRCODE = 'check_violation'; END $$`);
    await app.db.query(
      `CREATE TRIGGER ${name} BEFORE INSERT ON outbox_event FOR EACH ROW
         WHEN (NEW.payload->>'id' = '${subjectId}') EXECUTE FUNCTION ${name}()`,
    );
    try {
      return await attempt();
    } finally {
      await app.db.query(`DROP TRIGGER ${name} ON outbox_event`);
      await app.db.query(`DROP FUNCTION ${name}()`);
    }
  }

  it('a talent profile change', async () => {
    const talent = await factory.talent();
    await talent.gql.data(PROFILE, { input: { disciplines: ['FINE_ARTS'] } });
    const disciplines = async () =>
      (
        await app.db.query('SELECT disciplines::text[] FROM talent_profile WHERE user_id = $1', [
          talent.id,
        ])
      )[0].disciplines;

    const failed = await withOutboxRefusing(talent.id, () =>
      talent.gql.request(PROFILE, { input: { disciplines: ['DIGITAL_TECHNOLOGY'] } }),
    );
    expect(failed.errors?.[0]).toMatchObject({ extensions: { code: 'INTERNAL' } });
    expect(await disciplines()).toEqual(['FINE_ARTS']);

    await talent.gql.data(PROFILE, { input: { disciplines: ['DIGITAL_TECHNOLOGY'] } });
    expect(await disciplines()).toEqual(['DIGITAL_TECHNOLOGY']);
  });

  it('a team member removed', async () => {
    const lead = await factory.talent();
    const member = await factory.talent();
    const teamId = await teamOf(lead, [member]);
    const isMember = async () =>
      (
        await app.db.query('SELECT 1 FROM team_member WHERE team_id = $1 AND user_id = $2', [
          teamId,
          member.id,
        ])
      ).length === 1;

    const failed = await withOutboxRefusing(member.id, () =>
      lead.gql.request(REMOVE, { input: { teamId, userId: member.id } }),
    );
    expect(failed.errors?.[0]).toMatchObject({ extensions: { code: 'INTERNAL' } });
    expect(await isMember()).toBe(true);

    await lead.gql.data(REMOVE, { input: { teamId, userId: member.id } });
    expect(await isMember()).toBe(false);
  });

  it('an outlet updated', async () => {
    const retailer = await factory.retailer();
    const outletId = await createOutlet(retailer, await factory.defaultCity(), { name: 'Before' });
    const name = async () =>
      (await app.db.query('SELECT name FROM outlet WHERE id = $1', [outletId]))[0].name;

    const failed = await withOutboxRefusing(outletId, () =>
      retailer.gql.request(UPDATE_OUTLET, { id: outletId, input: { name: 'After' } }),
    );
    expect(failed.errors?.[0]).toMatchObject({ extensions: { code: 'INTERNAL' } });
    expect(await name()).toBe('Before');

    await retailer.gql.data(UPDATE_OUTLET, { id: outletId, input: { name: 'After' } });
    expect(await name()).toBe('After');
  });
});
