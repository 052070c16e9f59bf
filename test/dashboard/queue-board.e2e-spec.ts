import { QueueName } from '@cc/queue';
import { IdentityFactory, TestOfficial, TestUser } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

describe('operators: Bull Board at /admin/queues', () => {
  let app: TestApp;
  let admin: TestUser;
  let talent: TestUser;
  let official: TestOfficial;

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${app.baseUrl}${path}`, { headers, redirect: 'manual' });
  const bearer = (user: TestUser) => ({ authorization: `Bearer ${user.accessToken}` });
  const reasonOf = async (response: Response) =>
    ((await response.json()) as { error: { reason: string } }).error.reason;

  beforeAll(async () => {
    app = await startTestApp();
    const identity = new IdentityFactory(app);
    admin = await identity.admin();
    [talent, official] = await Promise.all([identity.talent(), identity.official({ admin })]);
  });

  afterAll(() => app?.close());

  it('is refused with 401 without credentials or with a bad token', async () => {
    for (const path of ['/admin/queues', '/admin/queues/api/queues']) {
      const anonymous = await get(path);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('www-authenticate')).toBe('Bearer');
      expect(await anonymous.json()).toEqual({
        error: {
          code: 'UNAUTHENTICATED',
          reason: 'UNAUTHENTICATED',
          message: 'Sign in to do this',
        },
      });
    }
    const forged = await get('/admin/queues', { authorization: 'Bearer not-a-jwt' });
    expect(forged.status).toBe(401);
    expect(await reasonOf(forged)).toBe('TOKEN_INVALID');
    const malformed = await get('/admin/queues', { authorization: 'Basic YWRtaW46YWRtaW4=' });
    expect(malformed.status).toBe(401);
    expect(await reasonOf(malformed)).toBe('TOKEN_INVALID');
  });

  it('is refused with 403 to signed-in users who are not ADMIN', async () => {
    for (const user of [talent, official]) {
      const response = await get('/admin/queues/api/queues', bearer(user));
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({
        error: { code: 'FORBIDDEN', reason: 'ROLE_REQUIRED' },
      });
    }
  });

  it('shows an ADMIN every queue of the registry', async () => {
    const page = await get('/admin/queues', bearer(admin));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    expect(await page.text()).toContain('/admin/queues');
    const api = await get('/admin/queues/api/queues', bearer(admin));
    expect(api.status).toBe(200);
    const { queues } = (await api.json()) as { queues: { name: string }[] };
    expect(queues.map((queue) => queue.name).sort()).toEqual(Object.values(QueueName).sort());
  });

  it('trades an ADMIN bearer token for an HttpOnly cookie the board accepts', async () => {
    const post = (headers: Record<string, string>) =>
      fetch(`${app.baseUrl}/admin/queues/session`, { method: 'POST', headers });
    expect((await post({})).status).toBe(401);
    const refused = await post(bearer(talent));
    expect(refused.status).toBe(403);
    expect(refused.headers.get('set-cookie')).toBeNull();

    const granted = await post(bearer(admin));
    expect(granted.status).toBe(204);
    const cookie = granted.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^cc_queue_board=[^;]+;/);
    expect(cookie).toContain('Path=/admin/queues');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    expect(cookie).toMatch(/Expires=/);
    const pair = cookie.split(';')[0];
    const viaCookie = await get('/admin/queues/api/queues', { cookie: pair });
    expect(viaCookie.status).toBe(200);

    // A non-admin's token in the cookie is refused like in the header.
    const talentCookie = await get('/admin/queues/api/queues', {
      cookie: `cc_queue_board=${talent.accessToken}`,
    });
    expect(talentCookie.status).toBe(403);
  });
});
