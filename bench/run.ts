import { randomBytes } from 'node:crypto';
import { benchServices } from './support/bench-database';
import { Benchmark } from './support/benchmark';
import { markdownTable, saveReport, BenchReport } from './support/report';
import { graphqlNested } from './benchmarks/graphql-nested.bench';
import { graphqlRead } from './benchmarks/graphql-read.bench';
import { couplingRebuild, recomputeGrowth } from './benchmarks/coupling-facts.bench';
import { matching } from './benchmarks/matching.bench';
import { freshness } from './benchmarks/freshness.bench';
import { salesImport } from './benchmarks/sales-import.bench';
import { recordSale } from './benchmarks/record-sale.bench';
import { outboxOverhead } from './benchmarks/outbox-overhead.bench';
import { jobOverhead } from './benchmarks/job-overhead.bench';
import { soak } from './benchmarks/soak.bench';

const BENCHMARKS: Benchmark[] = [
  graphqlRead,
  graphqlNested,
  recomputeGrowth,
  couplingRebuild,
  freshness,
  matching,
  salesImport,
  recordSale,
  outboxOverhead,
  jobOverhead,
  soak,
];

const USAGE = `usage: npm run bench -- [name ...] [--scale N] [--pairs N] [--seconds N] [--keep]
benchmarks: ${BENCHMARKS.map((b) => b.name).join(', ')}`;

function parseArgs(argv: string[]) {
  const options = {
    names: [] as string[],
    scale: 1,
    pairs: 3,
    seconds: undefined as number | undefined,
    keep: false,
  };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    const number = (name: string) => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1)
        throw new Error(`${name} needs a positive integer`);
      return value;
    };
    if (arg === '--scale') options.scale = number('--scale');
    else if (arg === '--pairs') options.pairs = number('--pairs');
    else if (arg === '--seconds') options.seconds = number('--seconds');
    else if (arg === '--keep') options.keep = true;
    else if (arg.startsWith('-')) throw new Error(`unknown option ${arg}`);
    else if (!BENCHMARKS.some((b) => b.name === arg)) throw new Error(`unknown benchmark ${arg}`);
    else options.names.push(arg);
  }
  return options;
}

async function main(): Promise<void> {
  let options: ReturnType<typeof parseArgs>;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
  const selected = options.names.length
    ? BENCHMARKS.filter((b) => options.names.includes(b.name))
    : BENCHMARKS;
  const reports: BenchReport[] = [];
  let failed = false;
  for (const benchmark of selected) {
    // Each benchmark gets its own database, so one's data never shapes another's plans.
    const services = await benchServices(log, options.keep);
    try {
      log(`${benchmark.name}: running`);
      const produced = await benchmark.run({
        services,
        appEnv: {
          DATABASE_URL: services.databaseUrl,
          REDIS_URL: services.redisUrl,
          QUEUE_PREFIX: services.queuePrefix,
          JWT_SECRET: randomBytes(32).toString('hex'),
          // One load generator on loopback is every client at once: the per-IP and per-account
          // budgets that protect production would measure the limiter, not the path.
          RATE_LIMITS: 'ip=100000000/60,account=100000000/60,recordSale=100000000/60',
        },
        scale: options.scale,
        pairs: options.pairs,
        durationSeconds: options.seconds ?? benchmark.defaultSeconds ?? 10,
        log: (line) => log(`${benchmark.name}: ${line}`),
      });
      for (const report of [produced].flat()) {
        log(`${benchmark.name}: saved ${saveReport(report)}`);
        reports.push(report);
      }
    } catch (error) {
      failed = true;
      console.error(`[bench] ${benchmark.name} failed: ${(error as Error).message}`);
    } finally {
      await services.close();
    }
  }
  process.stdout.write(`\n${markdownTable(reports)}\n`);
  process.exit(failed ? 1 : 0);
}

void main();
