import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import { databaseUrl, ensurePostgres, LocalPostgres } from '@cc/local-infra';
import {
  evaluate,
  EvalRow,
  loadPlantedFits,
  MatchKind,
  MatchRefresher,
  MatchScoreStore,
  PlantedCase,
  PlantedFitsMissing,
  restrictCase,
} from '@cc/matching';
import { MatchingEvalModule } from './eval.module';

// Run from dist/apps/matching-eval/src (Nest needs the decorator metadata tsc emits).
const ROOT = join(__dirname, '..', '..', '..', '..');
const TARGET = { precisionAt5: 0.8, ndcgAt10: 0.85 };
const say = (line: string) => console.warn(`[eval:matching] ${line}`);

/**
 * `npm run eval:matching [-- --no-rebuild]`: scores the demo city as the worker does (a full
 * rebuild, unless --no-rebuild), then compares recommendedManufacturers and recommendedOutlets
 * with the good and bad fits the demo generator planted. The database is DATABASE_URL, or the
 * demo's (`creative_chain` on the local or embedded PostgreSQL).
 */
async function main(): Promise<number> {
  let postgres: LocalPostgres | undefined;
  try {
    if (!process.env.DATABASE_URL) {
      postgres = await ensurePostgres(join(ROOT, '.data'), say);
      process.env.DATABASE_URL = databaseUrl(postgres.serverUrl, 'creative_chain');
    }
    // The configuration requires a signing secret; the evaluation signs nothing.
    process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
    process.env.LOG_LEVEL ??= 'warn';

    const client = new Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const fits = await loadPlantedFits(
      async (sql, params) => (await client.query(sql, params)).rows,
    );

    const app = await NestFactory.createApplicationContext(MatchingEvalModule, {
      logger: ['error', 'warn'],
    });
    try {
      if (!process.argv.includes('--no-rebuild')) {
        const started = Date.now();
        const summary = await app.get(MatchRefresher).rebuild();
        say(
          `rebuilt: ${summary.projects} projects, ${summary.manufacturers} manufacturers, ${summary.products} products, ${summary.outlets} outlets, ${summary.pairs} pairs in ${Date.now() - started} ms`,
        );
      }
      const scores = app.get(MatchScoreStore);
      // A product is placed in its own city (OTHER_CITY): it is judged among that city's outlets.
      const cityOf = new Map<string, string>(
        (
          await client.query<{ id: string; city_id: string }>(
            'SELECT id, city_id FROM match_outlet UNION ALL SELECT id, city_id FROM match_product',
          )
        ).rows.map((row) => [row.id, row.city_id]),
      );
      const inItsCity = fits.outlets.map((planted) =>
        restrictCase(planted, (id) => cityOf.get(id) === cityOf.get(planted.subjectId)),
      );
      const rows: [string, EvalRow][] = [
        [
          'recommendedManufacturers',
          await run(scores, MatchKind.PROJECT_MANUFACTURER, fits.manufacturers),
        ],
        ['recommendedOutlets', await run(scores, MatchKind.PRODUCT_OUTLET, inItsCity)],
        [
          "  (every city's outlets graded)",
          await run(scores, MatchKind.PRODUCT_OUTLET, fits.outlets),
        ],
      ];
      print(rows);
      return 0;
    } finally {
      await app.close();
      await client.end();
    }
  } catch (error) {
    if (error instanceof PlantedFitsMissing) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await postgres?.stop();
  }
}

async function run(
  scores: MatchScoreStore,
  kind: MatchKind,
  cases: PlantedCase[],
): Promise<EvalRow> {
  const rankings = new Map<string, string[]>();
  for (const planted of cases) {
    const page = await scores.page(kind, 'subject', planted.subjectId, 10);
    rankings.set(
      planted.subjectId,
      page.rows.map((row) => row.id),
    );
  }
  return evaluate(cases, (subjectId) => rankings.get(subjectId) ?? []);
}

function print(rows: [string, EvalRow][]): void {
  const header = [
    'operation',
    'cases',
    'precision@5',
    'NDCG@10',
    'bad in top 10',
    'bad above a good',
    'meets target',
  ];
  const body = rows.map(([name, row]) => [
    name,
    String(row.cases),
    row.precisionAt5.toFixed(3),
    row.ndcgAt10.toFixed(3),
    String(row.badInTop10),
    String(row.badAboveGoodInTop10),
    row.cases > 0 && row.precisionAt5 >= TARGET.precisionAt5 && row.ndcgAt10 >= TARGET.ndcgAt10
      ? 'yes'
      : 'no',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i])).join('  ');
  const out = (text: string) => process.stdout.write(`${text}\n`);
  out(line(header));
  out(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of body) out(line(r));
  out(`\ntargets: precision@5 ≥ ${TARGET.precisionAt5}, NDCG@10 ≥ ${TARGET.ndcgAt10}`);
  out('judgements (written by the demo generator into seed_fixture, never read by the scorer):');
  out('  manufacturers: planted good fits = 1, anything else 0; P@5 divides by min(5, good fits)');
  out(
    "  outlets: every outlet graded by the generator's own expected sales rate ÷ the best outlet's;",
  );
  out('           good ≥ 0.5 (P@5), bad < 0.1; NDCG gains are the grades;');
  out("           among the outlets of the product's city (where it can be placed), and below");
  out("           among every city's (an ideal that no city-scoped ranking can reach)");
  out('"bad above a good": bad fits in the top 10 ranked above some good fit (or a missing one)');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`eval:matching failed: ${(error as Error).stack ?? String(error)}`);
    process.exit(2);
  },
);
