import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { withClient } from '../support/bench-database';
import { BenchContext, Benchmark } from '../support/benchmark';
import { interleaved, Sample } from '../support/interleaved';
import { freePort, ROOT } from '../support/processes';
import { seedSalesCity, SalesCity } from '../fixtures/sales-history.fixture';

/**
 * The built code (`npm run bench` builds first): Nest's injection needs the decorator metadata
 * tsc emits and tsx does not. Types come from the sources.
 */
const load = createRequire(__filename);
const fromDist = <T>(path: string): T => load(join(ROOT, 'dist', path)) as T;
const { WorkerModule } = fromDist<typeof import('../../apps/worker/src/worker.module')>(
  'apps/worker/src/worker.module.js',
);
const { Role, Viewer } = fromDist<typeof import('../../libs/auth/src')>('libs/auth/src/index.js');
const { RetailFactsService } = fromDist<typeof import('../../libs/retail/src')>(
  'libs/retail/src/index.js',
);
const { RebuildCouplingJob } = fromDist<typeof import('../../libs/impact/src')>(
  'libs/impact/src/index.js',
);
const { CouplingRecomputeService } = fromDist<
  typeof import('../../libs/impact/src/coupling-jobs/coupling-recompute.service')
>('libs/impact/src/coupling-jobs/coupling-recompute.service.js');
const { IndicatorSystemService } = fromDist<
  typeof import('../../libs/impact/src/indicator-system/indicator-system.service')
>('libs/impact/src/indicator-system/indicator-system.service.js');
const { CreateIndicatorSystemVersionInput, IndicatorInput, SubsystemInput } = fromDist<
  typeof import('../../libs/impact/src/indicator-system/dto/create-indicator-system-version.input')
>('libs/impact/src/indicator-system/dto/create-indicator-system-version.input.js');

/** Enum values as the API takes them. */
const MONTH = 'MONTH';
const PANEL = 'PANEL';
const PLATFORM = 'PLATFORM';

const SUBSYSTEMS: [string, string[]][] = [
  ['cultural_soft_power', ['scene_coverage', 'resource_activation', 'brand_reach']],
  ['talent_innovation', ['creative_sales_revenue', 'talent_earnings', 'products_in_market']],
];

/** The worker's modules in this process (the recompute and the facts as the worker runs them). */
export async function workerContext(env: Record<string, string>): Promise<INestApplicationContext> {
  // Its own health port: the default one may be taken by another worker on this machine.
  Object.assign(process.env, env, { WORKER_HEALTH_PORT: String(await freePort()) });
  const context = await NestFactory.createApplicationContext(WorkerModule, { logger: false });
  await context.init();
  return context;
}

/**
 * A city-scoped indicator system over retail's platform indicators, on the whole panel (PANEL)
 * unless a stored basis is asked for (e.g. BASELINE over some months).
 */
export async function versionFor(
  context: INestApplicationContext,
  city: SalesCity,
  basis: { origin: string; baselinePeriods?: string[]; headroom?: number } = { origin: PANEL },
): Promise<string> {
  const [{ id: userId }] = await context
    .get(DataSource)
    .query(`SELECT id FROM user_account ORDER BY email LIMIT 1`);
  const input = Object.assign(new CreateIndicatorSystemVersionInput(), {
    cityId: city.cityId,
    periodGranularity: MONTH,
    basis,
    subsystems: SUBSYSTEMS.map(([name, keys]) =>
      Object.assign(new SubsystemInput(), {
        name,
        label: name,
        indicators: keys.map((key) =>
          Object.assign(new IndicatorInput(), {
            key,
            label: key,
            source: PLATFORM,
          }),
        ),
      }),
    ),
  });
  const viewer = new Viewer(userId, 'bench', [Role.ADMIN]);
  return (await context.get(IndicatorSystemService).create(viewer, input)).id;
}

/** Retail's facts recomputed from the sale rows (seeded history has none). */
export async function rebuildRetailFacts(context: INestApplicationContext): Promise<void> {
  await context.get(RetailFactsService, { strict: false }).rebuild();
}

let saleNumber = 0;

/** One new sale in the city, with its facts, in one transaction (as `recordSale` writes it). */
async function recordOneSale(context: INestApplicationContext, city: SalesCity): Promise<void> {
  await context.get(DataSource).transaction(async (manager) => {
    const [{ id }] = await manager.query(
      `INSERT INTO sale (outlet_id, product_id, placement_id, organization_id, city_id, quantity,
                         unit_price_fen, amount_fen, sold_at, external_id, recorded_by_user_id)
       SELECT outlet_id, product_id, id, organization_id, $2, 1, 9900, 9900, now(), $3,
              proposed_by_user_id
         FROM placement WHERE id = $1
       RETURNING id`,
      [city.placementId, city.cityId, `bench-${process.pid}-${saleNumber++}`],
    );
    await context.get(RetailFactsService, { strict: false }).recordSale(manager, { id });
  });
}

async function seconds(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

async function seedCities(context: BenchContext, sizes: number[]): Promise<SalesCity[]> {
  const cities: SalesCity[] = [];
  for (const [i, size] of sizes.entries()) {
    context.log(`seeding a city with ${size} sales`);
    cities.push(
      await withClient(context.services.databaseUrl, async (client) => {
        const city = await seedSalesCity(client, `bench-${i}`, size);
        await client.query('ANALYZE');
        return city;
      }),
    );
  }
  return cities;
}

/**
 * Growth: the recompute after one sale (whole panel of a city's version, from the facts) with
 * 1,000,000 sales of history against the same with 10,000; 100,000 in between, in the details.
 */
export const recomputeGrowth: Benchmark = {
  name: 'recompute-growth',
  async run(bench) {
    const sizes = [10_000, 100_000, 1_000_000 * bench.scale];
    const cities = await seedCities(bench, sizes);
    const context = await workerContext(bench.appEnv);
    try {
      await rebuildRetailFacts(context);
      const versions: string[] = [];
      for (const city of cities) versions.push(await versionFor(context, city));
      const recompute = context.get(CouplingRecomputeService, { strict: false });
      const measure = async (i: number): Promise<Sample> => {
        await recordOneSale(context, cities[i]);
        let written = 0;
        const value = await seconds(async () => {
          const summary = await recompute.recompute(versions[i], () => undefined, 'bench');
          if (summary.skipped) throw new Error(`recompute skipped: ${summary.skipped}`);
          written = summary.contributionsWritten;
        });
        return { value, details: { sales: cities[i].sales, contributionsWritten: written } };
      };
      for (const i of [0, 1, 2]) await measure(i); // warm-up
      const between: number[] = [];
      const result = await interleaved(
        bench.pairs,
        async () => {
          between.push((await measure(1)).value);
          return measure(2);
        },
        () => measure(0),
      );
      const sorted = [...between].sort((a, b) => a - b);
      return {
        name: 'recompute-growth',
        project: `recompute of a city's version after one sale, ${sizes[2]} sales of history`,
        baseline: `the same with ${sizes[0]} sales of history`,
        unit: 's',
        target: { max: 2 },
        scale: sizes.join(' / ') + ' sales',
        result,
        notes: [
          `${sizes[1]} sales of history: median ${sorted[Math.floor(sorted.length / 2)].toFixed(3)} s`,
          'each city: 20 projects × 10 outlets placed for 24 months; facts per city do not grow with sales',
        ],
      };
    } finally {
      await context.close();
    }
  },
};

/**
 * Coupling rebuild: the nightly job (every source's facts recomputed from the sale rows, then
 * every version recomputed and written) against one bare `GROUP BY city, period` over the sales.
 */
export const couplingRebuild: Benchmark = {
  name: 'coupling-rebuild',
  async run(bench) {
    const sizes = [1_000_000 * bench.scale];
    const cities = await seedCities(bench, sizes);
    const context = await workerContext(bench.appEnv);
    try {
      const version = await versionFor(context, cities[0]);
      const rebuild = context.get(RebuildCouplingJob, { strict: false });
      const db = context.get(DataSource);
      let round = 0;
      const project = async (): Promise<Sample> => {
        // A new sale first, so the rebuild writes every snapshot and contribution anew.
        await recordOneSale(context, cities[0]);
        let contributions = 0;
        const value = await seconds(async () => {
          const job = {
            data: { reason: 'bench', requestId: `bench-${round++}` },
            updateProgress: async () => undefined,
          };
          const summary = await rebuild.handle(job as never);
          const mine = summary.versions.find((v) => v.versionId === version);
          if (!mine || mine.skipped) throw new Error(`rebuild skipped: ${mine?.skipped}`);
          contributions = mine.contributionsWritten;
        });
        return { value, details: { contributionsWritten: contributions } };
      };
      const baseline = async (): Promise<Sample> => ({
        value: await seconds(() =>
          db.query(
            `SELECT city_id, to_char((sold_at AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM') AS period,
                    sum(amount_fen), sum(quantity), count(*)
               FROM sale GROUP BY 1, 2`,
          ),
        ),
      });
      await project();
      await baseline();
      const result = await interleaved(bench.pairs, project, baseline);
      return {
        name: 'coupling-rebuild',
        project:
          'nightly rebuild: retail facts from the sale rows, then every version recomputed and written',
        baseline: 'one bare SQL GROUP BY city, month over the same sales',
        unit: 's',
        target: { max: 1.5 },
        scale: `${sizes[0]} sales`,
        result,
      };
    } finally {
      await context.close();
    }
  },
};
