import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource, EntityManager } from 'typeorm';
import { withClient } from '../support/bench-database';
import { Benchmark } from '../support/benchmark';
import { interleaved, Sample } from '../support/interleaved';
import { ROOT } from '../support/processes';
import { RetailOutlets, seedRetailOutlets } from '../fixtures/retail-outlets.fixture';

/** The built code: Nest's injection needs the decorator metadata tsc emits (see coupling-facts). */
const load = createRequire(__filename);
const fromDist = <T>(path: string): T => load(join(ROOT, 'dist', path)) as T;
const { AppConfigModule } = fromDist<typeof import('../../libs/config/src')>(
  'libs/config/src/index.js',
);
const { DatabaseModule } = fromDist<typeof import('../../libs/database/src')>(
  'libs/database/src/index.js',
);
const { QueueModule, OutboxWriter, projectEvent, ProjectEventKind } =
  fromDist<typeof import('../../libs/queue/src')>('libs/queue/src/index.js');
const { RetailWorkerModule, RetailFactsService } = fromDist<typeof import('../../libs/retail/src')>(
  'libs/retail/src/index.js',
);
const { salesChanged } = fromDist<typeof import('../../libs/retail/src/retail-coupling')>(
  'libs/retail/src/retail-coupling.js',
);
const { matchingChanged, MatchSubject } = fromDist<typeof import('../../libs/matching/src')>(
  'libs/matching/src/index.js',
);
const { periodOf } = fromDist<typeof import('../../libs/impact/src')>('libs/impact/src/index.js');

/** What the write needs and nothing that consumes: no queue workers, no relay, no GraphQL. */
class SaleWriteModule {}
Module({
  imports: [AppConfigModule.forRoot(), DatabaseModule, QueueModule, RetailWorkerModule],
})(SaleWriteModule);

const CONCURRENCY = 20;

/** `recordSale`'s INSERT, as SaleService writes it. */
async function insertSale(
  manager: EntityManager,
  city: RetailOutlets,
  n: number,
  side: string,
): Promise<{ id: string; productId: string; soldAt: Date }> {
  const soldAt = new Date(Date.now() - (n % 30) * 86_400_000 - 60_000);
  const productId = city.productIds[Math.floor(n / city.outletIds.length) % city.productIds.length];
  const [row] = (await manager.query(
    `INSERT INTO sale (outlet_id, product_id, placement_id, organization_id, city_id, quantity,
                       unit_price_fen, amount_fen, sold_at, external_id, recorded_by_user_id)
     SELECT pl.outlet_id, pl.product_id, pl.id, pl.organization_id, $3, 1, 2500, 2500, $4, $5,
            pl.proposed_by_user_id
       FROM placement pl WHERE pl.outlet_id = $1 AND pl.product_id = $2
     ON CONFLICT (outlet_id, external_id) DO NOTHING
     RETURNING id`,
    [city.outletIds[n % city.outletIds.length], productId, city.cityId, soldAt, `${side}-${n}`],
  )) as { id: string }[];
  return { id: row.id, productId, soldAt };
}

/** Sales per second from CONCURRENCY writers over `seconds`. */
async function rate(seconds: number, write: (n: number) => Promise<void>): Promise<Sample> {
  let next = 0;
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) await write(next++);
    }),
  );
  return { value: next / ((performance.now() - started) / 1000), details: { sales: next } };
}

/**
 * #12's outbox overhead: a sale inserted with its facts and its three outbox events in one
 * transaction (what recordSale commits) against the same insert alone in its own transaction.
 */
export const outboxOverhead: Benchmark = {
  name: 'outbox-overhead',
  async run({ services, appEnv, pairs, durationSeconds, log }) {
    const history = 100_000;
    log(`seeding 10 outlets × 20 products and ${history} sales of history`);
    const city = await withClient(services.databaseUrl, async (client) => {
      const seeded = await seedRetailOutlets(client, 'outbox', history);
      await client.query('ANALYZE');
      return seeded;
    });
    Object.assign(process.env, appEnv);
    const context: INestApplicationContext = await NestFactory.createApplicationContext(
      SaleWriteModule,
      { logger: false },
    );
    try {
      await context.get(RetailFactsService).rebuild();
      const db = context.get(DataSource);
      const facts = context.get(RetailFactsService);
      const outbox = context.get(OutboxWriter);
      const projectOf = new Map<string, string>();
      for (const row of (await db.query(`SELECT id, project_id FROM product WHERE id = ANY($1)`, [
        city.productIds,
      ])) as { id: string; project_id: string }[])
        projectOf.set(row.id, row.project_id);
      let round = 0;
      /** Sales/s of the insert plus whichever of facts and events `parts` names. */
      const writes = (parts: { facts: boolean; events: boolean }) => () => {
        const side = `w${round++}`;
        return rate(durationSeconds, (n) =>
          db.transaction(async (manager) => {
            const sale = await insertSale(manager, city, n, side);
            if (parts.facts) await facts.recordSale(manager, sale);
            if (parts.events)
              await outbox.addAll(manager, [
                ...salesChanged({
                  outletCityId: city.cityId,
                  productCityIds: [city.cityId],
                  periods: [periodOf(sale.soldAt).key],
                  reason: 'sale recorded',
                }),
                matchingChanged(MatchSubject.PRODUCT, sale.productId, 'sale recorded'),
                projectEvent({
                  kind: ProjectEventKind.SALE_RECORDED,
                  projectId: projectOf.get(sale.productId)!,
                  ref: sale.id,
                }),
              ]);
          }),
        );
      };
      const withEvents = writes({ facts: true, events: true });
      const insertOnly = writes({ facts: false, events: false });
      // Which part costs what: each alone, beside the pairs (not part of the ratio).
      const eventsOnly = writes({ facts: false, events: true });
      const factsOnly = writes({ facts: true, events: false });
      await withEvents();
      await insertOnly(); // warm both before measuring
      const result = await interleaved(pairs, withEvents, insertOnly);
      const [outboxAlone, factsAlone] = [await eventsOnly(), await factsOnly()];
      const [{ pending }] = (await db.query(
        `SELECT count(*)::int AS pending FROM outbox_event`,
      )) as { pending: number }[];
      return {
        name: 'outbox-overhead',
        project: `a sale with its facts and 3 outbox events in one transaction, ${CONCURRENCY} concurrent writers`,
        baseline: 'the same INSERT alone in its own transaction, same writers and pool',
        unit: 'sales/s',
        target: { min: 0.7 },
        scale: `10 outlets × 20 products, ${history} sales of history`,
        result,
        notes: [
          `insert + outbox events only: ${outboxAlone.value.toFixed(0)} sales/s; insert + facts only: ${factsAlone.value.toFixed(0)} sales/s (one run each, after the pairs)`,
          `outbox rows written (no relay running): ${pending}`,
        ],
      };
    } finally {
      await context.close();
    }
  },
};
