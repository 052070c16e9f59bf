import { hash } from '@node-rs/argon2';
import { Client } from 'pg';
import { PASSWORD_HASH_OPTIONS } from '@cc/identity';
import { quartersEndingAt } from './calendar';
import { CopyWriter } from './copy-writer';
import { generateIncubation } from './generators/incubation.generator';
import { generateHistory } from './generators/history.generator';
import { generatePlaces } from './generators/places.generator';
import { ProjectGenerator } from './generators/project.generator';
import { generateSignal } from './generators/signal.generator';
import { generateStatistics } from './generators/statistics.generator';
import { generateWorld } from './generators/world.generator';
import { Random } from './random';
import { SeedContext, SeedOptions, World } from './seed-context';
import { SEED_JSON_COLUMNS, SEED_TABLES, SeedTable } from './seed-tables';

/** Every demo account's password (local demo data only). */
export const DEMO_PASSWORD = 'creative-chain-demo';

export class DatabaseNotEmptyError extends Error {}

export interface SeedProgress {
  projectsDone: number;
  projectsTotal: number;
  rowsWritten: number;
}

export interface SeedResult {
  rows: Record<string, number>;
  totalRows: number;
  elapsedMs: number;
  world: Pick<World, 'cities'>;
}

/**
 * Seeds the demo city into an empty, migrated database in one transaction: the catalogue,
 * people and organizations, eight quarters of projects with their bids, production, reviews,
 * products, placements and sales, official statistics, the demo incubator's programs, cohorts,
 * milestones and KPI reports, the planted signal and its fixtures.
 * Deterministic: the same seed, scale and `now` give the same rows.
 */
export async function seedDatabase(
  databaseUrl: string,
  options: SeedOptions,
  onProgress: (progress: SeedProgress) => void = () => undefined,
): Promise<SeedResult> {
  const started = Date.now();
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM city');
    if (Number(rows[0].count) > 0) {
      throw new DatabaseNotEmptyError('the database already has cities; seed an empty database');
    }
    const random = new Random(`${options.seed}`);
    const salt = Buffer.from(random.fork('password').uuid().replace(/-/g, ''), 'hex');
    const passwordHash = await hash(DEMO_PASSWORD, { ...PASSWORD_HASH_OPTIONS, salt });
    const quarters = quartersEndingAt(options.now, 8);
    const progress: SeedProgress = {
      projectsDone: 0,
      projectsTotal: Math.round(1000 * options.scale),
      rowsWritten: 0,
    };
    const writer = new CopyWriter(client, SEED_TABLES, SEED_JSON_COLUMNS, 20_000, (n) => {
      progress.rowsWritten += n;
      onProgress(progress);
    });
    const context: SeedContext = {
      ...options,
      random,
      quarters,
      origin: quarters[0].start,
      passwordHash,
      writer,
      add: (table: SeedTable, row) => writer.add(table, row),
    };

    await client.query('BEGIN');
    const cities = generatePlaces(context);
    const { world, planted } = generateWorld(context, cities);
    await writer.flush();
    const projects = new ProjectGenerator(context, world, random.fork('projects'));
    generateSignal(context, world, planted, projects);
    await generateHistory(context, world, projects, () => {
      progress.projectsDone += 1;
      if (progress.projectsDone % 200 === 0) onProgress(progress);
    });
    generateStatistics(context, world);
    await writer.flush();
    await generateIncubation(context, world, client);
    await writer.flush();
    await writeManufacturerRecords(client, options.now);
    await client.query('COMMIT');
    await client.query('ANALYZE');
    const written = Object.fromEntries(writer.written);
    return {
      rows: written,
      totalRows: writer.totalWritten(),
      elapsedMs: Date.now() - started,
      world: { cities },
    };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

/**
 * Manufacturers' records as the services keep them: owner-side review count and score sum,
 * orders with a first delivery, and those on or before their due date.
 */
async function writeManufacturerRecords(client: Client, now: Date): Promise<void> {
  await client.query(
    `INSERT INTO manufacturer_record (organization_id, review_count, score_sum, delivered_orders, on_time_orders, updated_at)
     SELECT o.id, coalesce(r.review_count, 0), coalesce(r.score_sum, 0),
            coalesce(d.delivered, 0), coalesce(d.on_time, 0), $1
       FROM organization o
       LEFT JOIN (SELECT po.organization_id, count(*)::int AS review_count,
                         sum(rv.quality + rv.on_time_delivery + rv.communication)::int AS score_sum
                    FROM review rv JOIN production_order po ON po.id = rv.order_id
                   WHERE rv.side = 'PROJECT_OWNER' GROUP BY po.organization_id) r ON r.organization_id = o.id
       LEFT JOIN (SELECT organization_id, count(*)::int AS delivered,
                         count(*) FILTER (WHERE delivered_at <= due_at)::int AS on_time
                    FROM production_order WHERE delivered_at IS NOT NULL GROUP BY organization_id) d
              ON d.organization_id = o.id
      WHERE o.kind = 'MANUFACTURER' AND (r.review_count IS NOT NULL OR d.delivered IS NOT NULL)`,
    [now],
  );
}
