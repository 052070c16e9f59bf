import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus } from 'node:os';
import { PairedResult } from './interleaved';
import { ROOT } from './processes';

export interface BenchReport {
  name: string;
  /** What the project path does and what it is compared with. */
  project: string;
  baseline: string;
  unit: string;
  /** `ratio >= min` (higher is better) or `ratio <= max` (lower is better). */
  target: { min?: number; max?: number };
  scale: string;
  result: PairedResult;
  notes?: string[];
}

export function meetsTarget(report: BenchReport): boolean {
  const { min, max } = report.target;
  const ratio = report.result.medianRatio;
  return (min === undefined || ratio >= min) && (max === undefined || ratio <= max);
}

/** Writes bench/results/<name>.json with the machine it ran on. */
export function saveReport(report: BenchReport): string {
  const directory = join(ROOT, 'bench', 'results');
  mkdirSync(directory, { recursive: true });
  const file = join(directory, `${report.name}.json`);
  const machine = {
    node: process.version,
    cpus: cpus().length,
    date: new Date().toISOString(),
  };
  writeFileSync(file, JSON.stringify({ ...report, machine }, null, 2) + '\n');
  return file;
}

const round = (value: number, digits = 3) => Number(value.toPrecision(digits));

export function markdownTable(reports: BenchReport[]): string {
  const lines = [
    '| benchmark | scale | project | baseline | ratio (median of pairs) | target | met |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const report of reports) {
    const { medianProject, medianBaseline, medianRatio, ratios } = report.result;
    const target =
      report.target.min !== undefined ? `≥ ${report.target.min}×` : `≤ ${report.target.max}×`;
    const detail = (sample: { value: number; details?: Record<string, number> }) =>
      `${round(sample.value)} ${report.unit}` +
      (sample.details?.p99Ms !== undefined ? `, p99 ${sample.details.p99Ms} ms` : '') +
      (sample.details?.cpuMsPerRequest !== undefined
        ? `, ${sample.details.cpuMsPerRequest} ms CPU/request`
        : '');
    lines.push(
      `| ${report.name} | ${report.scale} | ${detail(medianProject)} | ${detail(medianBaseline)} | ` +
        `**${round(medianRatio)}×** (${ratios.map((r) => round(r, 2)).join(', ')}) | ${target} | ` +
        `${meetsTarget(report) ? 'yes' : 'no'} |`,
    );
  }
  return lines.join('\n');
}
