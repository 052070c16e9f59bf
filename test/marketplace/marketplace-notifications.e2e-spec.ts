import Redis from 'ioredis';
import { Subscription, whenSubscribed, wsClient } from '../notification/ws-client';
import { seedCity, SeededCity } from '../support/catalog.factory';
import { IdentityFactory, TestMember, TestUser } from '../support/identity.factory';
import { eventually, startTestApp, TestApp } from '../support/test-app';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const KINDS = '{ notifications(first: 20) { edges { node { kind title projectId } } } }';

interface Kinds {
  notifications: { edges: { node: { kind: string; title: string; projectId: string | null } }[] };
}

describe('marketplace notifications', () => {
  let app: TestApp;
  let redis: Redis;
  let factory: IdentityFactory;
  let city: SeededCity;
  let owner: TestUser;

  beforeAll(async () => {
    app = await startTestApp();
    redis = new Redis(process.env.REDIS_URL!);
    factory = new IdentityFactory(app);
    city = await seedCity(app.db, 1);
    owner = await factory.talent();
  });

  afterAll(async () => {
    await redis.quit();
    await app.close();
  });

  const openProject = async () => {
    const { createProject } = await owner.gql.data<{ createProject: { id: string } }>(
      'mutation($input: CreateProjectInput!) { createProject(input: $input) { id } }',
      {
        input: {
          title: 'Paper-cut lanterns',
          description: 'Lanterns with Manchu paper-cut patterns.',
          cityId: city.cityId,
          category: 'PRODUCT',
          culturalResourceIds: city.resourceIds,
          processes: ['PAPER_CRAFT'],
          materials: ['rice paper'],
          quantity: 200,
          targetUnitCostFen: 3000,
          bidDeadline: inDays(7),
          deliveryDeadline: inDays(60),
        },
      },
    );
    await owner.gql.data('mutation($id: ID!) { publishProject(id: $id) { id } }', {
      id: createProject.id,
    });
    return createProject.id;
  };

  const bid = async (maker: TestMember, projectId: string) =>
    (
      await maker.gql.data<{ submitBid: { id: string } }>(
        'mutation($input: SubmitBidInput!) { submitBid(input: $input) { id } }',
        {
          input: {
            projectId,
            organizationId: maker.organizationId,
            priceTiers: [{ minQuantity: 1, unitPriceFen: 2850 }],
            moq: 50,
            leadTimeDays: 20,
            sampleCostFen: 0,
            note: '',
          },
        },
      )
    ).submitBid.id;

  it('pushes a new bid to the connected owner over the subscription', async () => {
    const projectId = await openProject();
    const client = wsClient(app, `Bearer ${owner.accessToken}`);
    const subscription = new Subscription<{
      notificationReceived: { kind: string; projectId: string };
    }>(client, 'subscription { notificationReceived { kind projectId } }');
    await whenSubscribed(redis, owner.id);

    await bid(await factory.manufacturer(), projectId);

    const received = await subscription.nth(0);
    expect(received.data?.notificationReceived).toEqual({ kind: 'BID_SUBMITTED', projectId });
    subscription.close();
    await client.dispose();
  });

  it('tells the winner, the losers and both sides of production', async () => {
    const projectId = await openProject();
    const [winner, loser] = await Promise.all([factory.manufacturer(), factory.manufacturer()]);
    const winningBid = await bid(winner, projectId);
    await bid(loser, projectId);
    const { acceptBid } = await owner.gql.data<{ acceptBid: { id: string } }>(
      'mutation($id: ID!) { acceptBid(bidId: $id) { id } }',
      { id: winningBid },
    );

    const kindsOf = async (user: TestUser) =>
      (await user.gql.data<Kinds>(KINDS)).notifications.edges
        .map((edge) => edge.node)
        .filter((node) => node.projectId === projectId)
        .map((node) => node.kind);
    expect(await kindsOf(winner)).toEqual(['BID_ACCEPTED']);
    expect(await kindsOf(loser)).toEqual(['BID_REJECTED']);

    await winner.gql.data('mutation($id: ID!) { submitSample(orderId: $id) { stage } }', {
      id: acceptBid.id,
    });
    const ownerKinds = await eventually(async () => {
      const kinds = await kindsOf(owner);
      return kinds.includes('PRODUCTION_MILESTONE') && kinds;
    });
    expect(ownerKinds.sort()).toEqual(['BID_SUBMITTED', 'BID_SUBMITTED', 'PRODUCTION_MILESTONE']);
    // The actor is not notified of their own move.
    expect(await kindsOf(winner)).toEqual(['BID_ACCEPTED']);
  });
});
