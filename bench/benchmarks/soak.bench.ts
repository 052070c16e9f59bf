import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { QueueName } from '../../libs/queue/src/queue.constants';
import { withClient } from '../support/bench-database';
import { Benchmark } from '../support/benchmark';
import { httpLoad } from '../support/http-load';
import { Inspector } from '../support/inspector';
import { median, Sample } from '../support/interleaved';
import { freePort, ROOT, serveApi, Served, serveWorker } from '../support/processes';

/** The benchmark rate: paced, so a leak shows as growth rather than as load. */
const READS_PER_SECOND = 20;
const SALES_PER_SECOND = 2;
const IMPORT_EVERY_SECONDS = 60;
const IMPORT_ROWS = 200;
/** Heap, RSS and queues are sampled after every segment of load. */
const SEGMENT_SECONDS = 10;
const MAX_RETAINED_GROWTH = 1.1;
/** Jobs waiting at the end may exceed those at the end of warm-up by this much (bursts). */
const QUEUE_SLACK = 20;
const DEMO_PASSWORD = 'creative-chain-demo';

const READ = JSON.stringify({
  query: `{ projects(first: 20) { totalCount edges { node { id title state owner { displayName } bidCount } } } }`,
});
const RECORD_SALE = `mutation($input: RecordSaleInput!) { recordSale(input: $input) { sale { id } } }`;
const IMPORT_STATUS = `query($id: ID!) { salesImport(id: $id) { status failureReason } }`;

interface Seller {
  token: string;
  outletId: string;
  productId: string;
}

const rssMb = (pid: number): number =>
  Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;

/** The seeded demo city (apps/seed): accounts, placements with delivered stock. */
async function seedDemoCity(databaseUrl: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const child = spawn(
      join(ROOT, 'node_modules/.bin/tsx'),
      ['apps/seed/src/main.ts', '--scale', '1', '--seed', 'soak', '--database-url', databaseUrl],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr!.on(
      'data',
      (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)),
    );
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`seed exited ${code}: ${stderr}`)),
    );
  });
}

/** A retailer's active placement with the most units left to sell, and its member signed in. */
async function seller(databaseUrl: string, api: Served): Promise<Seller> {
  const [row] = await withClient(databaseUrl, async (client) => {
    const { rows } = await client.query(
      `SELECT u.email, pl.outlet_id, pl.product_id
         FROM placement pl
         JOIN organization_member m ON m.organization_id = pl.organization_id
         JOIN user_account u ON u.id = m.user_id
         JOIN product p ON p.id = pl.product_id
         JOIN production_order po ON po.project_id = p.project_id
        WHERE pl.state = 'ACTIVE'
        ORDER BY po.quantity_delivered
                 - coalesce((SELECT sum(quantity) FROM sale s WHERE s.product_id = p.id), 0) DESC,
                 pl.id
        LIMIT 1`,
    );
    return rows as { email: string; outlet_id: string; product_id: string }[];
  });
  const login = await graphql<{ login: { accessToken: string } }>(
    api,
    `
      mutation ($email: String!, $password: String!) {
        login(email: $email, password: $password) {
          accessToken
        }
      }
    `,
    { email: row.email, password: DEMO_PASSWORD },
  );
  return { token: login.login.accessToken, outletId: row.outlet_id, productId: row.product_id };
}

async function graphql<T>(
  api: Served,
  query: string,
  variables: Record<string, unknown>,
  token?: string,
): Promise<T> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token && { authorization: `Bearer ${token}` }),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (!response.ok || body.errors)
    throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(body)}`);
  return body.data!;
}

/** Uploads a CSV of IMPORT_ROWS sales and waits until it is COMPLETED (anything else fails). */
async function importSales(api: Served, seller: Seller, batch: number): Promise<void> {
  const soldAt = new Date().toISOString();
  const lines = ['external_id,product_id,quantity,unit_price,sold_at'];
  for (let i = 1; i <= IMPORT_ROWS; i += 1)
    lines.push(`SOAK-IMPORT-${batch}-${i},${seller.productId},1,100,${soldAt}`);
  const form = new FormData();
  form.append('file', new Blob([lines.join('\n') + '\n'], { type: 'text/csv' }), 'soak.csv');
  const response = await fetch(`${api.url}/retail/outlets/${seller.outletId}/sales-imports`, {
    method: 'POST',
    headers: { authorization: `Bearer ${seller.token}` },
    body: form,
  });
  if (response.status !== 202) throw new Error(`import upload: ${response.status}`);
  const { id } = (await response.json()) as { id: string };
  for (;;) {
    const { salesImport } = await graphql<{
      salesImport: { status: string; failureReason: string | null };
    }>(api, IMPORT_STATUS, { id }, seller.token);
    if (salesImport.status === 'COMPLETED') return;
    if (salesImport.status === 'FAILED')
      throw new Error(`import failed: ${salesImport.failureReason}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Starts a process with an inspector on a free port and connects to it. */
async function inspected(
  start: (nodeArgs: string[]) => Promise<Served>,
): Promise<{ served: Served; inspector: Inspector }> {
  const port = await freePort();
  const served = await start([`--inspect=127.0.0.1:${port}`]);
  return { served, inspector: await Inspector.connect(port) };
}

/**
 * Soak: the api and the worker under a steady mix (reads, recordSale, an import a minute) for
 * `--seconds` (300 for the real run). Fails on any error, on growth past 10% of either
 * process's retained memory (V8 heap in use + external, after a forced full GC) between the end
 * of warm-up (the first fifth) and the end, or on a growing queue. RSS is reported beside it but
 * not judged: V8 keeps enlarging the heap it reserves (and rarely returns it) after what it
 * retains is flat, so RSS rises through warm-up and sawtooths with GC; a leak is retained memory
 * that keeps growing.
 * BENCH_HEAP_SNAPSHOTS=<dir> also writes api heap snapshots at the end of warm-up and at the
 * end, for `tsx bench/heap-summary.ts <early> <late>`.
 */
export const soak: Benchmark = {
  name: 'soak',
  defaultSeconds: 300,
  async run({ services, appEnv, durationSeconds, log }) {
    log('seeding the demo city');
    await seedDemoCity(services.databaseUrl);
    const { served: api, inspector: apiInspector } = await inspected((args) =>
      serveApi(appEnv, args),
    );
    const { served: worker, inspector: workerInspector } = await inspected((args) =>
      serveWorker(appEnv, args),
    );
    const snapshots = process.env.BENCH_HEAP_SNAPSHOTS;
    if (snapshots) mkdirSync(snapshots, { recursive: true });
    const connection = new Redis(services.redisUrl, { maxRetriesPerRequest: null });
    const queues = Object.values(QueueName).map(
      (name) => new Queue(name, { connection, prefix: services.queuePrefix }),
    );
    try {
      const sellerOf = await seller(services.databaseUrl, api);
      let saleNumber = 0;
      const saleBody = () =>
        JSON.stringify({
          query: RECORD_SALE,
          variables: {
            input: {
              outletId: sellerOf.outletId,
              productId: sellerOf.productId,
              quantity: 1,
              unitPrice: 100,
              soldAt: new Date().toISOString(),
              externalId: `SOAK-${(saleNumber += 1)}`,
            },
          },
        });
      const waiting = async () =>
        (await Promise.all(queues.map((queue) => queue.getWaitingCount()))).reduce(
          (sum, count) => sum + count,
          0,
        );
      interface Reading {
        at: number;
        apiMb: number;
        workerMb: number;
        apiRssMb: number;
        workerRssMb: number;
        waiting: number;
      }
      const samples: Reading[] = [];
      const sample = async (at: number) => {
        // RSS first: the forced collection below would flatten the sawtooth it shows.
        const [apiRssMb, workerRssMb] = [rssMb(api.process.pid!), rssMb(worker.process.pid!)];
        samples.push({
          at,
          apiMb: await apiInspector.retainedAfterGcMb(),
          workerMb: await workerInspector.retainedAfterGcMb(),
          apiRssMb,
          workerRssMb,
          waiting: await waiting(),
        });
        const last = samples[samples.length - 1];
        log(
          `${at} s: retained after GC (heap + external) api ${last.apiMb.toFixed(1)} MB, worker ${last.workerMb.toFixed(1)} MB; RSS api ${apiRssMb.toFixed(0)} MB, worker ${workerRssMb.toFixed(0)} MB; waiting ${last.waiting}`,
        );
      };
      const snapshot = async (name: string) => {
        if (!snapshots) return;
        const path = join(snapshots, `api-${name}.heapsnapshot`);
        await apiInspector.writeHeapSnapshot(path);
        log(`wrote ${path}`);
      };

      const started = Date.now();
      let imports = 0;
      let importFailure: unknown;
      const importing = (async () => {
        while (Date.now() - started < durationSeconds * 1000) {
          const next = started + (imports + 1) * IMPORT_EVERY_SECONDS * 1000;
          await importSales(api, sellerOf, imports).catch(
            (error: unknown) => (importFailure ??= error),
          );
          imports += 1;
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, next - Date.now())));
        }
      })();
      let reads = 0;
      let sales = 0;
      await sample(0);
      let warmedUp = false;
      for (let elapsed = 0; elapsed < durationSeconds; elapsed += SEGMENT_SECONDS) {
        if (!warmedUp && elapsed >= durationSeconds / 5) {
          warmedUp = true;
          await snapshot('early');
        }
        const seconds = Math.min(SEGMENT_SECONDS, durationSeconds - elapsed);
        const [read, sold] = await Promise.all([
          httpLoad({
            url: `${api.url}/graphql`,
            connections: 4,
            overallRate: READS_PER_SECOND,
            durationSeconds: seconds,
            body: READ,
          }),
          httpLoad({
            url: `${api.url}/graphql`,
            connections: 2,
            overallRate: SALES_PER_SECOND,
            durationSeconds: seconds,
            headers: { authorization: `Bearer ${sellerOf.token}` },
            body: saleBody,
          }),
        ]);
        reads += read.details!.requests;
        sales += sold.details!.requests;
        await sample(elapsed + seconds);
      }
      await importing;
      if (importFailure) throw importFailure;
      await snapshot('late');

      // Compare the median of the first third after warm-up (the first fifth) with the median
      // of the last third, not two single samples.
      const warm = samples.filter((s) => s.at >= durationSeconds / 5);
      const third = Math.max(1, Math.floor(warm.length / 3));
      const [early, late] = [warm.slice(0, third), warm.slice(-third)];
      const window = (of: typeof warm): Sample => {
        const mb = (key: keyof Reading, digits: number) =>
          Number(median(of.map((s) => s[key])).toFixed(digits));
        return {
          value: 0,
          details: {
            apiMb: mb('apiMb', 1),
            workerMb: mb('workerMb', 1),
            apiRssMb: mb('apiRssMb', 0),
            workerRssMb: mb('workerRssMb', 0),
            waiting: mb('waiting', 0),
          },
        };
      };
      const [before, after] = [window(early), window(late)];
      const apiRatio = after.details!.apiMb / before.details!.apiMb;
      const workerRatio = after.details!.workerMb / before.details!.workerMb;
      if (after.details!.waiting > before.details!.waiting + QUEUE_SLACK)
        throw new Error(
          `queue growing: ${before.details!.waiting} jobs waiting after warm-up, ${after.details!.waiting} at the end`,
        );
      const grewMost = apiRatio >= workerRatio ? 'apiMb' : 'workerMb';
      before.value = before.details![grewMost];
      after.value = after.details![grewMost];
      return {
        name: 'soak',
        project: `memory retained after a forced full GC (V8 heap in use + external) at the end (MB, median of the last third; the process that grew most): ${durationSeconds} s of ${READS_PER_SECOND} reads/s, ${SALES_PER_SECOND} recordSale/s, a ${IMPORT_ROWS}-row import every ${IMPORT_EVERY_SECONDS} s`,
        baseline:
          'memory retained after a forced full GC by the same process after warm-up (median of the first third after the first fifth)',
        unit: 'MB',
        target: { max: MAX_RETAINED_GROWTH },
        scale: `demo city (seed scale 1), ${reads} reads, ${sales} sales, ${imports} imports, 0 errors`,
        result: {
          project: [after],
          baseline: [before],
          ratios: [apiRatio, workerRatio],
          medianRatio: Math.max(apiRatio, workerRatio),
          medianProject: after,
          medianBaseline: before,
        },
        notes: [
          `ratios are retained after GC at the end ÷ after warm-up for the api (${apiRatio.toFixed(3)}) and the worker (${workerRatio.toFixed(3)}); the reported ratio is the larger`,
          `RSS (not judged, median MB): api ${before.details!.apiRssMb} → ${after.details!.apiRssMb}, worker ${before.details!.workerRssMb} → ${after.details!.workerRssMb}`,
          `jobs waiting (all queues, median): ${before.details!.waiting} after warm-up, ${after.details!.waiting} at the end`,
          `samples (s: api retained after GC / RSS MB, worker retained after GC / RSS MB, waiting): ${samples.map((s) => `${s.at}: ${s.apiMb.toFixed(1)}/${s.apiRssMb.toFixed(0)}, ${s.workerMb.toFixed(1)}/${s.workerRssMb.toFixed(0)}, ${s.waiting}`).join('; ')}`,
        ],
      };
    } finally {
      apiInspector.close();
      workerInspector.close();
      await Promise.all(queues.map((queue) => queue.close()));
      await connection.quit();
      await Promise.all([api.stop(), worker.stop()]);
    }
  },
};
