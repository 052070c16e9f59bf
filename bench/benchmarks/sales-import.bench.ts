import { createReadStream, createWriteStream, mkdirSync, openAsBlob, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { from as copyFrom } from 'pg-copy-streams';
import { withClient } from '../support/bench-database';
import { Benchmark } from '../support/benchmark';
import { interleaved, Sample } from '../support/interleaved';
import { ROOT, serveApi, serveWorker } from '../support/processes';
import {
  retailerToken,
  RetailOutlets,
  seedRetailOutlets,
} from '../fixtures/retail-outlets.fixture';

/** Rows per unit of --scale: scale 100 is the 1,000,000-row file. */
const ROWS_PER_SCALE = 10_000;
const HEADER = 'external_id,product_id,quantity,unit_price,sold_at\n';

/** `rows` valid sales at one outlet, over its 20 products and the last 300 days; ids unique per file. */
async function writeCsv(
  file: string,
  city: RetailOutlets,
  rows: number,
  tag: string,
): Promise<void> {
  const out = createWriteStream(file);
  const base = Date.now() - 60_000;
  let chunk = HEADER;
  for (let i = 0; i < rows; i += 1) {
    const soldAt = new Date(base - (i % 300) * 86_400_000 - (i % 86_400) * 1000).toISOString();
    chunk += `${tag}-${i},${city.productIds[i % city.productIds.length]},${1 + (i % 3)},${2500 + (i % 7) * 100},${soldAt}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise<void>((resolve, reject) =>
    out.on('finish', () => resolve()).on('error', reject),
  );
}

interface ImportView {
  status: string;
  statusPath: string;
  importedRows: number;
  rejectedRows: number;
  failureReason: string | null;
}

/**
 * The sales import as a retailer runs it: the file uploaded through the API, then processed by
 * the worker's import job (validated row by row, idempotent by outlet and external id, with its
 * facts and events), timed from the upload's start to COMPLETED; against PostgreSQL's COPY of the
 * same file into a bare table with the same columns (no index, no constraint).
 */
export const salesImport: Benchmark = {
  name: 'sales-import',
  async run({ services, appEnv, scale, pairs, log }) {
    const rows = ROWS_PER_SCALE * scale;
    const city = await withClient(services.databaseUrl, async (client) => {
      const seeded = await seedRetailOutlets(client, 'import', 0);
      await client.query(`CREATE TABLE bench_sale_copy (external_id text, product_id uuid,
        quantity int, unit_price int, sold_at timestamptz)`);
      await client.query('ANALYZE');
      return seeded;
    });
    const outletId = city.outletIds[1];
    const directory = join(ROOT, '.data', 'bench', 'sales-import');
    mkdirSync(directory, { recursive: true });
    const file = join(directory, `sales-${process.pid}.csv`);
    // The upload budget is also spent by every status poll (the controller's guard covers both).
    const env = { ...appEnv, RATE_LIMITS: `${appEnv.RATE_LIMITS},upload=100000000/3600` };
    const api = await serveApi(env);
    const worker = await serveWorker(env);
    try {
      const token = await withClient(services.databaseUrl, (client) =>
        retailerToken(api.url, client, city.organizationId),
      );
      const auth = { authorization: `Bearer ${token}` };
      let round = 0;
      // Each round a new file (new external ids), written before the clock starts.
      const fresh = async () => {
        await writeCsv(file, city, rows, `R${round++}`);
      };

      const project = async (): Promise<Sample> => {
        await fresh();
        const started = performance.now();
        const form = new FormData();
        form.append('file', await openAsBlob(file, { type: 'text/csv' }), 'sales.csv');
        const upload = await fetch(`${api.url}/retail/outlets/${outletId}/sales-imports`, {
          method: 'POST',
          headers: auth,
          body: form,
        });
        if (upload.status !== 202)
          throw new Error(`upload: ${upload.status} ${await upload.text()}`);
        const uploaded = performance.now();
        let view = (await upload.json()) as ImportView;
        const statusUrl = api.url + view.statusPath;
        while (!['COMPLETED', 'FAILED'].includes(view.status)) {
          await new Promise((resolve) => setTimeout(resolve, 100));
          const answer = await fetch(statusUrl, { headers: auth });
          if (!answer.ok) throw new Error(`${statusUrl}: ${answer.status} ${await answer.text()}`);
          view = (await answer.json()) as ImportView;
        }
        const seconds = (performance.now() - started) / 1000;
        if (view.status !== 'COMPLETED' || view.importedRows !== rows || view.rejectedRows)
          throw new Error(`import ended ${view.status}: ${JSON.stringify(view).slice(0, 500)}`);
        return {
          value: rows / seconds,
          details: { seconds, uploadSeconds: (uploaded - started) / 1000 },
        };
      };

      const baseline = async (): Promise<Sample> => {
        await fresh();
        return withClient(services.databaseUrl, async (client) => {
          await client.query('TRUNCATE bench_sale_copy');
          const started = performance.now();
          await pipeline(
            createReadStream(file),
            client.query(copyFrom('COPY bench_sale_copy FROM STDIN WITH (FORMAT csv, HEADER)')),
          );
          const seconds = (performance.now() - started) / 1000;
          return { value: rows / seconds, details: { seconds } };
        });
      };

      log(`${rows} rows per file`);
      const result = await interleaved(pairs, project, baseline);
      const [{ sales }] = await withClient(
        services.databaseUrl,
        async (client) =>
          (await client.query<{ sales: number }>(`SELECT count(*)::int AS sales FROM sale`)).rows,
      );
      return {
        name: 'sales-import',
        project:
          'CSV upload through the API, then the worker import job (validation, placements, stock, idempotent insert, facts, events), to COMPLETED',
        baseline: 'COPY of the same file into a bare table with the same columns',
        unit: 'rows/s',
        target: { min: 0.5 },
        scale: `${rows} rows per file (scale ${scale}), ${pairs} files imported, one outlet`,
        result,
        notes: [`sale rows at the end: ${sales} (each round imports into a larger table)`],
      };
    } finally {
      rmSync(file, { force: true });
      await Promise.all([api.stop(), worker.stop()]);
    }
  },
};
