import { randomBytes } from 'node:crypto';
import { IdentityFactory } from '../support/identity.factory';
import { deliveredProject } from '../support/marketplace.factory';
import { startTestApp, TestApp } from '../support/test-app';

const ACCEPT = 'mutation($bidId: ID!) { acceptBid(bidId: $bidId) { id stage } }';

/**
 * Drill 13 (issue 17): a statement that fails in the middle of a multi-write mutation. Accepting
 * a bid writes four times (accept the bid, reject the rest, award the project, open the order);
 * a trigger, scoped to this test's project, makes the last write a real constraint violation.
 */
describe('drill: a throw mid-transaction', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp();
  });

  afterAll(() => app.close());

  it('accepting a bid whose production order cannot be written leaves nothing behind, and succeeds once it can', async () => {
    const factory = new IdentityFactory(app);
    const city = await factory.defaultCity();
    const { projectId, owner } = await deliveredProject(factory, city, { until: 'submitBid' });
    const rival = await factory.manufacturer();
    await rival.gql.data('mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }', {
      input: {
        projectId,
        organizationId: rival.organizationId,
        priceTiers: [{ minQuantity: 1, unitPriceFen: 1900 }],
        moq: 1,
        leadTimeDays: 30,
        sampleCostFen: 0,
        note: '',
      },
    });
    const bids = async () =>
      app.db.query('SELECT id, state FROM bid WHERE project_id = $1 ORDER BY created_at', [
        projectId,
      ]);
    const [first] = await bids();
    const state = async () => ({
      project: (await app.db.query('SELECT state FROM project WHERE id = $1', [projectId]))[0]
        .state,
      bids: (await bids()).map((bid: { state: string }) => bid.state),
      orders: (
        await app.db.query(
          'SELECT count(*)::int AS n FROM production_order WHERE project_id = $1',
          [projectId],
        )
      )[0].n,
    });
    const before = await state();
    expect(before).toEqual({
      project: 'OPEN_FOR_BIDS',
      bids: ['SUBMITTED', 'SUBMITTED'],
      orders: 0,
    });

    const name = `drill_refuse_order_${randomBytes(4).toString('hex')}`;
    await app.db.query(`CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'drill: production order refused' USING ERRCODE = 'check_violation'; END $$`);
    await app.db.query(
      `CREATE TRIGGER ${name} BEFORE INSERT ON production_order FOR EACH ROW
         WHEN (NEW.project_id = '${projectId}') EXECUTE FUNCTION ${name}()`,
    );
    try {
      const failed = await owner.gql.request(ACCEPT, { bidId: first.id });
      expect(failed.data).toBeNull();
      // The user is not shown the SQL.
      expect(failed.errors?.[0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL' },
      });
      expect(await state()).toEqual(before);
    } finally {
      await app.db.query(`DROP TRIGGER ${name} ON production_order`);
      await app.db.query(`DROP FUNCTION ${name}()`);
    }

    const accepted = await owner.gql.request(ACCEPT, { bidId: first.id });
    expect(accepted.errors).toBeUndefined();
    expect(await state()).toEqual({
      project: 'AWARDED',
      bids: ['ACCEPTED', 'REJECTED'],
      orders: 1,
    });
  });
});
