import {
  computeContributions,
  CouplingModel,
  CouplingWarning,
  EvaluationResult,
  FrozenParameters,
  IndicatorAmount,
} from '@cc/coupling';
import type { PanelSample } from '../coupling-jobs/coupling-panel';
import type { BasisSummary } from '../indicator-system/indicator-system-basis';
import { CouplingLevel } from '../graphql-enums';
import { PeriodGranularity, periodStart } from '../period';
import { hashOf, stableStringify } from '../stable-json';
import type { IndicatorTrace, PanelSummary, SnapshotObstacles } from './coupling-snapshot.entity';

/** The additive attribution: 1/k of each distinct item shared by k projects. */
export interface ContributionShares {
  parts: Record<string, IndicatorAmount>;
  deltaU: Record<string, number>;
  deltaD: number;
}

export interface ContributionContent {
  projectId: string;
  /** What removing the project takes from each total (the true leave-one-out's inputs). */
  rawParts: Record<string, IndicatorAmount>;
  shares: ContributionShares;
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
  basis: BasisSummary;
  warnings: CouplingWarning[];
  contributions: ContributionContent[];
  contentHash: string;
}

export { stableStringify };

export function contentHashOf(content: Omit<SnapshotContent, 'contentHash'>): string {
  return hashOf(content);
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
  basis: BasisSummary,
): SnapshotContent[] {
  if (evaluation.samples.length !== samples.length) {
    throw new Error(
      `the evaluation has ${evaluation.samples.length} samples, the panel ${samples.length}`,
    );
  }
  return samples.map((sample, i) => {
    const result = evaluation.samples[i];
    // A warning about one sample (a clip at a goalpost) belongs to that sample's snapshot only.
    const warnings = evaluation.warnings.filter(
      (w) => !w.sample || (w.sample[0] === sample.cityId && w.sample[1] === sample.period.key),
    );
    let contributions: ContributionContent[] = [];
    if (sample.contributors.length > 0) {
      const leaveOneOut = (contributors: typeof sample.contributors) =>
        computeContributions({
          model,
          frozen: evaluation.frozen,
          totals: sample.totals,
          contributors,
        });
      const computed = leaveOneOut(sample.contributors);
      const shared = leaveOneOut(sample.shareContributors);
      warnings.push(...computed.warnings);
      const partsOf = new Map(sample.contributors.map((c) => [c.id, c.parts]));
      const sharesOf = new Map(sample.shareContributors.map((c) => [c.id, c.parts]));
      const sharedDelta = new Map(shared.contributions.map((c) => [c.id, c]));
      contributions = computed.contributions.map((c) => ({
        projectId: c.id,
        rawParts: { ...partsOf.get(c.id)! },
        shares: {
          parts: { ...sharesOf.get(c.id)! },
          deltaU: sharedDelta.get(c.id)!.deltaU,
          deltaD: sharedDelta.get(c.id)!.deltaD,
        },
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
      basis,
      warnings,
      contributions,
    };
    return { ...content, contentHash: contentHashOf(content) };
  });
}
