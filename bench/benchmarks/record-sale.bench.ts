import { withClient } from '../support/bench-database';
import { Benchmark } from '../support/benchmark';
import { httpLoad } from '../support/http-load';
import { interleaved, median, Sample } from '../support/interleaved';
import { cpuSeconds, serveApi, serveBaseline } from '../support/processes';
import { retailerToken, seedRetailOutlets } from '../fixtures/retail-outlets.fixture';

const RECORD_SALE = `mutation($input: RecordSaleInput!) {
  recordSale(input: $input) { alreadyRecorded sale { id } } }`;

/**
 * A new sale each request, spread over the 10 outlets × 20 products (the stock check locks the
 * product's row, so one hot product would measure that lock); sold within the last 30 days.
 */
function saleMaker(outletIds: string[], productIds: string[], side: string) {
  let n = 0;
  return () => {
    n += 1;
    return {
      outletId: outletIds[n % outletIds.length],
      productId: productIds[Math.floor(n / outletIds.length) % productIds.length],
      externalId: `${side}-${process.pid}-${n}`,
      quantity: 1 + (n % 3),
      unitPrice: 2500,
      soldAt: new Date(Date.now() - (n % 30) * 86_400_000 - 60_000).toISOString(),
    };
  };
}

/** `recordSale` through the production API, 50 clients, against the same insert from node:http + pg. */
export const recordSale: Benchmark = {
  name: 'record-sale',
  async run({ services, appEnv, pairs, durationSeconds, log }) {
    const history = 100_000;
    log(`seeding 10 outlets × 20 products and ${history} sales of history`);
    const city = await withClient(services.databaseUrl, async (client) => {
      const seeded = await seedRetailOutlets(client, 'record-sale', history);
      await client.query('ANALYZE');
      return seeded;
    });
    const api = await serveApi(appEnv);
    const bare = await serveBaseline('bare-record-sale.server.ts', {
      DATABASE_URL: services.databaseUrl,
    });
    try {
      const { token, userId } = await withClient(services.databaseUrl, async (client) => {
        const accessToken = await retailerToken(api.url, client, city.organizationId);
        const [{ user_id }] = (
          await client.query<{ user_id: string }>(
            `SELECT user_id FROM organization_member WHERE organization_id = $1`,
            [city.organizationId],
          )
        ).rows;
        return { token: accessToken, userId: user_id };
      });
      const viaApi = saleMaker(city.outletIds, city.productIds, `api-${Date.now()}`);
      const viaBare = saleMaker(city.outletIds, city.productIds, `bare-${Date.now()}`);
      /** Each side's load, with its server's CPU milliseconds per request in the details. */
      const load = async (side: 'api' | 'bare'): Promise<Sample> => {
        const pid = (side === 'api' ? api : bare).process.pid!;
        const cpuBefore = cpuSeconds(pid);
        const sample = await send(side);
        const cpuMs = ((cpuSeconds(pid) - cpuBefore) * 1000) / sample.details!.requests;
        return { ...sample, details: { ...sample.details, cpuMsPerRequest: cpuMs } };
      };
      const send = (side: 'api' | 'bare') =>
        side === 'api'
          ? httpLoad({
              url: `${api.url}/graphql`,
              connections: 50,
              durationSeconds,
              headers: { authorization: `Bearer ${token}` },
              body: () => JSON.stringify({ query: RECORD_SALE, variables: { input: viaApi() } }),
            })
          : httpLoad({
              url: `${bare.url}/sale`,
              connections: 50,
              durationSeconds,
              body: () => JSON.stringify({ ...viaBare(), userId }),
            });
      await load('api');
      await load('bare'); // warm both before measuring
      const result = await interleaved(
        pairs,
        () => load('api'),
        () => load('bare'),
      );
      const p99Ratios = result.project.map(
        (sample, i) => sample.details!.p99Ms / result.baseline[i].details!.p99Ms,
      );
      return {
        name: 'record-sale',
        project:
          'recordSale through the API in production mode (auth, validation, stock lock, facts, outbox), 50 connections',
        baseline: 'the same row from one INSERT … SELECT in a bare node:http + pg endpoint',
        unit: 'req/s',
        target: { min: 0.3 },
        scale: `10 outlets × 20 products, ${history} sales of history`,
        result,
        notes: [
          `server CPU per request: API ${result.medianProject.details!.cpuMsPerRequest.toFixed(2)} ms, bare ${result.medianBaseline.details!.cpuMsPerRequest.toFixed(2)} ms`,
          `p99 ratio (target ≤ 3×): median ${median(p99Ratios).toFixed(2)} (${p99Ratios.map((r) => r.toFixed(2)).join(', ')})`,
        ],
      };
    } finally {
      await Promise.all([api.stop(), bare.stop()]);
    }
  },
};
