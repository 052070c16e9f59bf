import { CloseCode, createClient } from 'graphql-ws';
import Redis from 'ioredis';
import WebSocket from 'ws';
import {
  ClosedSocket,
  Subscription,
  subscribersOf,
  whenSubscribed,
} from '../notification/ws-client';
import { withEnv } from '../support/env-override';
import { IdentityFactory } from '../support/identity.factory';
import { eventually, startTestApp, TestApp } from '../support/test-app';

describe('WebSocket limits (production mode)', () => {
  const env = withEnv({
    NODE_ENV: 'production',
    HTTP_BODY_LIMIT: '64kb',
    WS_SESSION_CHECK_SECONDS: '1',
  });
  let app: TestApp;
  let redis: Redis;

  beforeAll(async () => {
    app = await startTestApp();
    redis = new Redis(process.env.REDIS_URL!);
  });

  afterAll(async () => {
    await redis.quit();
    await app.close();
    env.restore();
  });

  const url = () => `${app.baseUrl.replace(/^http/, 'ws')}/graphql`;

  it('closes a socket that sends a frame over the HTTP body limit (1009)', async () => {
    const socket = new WebSocket(url(), 'graphql-transport-ws');
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)));
    socket.send(
      JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(65 * 1024) } }),
    );
    expect(await closed).toBe(1009);
  });

  it('still takes a frame under the limit', async () => {
    const socket = new WebSocket(url(), 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    const acked = new Promise<string>((resolve) =>
      socket.once('message', (data) => resolve(String(data))),
    );
    socket.send(
      JSON.stringify({ type: 'connection_init', payload: { pad: 'x'.repeat(60 * 1024) } }),
    );
    expect(JSON.parse(await acked)).toEqual({ type: 'connection_ack' });
    socket.close();
  });

  it('closes the socket soon after its session is revoked (logout everywhere)', async () => {
    const user = await new IdentityFactory(app).talent();
    const client = createClient({
      url: url(),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${user.accessToken}` },
      retryAttempts: 0,
    });
    const subscription = new Subscription(client, 'subscription { notificationReceived { id } }');
    await whenSubscribed(redis, user.id);
    await user.gql.data('mutation { logout(everywhere: true) }');
    await subscription.ended(5_000);
    expect(subscription.error as ClosedSocket).toMatchObject({
      code: CloseCode.Forbidden,
      reason: 'SESSION_REVOKED',
    });
    // and its Redis subscription is released
    await eventually(async () => (await subscribersOf(redis, user.id)) === 0);
    await client.dispose();
  });
});
