import { createOutlet } from '../retail/retail-test-kit';
import { withEnv } from '../support/env-override';
import { IdentityFactory, TestMember, testIp } from '../support/identity.factory';
import { startTestApp, TestApp } from '../support/test-app';

const CSV = 'external_id,product_id,quantity,unit_price,sold_at\n';

/** The outcome of a REST call: 'ok' (2xx) or the error's reason. */
async function outcome(response: Response): Promise<string> {
  if (response.ok) return 'ok';
  const body = (await response.json()) as { error?: { reason?: string } };
  return String(body.error?.reason ?? response.status);
}

const repeat = <T>(count: number, value: T): T[] => Array.from({ length: count }, () => value);

/**
 * The bulk sales import's REST routes count like GraphQL: every call spends the general budgets,
 * and only an upload spends the `upload` budget, so an uploader that polls its import's status
 * keeps its uploads.
 */
describe('rate limits of the sales import routes (production mode, production budgets)', () => {
  let app: TestApp;
  let factory: IdentityFactory;
  // the per-address budget is lowered so that the test spends it quickly; the others
  // (upload 10 per hour per account) are the production defaults
  const env = withEnv({ NODE_ENV: 'production', RATE_LIMITS: 'ip=25/60' });

  beforeAll(async () => {
    app = await startTestApp();
    factory = new IdentityFactory(app);
  });

  afterAll(async () => {
    await app.close();
    env.restore();
  });

  const retailerWithOutlet = async () => {
    const retailer = await factory.retailer();
    return { retailer, outletId: await createOutlet(retailer, await factory.defaultCity()) };
  };
  const upload = (retailer: TestMember, outletId: string, ip: string) => {
    const form = new FormData();
    form.append('file', new Blob([CSV], { type: 'text/csv' }), 'sales.csv');
    return fetch(`${app.baseUrl}/retail/outlets/${outletId}/sales-imports`, {
      method: 'POST',
      headers: { authorization: `Bearer ${retailer.accessToken}`, 'x-forwarded-for': ip },
      body: form,
    });
  };
  const status = (retailer: TestMember, path: string, ip: string) =>
    fetch(`${app.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${retailer.accessToken}`, 'x-forwarded-for': ip },
    });

  it('status reads leave the upload budget alone: after polling, the uploader still has its 10 uploads an hour', async () => {
    const { retailer, outletId } = await retailerWithOutlet();
    const first = await upload(retailer, outletId, testIp());
    expect(first.status).toBe(202);
    const { statusPath } = (await first.json()) as { statusPath: string };

    const polls: string[] = [];
    const pollingIp = testIp();
    for (let poll = 0; poll < 20; poll += 1) {
      polls.push(await outcome(await status(retailer, statusPath, pollingIp)));
    }
    expect(polls).toEqual(repeat(20, 'ok'));

    const uploads: string[] = [];
    const uploadingIp = testIp();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      uploads.push(await outcome(await upload(retailer, outletId, uploadingIp)));
    }
    // 9 more make the 10 of the hour; the next is refused
    expect(uploads).toEqual([...repeat(9, 'ok'), 'RATE_LIMITED']);
  });

  it('status reads spend the general budget per address', async () => {
    const { retailer, outletId } = await retailerWithOutlet();
    const uploaded = await upload(retailer, outletId, testIp());
    expect(uploaded.status).toBe(202);
    const { statusPath } = (await uploaded.json()) as { statusPath: string };

    const polls: string[] = [];
    const ip = testIp();
    for (let poll = 0; poll < 26; poll += 1) {
      polls.push(await outcome(await status(retailer, statusPath, ip)));
    }
    expect(polls).toEqual([...repeat(25, 'ok'), 'RATE_LIMITED']);
    // HTTP clients and proxies understand a refusal to go faster as 429 with Retry-After
    const refused = await status(retailer, statusPath, ip);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // another address is not affected
    expect(await outcome(await status(retailer, statusPath, testIp()))).toBe('ok');
  });
});
