import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { runMigrations } from '@cc/database';
import { MatchKind, MatchRefresher, MatchScoreStore } from '@cc/matching';
import { MatchingEvalModule } from './eval.module';
import { buildSyntheticCity } from './synthetic-city';

const CONCURRENCY = 20;
const REQUESTS = 2_000;

interface Latency {
  p50: number;
  p99: number;
}
/** One comparison's rounds, served page and candidate query alternately (A, B, A, B, …). */
export interface BenchRounds {
  name: string;
  served: Latency[];
  candidates: Latency[];
}

const option = (name: string): string | undefined => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? process.argv[at + 1] : undefined;
};

/**
 * `npm run bench:matching` on a scratch database (DATABASE_URL; it writes a synthetic city of
 * 10,000 manufacturers and 5,000 outlets): p50 and p99 at 20 concurrent requests of a top-10
 * page (what recommendedManufacturers and recommendedOutlets run, without GraphQL and auth)
 * against the single SQL query that fetches the candidates. `--pairs N` alternates the two N
 * times (default 1); `--json` prints the rounds as one JSON line for `npm run bench` (matching).
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('set DATABASE_URL to a scratch database: the benchmark fills it');
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex'); // required by the config; unused
  process.env.DATABASE_POOL_SIZE ??= String(CONCURRENCY);
  process.env.LOG_LEVEL ??= 'warn';
  await runMigrations(url);
  const client = new Client({ connectionString: url });
  await client.connect();
  let started = performance.now();
  const city = await buildSyntheticCity(client, {
    manufacturers: 10_000,
    openProjects: 50,
    outlets: 5_000,
    products: 50,
    plantedCases: 0,
  });
  await client.end();
  say(`synthetic city written in ${ms(performance.now() - started)}`);

  const app = await NestFactory.createApplicationContext(MatchingEvalModule, {
    logger: ['error', 'warn'],
  });
  try {
    started = performance.now();
    const summary = await app.get(MatchRefresher).rebuild();
    say(`full rebuild: ${summary.pairs} pairs in ${ms(performance.now() - started)}`);
    const db = app.get<DataSource>(getDataSourceToken());
    const scores = app.get(MatchScoreStore);
    await db.query('ANALYZE');

    const needs = new Map<string, string[]>(
      (
        await db.query<{ id: string; processes: string[] }[]>(
          'SELECT id, processes FROM match_project WHERE id = ANY($1::uuid[])',
          [city.openProjectIds],
        )
      ).map((row) => [row.id, row.processes]),
    );
    const products = new Map<string, { cityId: string; themes: string[] }>(
      (
        await db.query<{ id: string; city_id: string; themes: string[] }[]>(
          'SELECT id, city_id, themes FROM match_product WHERE id = ANY($1::uuid[])',
          [city.productIds],
        )
      ).map((row) => [row.id, { cityId: row.city_id, themes: row.themes }]),
    );
    const pairs = Math.max(1, Number(option('--pairs') ?? 1));
    const rows = [
      await compare(
        pairs,
        'top-10 manufacturers of a project (10,000 makers)',
        city.openProjectIds,
        (id) => scores.page(MatchKind.PROJECT_MANUFACTURER, 'subject', id, 10),
        (id) =>
          db.query('SELECT profile FROM match_manufacturer WHERE processes && $1::text[]', [
            needs.get(id),
          ]),
      ),
      await compare(
        pairs,
        'top-10 outlets of a product (5,000 outlets)',
        city.productIds,
        (id) => scores.page(MatchKind.PRODUCT_OUTLET, 'subject', id, 10),
        (id) =>
          db.query(
            `SELECT profile FROM match_outlet
              WHERE city_id = $1 AND (themes && $2::text[] OR type = 'ONLINE')`,
            [products.get(id)?.cityId, products.get(id)?.themes],
          ),
      ),
    ];
    const out = (text: string) => process.stdout.write(`${text}\n`);
    if (process.argv.includes('--json')) {
      out(JSON.stringify({ concurrency: CONCURRENCY, requests: REQUESTS, rows }));
      return;
    }
    out(`\n${CONCURRENCY} concurrent, ${REQUESTS} requests each way, ${pairs} pair(s)`);
    for (const row of rows) out(describe(row));
  } finally {
    await app.close();
  }
}

async function compare(
  pairs: number,
  name: string,
  ids: string[],
  served: (id: string) => Promise<unknown>,
  candidates: (id: string) => Promise<unknown>,
): Promise<BenchRounds> {
  const rounds: BenchRounds = { name, served: [], candidates: [] };
  for (let round = 0; round < pairs; round += 1) {
    rounds.served.push(await measure(ids, served));
    rounds.candidates.push(await measure(ids, candidates));
  }
  return rounds;
}

function describe({ name, served, candidates }: BenchRounds): string {
  const a = served[Math.floor(served.length / 2)];
  const b = candidates[Math.floor(candidates.length / 2)];
  return `${name}\n  served page     p50 ${ms(a.p50)}  p99 ${ms(a.p99)}\n  candidate query p50 ${ms(b.p50)}  p99 ${ms(b.p99)}\n  ratio p99 ${(a.p99 / b.p99).toFixed(2)}× (target ≤ 2×)`;
}

async function measure(ids: string[], call: (id: string) => Promise<unknown>): Promise<Latency> {
  for (const id of ids.slice(0, 5)) await call(id); // warm up
  const latencies: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        const id = ids[next % ids.length];
        next += 1;
        const start = performance.now();
        await call(id);
        latencies.push(performance.now() - start);
      }
    }),
  );
  latencies.sort((x, y) => x - y);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { p50: at(0.5), p99: at(0.99) };
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const say = (line: string) => console.warn(`[bench:matching] ${line}`);

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench:matching failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(1);
  },
);
