import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BenchRounds } from '../../apps/matching-eval/src/bench';
import { Benchmark } from '../support/benchmark';
import { interleaved } from '../support/interleaved';
import { ROOT } from '../support/processes';
import { BenchReport } from '../support/report';

const run = promisify(execFile);

/**
 * Top-10 manufacturers for a project among 10,000 makers, and top-10 outlets for a product among
 * 5,000 outlets, as served from the precomputed scores, against the single SQL query that fetches
 * the candidates; p99 at 20 concurrent requests. The work runs in the built matching bench
 * (apps/matching-eval/src/bench.ts, which Nest needs compiled by tsc), alternating the two sides
 * `pairs` times; the scale is fixed by the figures, so `--scale` does not apply.
 */
export const matching: Benchmark = {
  name: 'matching',
  async run({ services, pairs, log }) {
    log('writing a synthetic city of 10,000 makers and 5,000 outlets, then a full rebuild');
    const { stdout, stderr } = await run(
      process.execPath,
      [join(ROOT, 'dist/apps/matching-eval/src/bench.js'), '--json', '--pairs', String(pairs)],
      {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: services.databaseUrl },
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    for (const line of stderr.trim().split('\n').filter(Boolean)) log(line);
    const { concurrency, requests, rows } = JSON.parse(stdout.trim().split('\n').at(-1)!) as {
      concurrency: number;
      requests: number;
      rows: BenchRounds[];
    };
    const reports: BenchReport[] = [];
    for (const [key, row] of [
      ['manufacturers', rows[0]],
      ['outlets', rows[1]],
    ] as const) {
      const sample = ({ p50, p99 }: { p50: number; p99: number }) => ({
        value: p99,
        details: { p50Ms: round(p50) },
      });
      // The rounds already alternated in the child; this pairs them up in their order.
      const result = await interleaved(
        row.served.length,
        async (i) => sample(row.served[i]),
        async (i) => sample(row.candidates[i]),
      );
      reports.push({
        name: `matching-${key}`,
        project: `${row.name}: the served top-10 page (one indexed query and a count)`,
        baseline: 'the single SQL query that fetches the candidates (GIN-indexed arrays)',
        unit: 'ms p99',
        target: { max: 2 },
        scale: `${concurrency} concurrent, ${requests} requests per side per pair`,
        result,
      });
    }
    return reports;
  },
};

const round = (value: number) => Math.round(value * 10) / 10;
