import { CloseCode } from 'graphql-ws';
import Redis from 'ioredis';
import { NotificationKind, NotificationService } from '@cc/notification';
import { IdentityFactory, TestUser } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';
import { ClosedSocket, Subscription, whenSubscribed, wsClient } from './ws-client';

const RECEIVED = `subscription { notificationReceived { id kind title body read createdAt projectId } }`;

interface Received {
  notificationReceived: {
    id: string;
    kind: NotificationKind;
    title: string;
    body: string;
    read: boolean;
    createdAt: string;
    projectId: string | null;
  };
}

const message = (title: string) => ({
  kind: NotificationKind.BID_SUBMITTED,
  title,
  body: 'A manufacturer bid on your project.',
  payload: { projectId: '55555555-5555-4555-8555-555555555555' },
});

describe('notificationReceived over graphql-ws, through Redis', () => {
  let appA: TestApp;
  let appB: TestApp;
  let redis: Redis;
  let factory: IdentityFactory;
  let owner: TestUser;
  let stranger: TestUser;
  const clients: { dispose(): void | Promise<void> }[] = [];
  const client = (app: TestApp, authorization?: string) => {
    const created = wsClient(app, authorization);
    clients.push(created);
    return created;
  };

  beforeAll(async () => {
    // Two api replicas in one process: nothing is shared between them but PostgreSQL and Redis.
    [appA, appB] = await Promise.all([startTestApp(), startTestApp()]);
    redis = new Redis(process.env.REDIS_URL!);
    factory = new IdentityFactory(appA);
    [owner, stranger] = await Promise.all([factory.talent(), factory.talent()]);
  });

  afterAll(async () => {
    await Promise.all(clients.map((created) => created.dispose()));
    await redis.quit();
    await Promise.all([appA?.close(), appB?.close()]);
  });

  it('delivers the viewer’s own notification, and not someone else’s', async () => {
    const subscription = new Subscription<Received>(
      client(appA, `Bearer ${owner.accessToken}`),
      RECEIVED,
    );
    await whenSubscribed(redis, owner.id);

    const service = appA.api.get(NotificationService);
    await service.notify([stranger.id], message('For the stranger'));
    const [stored] = await service.notify([owner.id], message('For the owner'));

    // Redis keeps the publish order, so had the stranger's arrived it would be first.
    const first = await subscription.nth(0);
    expect(first.errors).toBeUndefined();
    expect(first.data?.notificationReceived).toEqual({
      id: stored.id,
      kind: 'BID_SUBMITTED',
      title: 'For the owner',
      body: 'A manufacturer bid on your project.',
      read: false,
      createdAt: stored.createdAt.toISOString(),
      projectId: '55555555-5555-4555-8555-555555555555',
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(subscription.results).toHaveLength(1);

    // Completing the subscription releases the Redis subscription.
    subscription.close();
    await whenSubscribed(redis, owner.id, 0);
  });

  it('reaches a client on replica B when replica A notifies (cross-replica)', async () => {
    const onB = new Subscription<Received>(client(appB, `Bearer ${owner.accessToken}`), RECEIVED);
    await whenSubscribed(redis, owner.id);

    const [stored] = await appA.api.get(NotificationService).notify([owner.id], message('Via A'));

    const result = await onB.nth(0);
    expect(result.data?.notificationReceived).toMatchObject({ id: stored.id, title: 'Via A' });
    onB.close();
  });

  it('fans out to every socket of the user, on both replicas, with one Redis subscription per replica', async () => {
    const sockets = [appA, appA, appB].map(
      (app) => new Subscription<Received>(client(app, `Bearer ${stranger.accessToken}`), RECEIVED),
    );
    await whenSubscribed(redis, stranger.id, 2);
    const [stored] = await appB.api
      .get(NotificationService)
      .notify([stranger.id], message('Fan-out'));
    for (const socket of sockets) {
      expect((await socket.nth(0)).data?.notificationReceived.id).toBe(stored.id);
    }
    const [, count] = (await redis.pubsub(
      'NUMSUB',
      `${process.env.QUEUE_PREFIX}:notifications:user:${stranger.id}`,
    )) as [string, number];
    expect(Number(count)).toBe(2);
    sockets.forEach((socket) => socket.close());
    await whenSubscribed(redis, stranger.id, 0);
  });

  it('refuses the subscription without a token: UNAUTHENTICATED', async () => {
    const anonymous = new Subscription<Received>(client(appA), RECEIVED);
    const result = await anonymous.nth(0);
    expect(result.data ?? null).toBeNull();
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'UNAUTHENTICATED',
    });
    await anonymous.ended();
    expect(anonymous.completed).toBe(true);
  });

  it.each([
    ['a forged token', 'Bearer not.a.jwt', 'TOKEN_INVALID'],
    ['a malformed header', 'Token abc', 'TOKEN_INVALID'],
  ])('closes the socket for %s (4403 with the reason)', async (_label, authorization, reason) => {
    const refused = new Subscription<Received>(client(appA, authorization), RECEIVED);
    await refused.ended();
    expect(refused.results).toEqual([]);
    const closed = refused.error as ClosedSocket;
    expect(closed.code).toBe(CloseCode.Forbidden);
    expect(closed.reason).toBe(reason);
  });

  it('closes the socket when the session was revoked (logout)', async () => {
    const user = await factory.talent();
    await user.gql.data('mutation { logout }');
    const refused = new Subscription<Received>(
      client(appB, `Bearer ${user.accessToken}`),
      RECEIVED,
    );
    await refused.ended();
    expect((refused.error as ClosedSocket).code).toBe(CloseCode.Forbidden);
    expect((refused.error as ClosedSocket).reason).toBe('SESSION_REVOKED');
  });

  it('carries only subscriptions: queries and mutations go over HTTP', async () => {
    const query = new Subscription(
      client(appA, `Bearer ${owner.accessToken}`),
      '{ notifications { totalCount } }',
    );
    await query.ended();
    expect(query.results).toEqual([]);
    expect(query.error).toEqual([
      expect.objectContaining({
        extensions: { code: 'BAD_USER_INPUT', reason: 'SUBSCRIPTIONS_ONLY' },
      }),
    ]);
  });

  it('answers a syntax error or an unknown field as BAD_USER_INPUT, keeping the socket', async () => {
    const socket = client(appA, `Bearer ${owner.accessToken}`);
    const broken = new Subscription(socket, 'subscription { notificationReceived { id ');
    await broken.ended();
    expect((broken.error as { extensions: unknown }[])[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'GRAPHQL_PARSE_FAILED',
    });
    const unknown = new Subscription(socket, 'subscription { notificationReceived { nope } }');
    await unknown.ended();
    expect((unknown.error as { extensions: unknown }[])[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'GRAPHQL_VALIDATION_FAILED',
    });
    // Same socket, still usable.
    const fine = new Subscription<Received>(socket, RECEIVED);
    await whenSubscribed(redis, owner.id);
    const [stored] = await appA.api
      .get(NotificationService)
      .notify([owner.id], message('Still here'));
    expect((await fine.nth(0)).data?.notificationReceived.id).toBe(stored.id);
    fine.close();
  });
});
