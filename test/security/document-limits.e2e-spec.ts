import { Client } from 'graphql-ws';
import { wsClient } from '../notification/ws-client';
import { withEnv } from '../support/env-override';
import { startTestApp, TestApp } from '../support/test-app';

/** `query { ...F<levels> }` where each fragment spreads the previous one twice: 2^levels fields. */
function fanOut(levels: number, root = { operation: 'query', type: 'Query' }): string {
  const leaf =
    root.type === 'Query' ? 'cities(first: 1) { totalCount }' : 'notificationReceived { id }';
  const fragments = [`fragment F0 on ${root.type} { ${leaf} }`];
  for (let k = 1; k <= levels; k += 1) {
    fragments.push(`fragment F${k} on ${root.type} { ...F${k - 1} ...F${k - 1} }`);
  }
  return `${root.operation} { ...F${levels} } ${fragments.join(' ')}`;
}

/** CPU time (user + system) this process spent while `work` ran; the app runs in-process. */
async function cpuMillis<T>(work: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const before = process.cpuUsage();
  const result = await work();
  const used = process.cpuUsage(before);
  return { result, cpuMs: (used.user + used.system) / 1000 };
}

describe('fragment fan-out is refused at a cost linear in the document (production mode)', () => {
  let app: TestApp;
  let socket: Client | undefined;
  const env = withEnv({ NODE_ENV: 'production' });

  beforeAll(async () => {
    app = await startTestApp();
    // warm up the Apollo pipeline so the measured request pays for no lazy start-up
    await app.gql.request('{ __typename }');
  });

  afterAll(async () => {
    await socket?.dispose();
    await app.close();
    env.restore();
  });

  it('refuses 30 levels of fan-out over HTTP within 100 ms of CPU', async () => {
    const { result, cpuMs } = await cpuMillis(() => app.gql.request(fanOut(30)));
    expect(result.status).toBe(400);
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TOO_MANY_FIELDS',
    });
    expect(cpuMs).toBeLessThan(100);
  });

  it('refuses the same fan-out inside a batch, and the server stays responsive', async () => {
    const { result, cpuMs } = await cpuMillis(() =>
      app.gql.post<{ errors?: { extensions: { reason: string } }[] }[]>([
        { query: fanOut(30) },
        { query: '{ __typename }' },
      ]),
    );
    expect(result[0].errors?.[0].extensions.reason).toBe('TOO_MANY_FIELDS');
    expect(result[1].errors).toBeUndefined();
    expect(cpuMs).toBeLessThan(100);
  });

  it('refuses it over WebSocket within 100 ms of CPU', async () => {
    socket = wsClient(app);
    const subscription = fanOut(30, { operation: 'subscription', type: 'Subscription' });
    const { result, cpuMs } = await cpuMillis(
      () =>
        new Promise<unknown>((resolve) => {
          socket!.subscribe(
            { query: subscription },
            { next: resolve, error: resolve, complete: () => resolve('completed') },
          );
        }),
    );
    expect(JSON.stringify(result)).toMatch(/TOO_MANY_FIELDS/);
    expect(cpuMs).toBeLessThan(100);
  });

  it('refuses a query text over 15,000 characters before parsing it', async () => {
    const query = (length: number) => {
      const body = '{ __typename }';
      return `${'#'.repeat(length - body.length - 1)}\n${body}`;
    };
    expect((await app.gql.request(query(15_000))).errors).toBeUndefined();
    const response = await app.gql.request(query(15_001));
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      message: 'The query is 15001 characters long; the limit is 15000',
      extensions: { code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_LONG' },
    });
  });

  it('stops parsing after 3,000 tokens', async () => {
    const response = await app.gql.request(`{ __typename(${'a:1 '.repeat(1100)}) }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(response.errors?.[0].message).toMatch(/more tha.? 3000 tokens/);
  });

  it('refuses more than 20 directives (graphql-armor)', async () => {
    const response = await app.gql.request(`{ __typename ${'@skip(if: false) '.repeat(21)} }`);
    expect(response.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'TOO_MANY_DIRECTIVES',
    });
  });

  it('takes at most 5 operations per batch', async () => {
    const operation = { query: '{ __typename }' };
    const five = await app.gql.post<unknown[]>(Array.from({ length: 5 }, () => operation));
    expect(five).toHaveLength(5);
    const six = await app.gql.post<{ errors: { extensions: { reason: string } }[] }>(
      Array.from({ length: 6 }, () => operation),
    );
    expect(six.status).toBe(400);
    expect(six.errors[0].extensions.reason).toBe('TOO_MANY_OPERATIONS');
  });

  it('still answers a moderate fragment reuse', async () => {
    const response = await app.gql.request(fanOut(3));
    expect(response.errors).toBeUndefined();
  });
});
