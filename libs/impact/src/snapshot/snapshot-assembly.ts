import { createHash } from 'node:crypto';
import {
  computeContributions,
  CouplingModel,
  CouplingWarning,
  EvaluationResult,
  FrozenParameters,
  IndicatorAmount,
} from '@cc/coupling';
import type { PanelSample } from '../coupling-jobs/coupling-panel';
import { CouplingLevel } from '../graphql-enums';
import { PeriodGranularity, periodStart } from '../period';
import type { IndicatorTrace, PanelSummary, SnapshotObstacles } from './coupling-snapshot.entity';

export interface ContributionContent {
  projectId: string;
  rawParts: Record<string, IndicatorAmount>;
  deltaU: Record<string, number>;
  deltaC: number;
  deltaT: number;
  deltaD: number;
}

/** Everything a snapshot row holds that comes from the computation (no ids, no timestamps). */
export interface SnapshotContent {
  cityId: string;
  period: string;
  granularity: PeriodGranularity;
  periodStart: Date;
  rawValues: Record<string, number>;
  standardizedValues: Record<string, number>;
  frozen: FrozenParameters;
  scores: Record<string, number>;
  subsystemValues: Record<string, number>;
  couplingDegree: number;
  coordinationIndex: number;
  coordinationDegree: number;
  level: CouplingLevel;
  obstacles: SnapshotObstacles;
  obstaclesNormalized: SnapshotObstacles;
  trace: Record<string, IndicatorTrace>;
  panel: PanelSummary;
  warnings: CouplingWarning[];
  contributions: ContributionContent[];
  contentHash: string;
}

/** JSON with object keys sorted at every depth, so equal content always hashes equally. */
export function stableStringify(value: unknown): string {
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function contentHashOf(content: Omit<SnapshotContent, 'contentHash'>): string {
  return createHash('sha256').update(stableStringify(content)).digest('hex');
}

export function summarizePanel(samples: readonly PanelSample[], excluded: string[]): PanelSummary {
  return {
    sampleCount: samples.length,
    cityCount: new Set(samples.map((s) => s.cityId)).size,
    firstPeriod: samples[0]?.period.key ?? '',
    lastPeriod: samples.at(-1)?.period.key ?? '',
    excluded,
  };
}

/**
 * Turns the engine's evaluation of a panel into snapshot contents, one per sample, in the
 * panel's order. Each snapshot carries the panel's frozen bounds and weights, so
 * `evaluateFrozen` (what-if) and `computeContributions` (project ΔU, ΔD) reproduce it exactly.
 * Contributions are computed here for samples whose platform indicators have project parts.
 */
export function assembleSnapshots(
  model: CouplingModel,
  samples: readonly PanelSample[],
  evaluation: EvaluationResult,
  panel: PanelSummary,
): SnapshotContent[] {
  if (evaluation.samples.length !== samples.length) {
    throw new Error(
      `the evaluation has ${evaluation.samples.length} samples, the panel ${samples.length}`,
    );
  }
  return samples.map((sample, i) => {
    const result = evaluation.samples[i];
    const warnings = [...evaluation.warnings];
    let contributions: ContributionContent[] = [];
    if (sample.contributors.length > 0) {
      const computed = computeContributions({
        model,
        frozen: evaluation.frozen,
        totals: sample.totals,
        contributors: sample.contributors,
      });
      warnings.push(...computed.warnings);
      const partsOf = new Map(sample.contributors.map((c) => [c.id, c.parts]));
      contributions = computed.contributions.map((c) => ({
        projectId: c.id,
        rawParts: { ...partsOf.get(c.id)! },
        deltaU: c.deltaU,
        deltaC: c.deltaC,
        deltaT: c.deltaT,
        deltaD: c.deltaD,
      }));
    }
    const content: Omit<SnapshotContent, 'contentHash'> = {
      cityId: sample.cityId,
      period: sample.period.key,
      granularity: sample.period.granularity,
      periodStart: periodStart(sample.period),
      rawValues: { ...sample.values },
      standardizedValues: result.standardized,
      frozen: evaluation.frozen,
      scores: result.scores,
      subsystemValues: result.U,
      couplingDegree: result.C,
      coordinationIndex: result.T,
      coordinationDegree: result.D,
      level: result.level as CouplingLevel,
      obstacles: result.obstacles,
      obstaclesNormalized: result.obstaclesNormalized,
      trace: sample.trace,
      panel,
      warnings,
      contributions,
    };
    return { ...content, contentHash: contentHashOf(content) };
  });
}
