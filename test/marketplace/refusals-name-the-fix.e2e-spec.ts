import { Role } from '@cc/auth';
import { IdentityFactory } from '../support/identity.factory';
import { deliveredProject } from '../support/marketplace.factory';
import { startTestApp, TestApp } from '../support/test-app';
import { createOutlet } from '../retail/retail-test-kit';

/** Every refusal says what would make it succeed, in the message and extensions.reason. */
describe('refusals name what would make them succeed', () => {
  let app: TestApp;
  let factory: IdentityFactory;

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
  });

  afterAll(() => app.close());

  it('accepting a bid on an AWARDED project needs it OPEN_FOR_BIDS', async () => {
    const city = await factory.defaultCity();
    const chain = await deliveredProject(factory, city, { until: 'acceptBid' });
    const rival = await factory.manufacturer();
    const [bid] = await app.db.query('SELECT id FROM bid WHERE project_id = $1', [chain.projectId]);
    const again = await chain.owner.gql.request(
      'mutation($bidId: ID!) { acceptBid(bidId: $bidId) { id } }',
      { bidId: bid.id },
    );
    expect(again.errors?.[0]).toMatchObject({
      message: 'Accepting a bid needs the project to be OPEN_FOR_BIDS (it is AWARDED)',
      extensions: {
        code: 'CONFLICT',
        reason: 'BID_ALREADY_ACCEPTED',
        requiredStates: ['OPEN_FOR_BIDS'],
      },
    });
    const late = await rival.gql.request(
      'mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }',
      {
        input: {
          projectId: chain.projectId,
          organizationId: rival.organizationId,
          priceTiers: [{ minQuantity: 1, unitPriceFen: 100 }],
          moq: 1,
          leadTimeDays: 10,
          sampleCostFen: 0,
          note: '',
        },
      },
    );
    expect(late.errors?.[0].message).toBe(
      'Bidding needs the project to be OPEN_FOR_BIDS (it is AWARDED)',
    );
  });

  it("acting for another retailer's outlet names both organizations", async () => {
    const city = await factory.defaultCity();
    const owner = await factory.member(Role.RETAILER, 'Zhongjie Books');
    const other = await factory.member(Role.RETAILER, 'Taiyuan Street Gifts');
    const outletId = await createOutlet(owner, city);
    const response = await other.gql.request(
      'query($id: ID!) { placements(filter: { outletId: $id }) { totalCount } }',
      { id: outletId },
    );
    expect(response.errors?.[0]).toMatchObject({
      message:
        'This outlet belongs to organization Zhongjie Books; you are a member of Taiyuan Street Gifts. Ask an owner of Zhongjie Books to invite you',
      extensions: { code: 'FORBIDDEN', reason: 'NOT_OUTLET_MEMBER' },
    });
  });
});
