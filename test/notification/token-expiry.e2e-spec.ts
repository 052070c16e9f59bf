import { CloseCode, createClient } from 'graphql-ws';
import Redis from 'ioredis';
import WebSocket from 'ws';
import { NotificationKind, NotificationService } from '@cc/notification';
import { withEnv } from '../support/env-override';
import { IdentityFactory } from '../support/identity.factory';
import { eventually, startTestApp, TestApp } from '../support/test-app';
import { ClosedSocket, Subscription, whenSubscribed } from './ws-client';

const RECEIVED = 'subscription { notificationReceived { id title } }';
const REFRESH = `mutation($refreshToken: String!) {
  refreshSession(refreshToken: $refreshToken) { accessToken refreshToken }
}`;

describe('a subscription socket lives no longer than its access token', () => {
  const env = withEnv({ JWT_ACCESS_TTL_SECONDS: '2' });
  let app: TestApp;
  let redis: Redis;

  beforeAll(async () => {
    app = await startTestApp();
    redis = new Redis(process.env.REDIS_URL!);
  });

  afterAll(async () => {
    await redis.quit();
    await app?.close();
    env.restore();
  });

  it('closes with 4403 TOKEN_EXPIRED at expiry and releases the Redis subscription', async () => {
    const user = await new IdentityFactory(app).talent();
    const client = createClient({
      url: `${app.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${user.accessToken}` },
      retryAttempts: 0,
    });
    const subscription = new Subscription(client, RECEIVED);
    await whenSubscribed(redis, user.id);
    await subscription.ended(5_000);
    expect(subscription.error as ClosedSocket).toMatchObject({
      code: CloseCode.Forbidden,
      reason: 'TOKEN_EXPIRED',
    });
    await whenSubscribed(redis, user.id, 0);
    await client.dispose();
  });

  it('a client that refreshes its token in connectionParams reconnects and keeps receiving', async () => {
    const user = await new IdentityFactory(app).talent();
    let refreshToken = user.refreshToken;
    let connections = 0;
    const client = createClient({
      url: `${app.baseUrl.replace(/^http/, 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      // Called for every (re)connection: the usual place to refresh an access token.
      connectionParams: async () => {
        connections += 1;
        if (connections === 1) return { authorization: `Bearer ${user.accessToken}` };
        const { refreshSession } = await app.gql.data<{
          refreshSession: { accessToken: string; refreshToken: string };
        }>(REFRESH, { refreshToken });
        refreshToken = refreshSession.refreshToken;
        return { authorization: `Bearer ${refreshSession.accessToken}` };
      },
      retryAttempts: 3,
      retryWait: async () => undefined,
    });
    const subscription = new Subscription<{ notificationReceived: { id: string } }>(
      client,
      RECEIVED,
    );
    await whenSubscribed(redis, user.id);
    await eventually(async () => connections >= 2 || undefined, 5_000);

    // The new socket subscribes a moment after it connects: notify until one arrives.
    const service = app.api.get(NotificationService);
    const sent = new Set<string>();
    const received = await eventually(async () => {
      const [stored] = await service.notify([user.id], {
        kind: NotificationKind.GENERAL,
        title: 'After the refresh',
        body: '',
      });
      sent.add(stored.id);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return subscription.results[0];
    }, 5_000);
    expect(sent.has(received.data!.notificationReceived.id)).toBe(true);
    expect(subscription.error).toBeUndefined();
    subscription.close();
    await client.dispose();
  });
});
