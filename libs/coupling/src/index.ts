/**
 * @cc/coupling — the coupling coordination degree engine (pure TypeScript, no framework).
 * See libs/coupling/README.md for the model and its formulas.
 */
export type {
  Bounds,
  CouplingLevelCode,
  CouplingModel,
  CouplingOptions,
  CouplingVariant,
  CouplingWarning,
  CouplingWarningCode,
  Direction,
  EvaluationResult,
  FrozenParameters,
  IndicatorSpec,
  IndicatorWeighting,
  Obstacles,
  Range,
  Sample,
  SampleResult,
  Standardization,
  SubsystemSpec,
  SubsystemWeighting,
} from './model';
export { CouplingError, CouplingErrorCode } from './coupling.error';
export { parseModel, indicatorColumns, WEIGHT_SUM_TOLERANCE } from './model-validation';
export { samplesFromTable, parseNumericCell } from './table';
export { evaluate } from './evaluate';
export { evaluateFrozen } from './frozen';
export { deriveBasis, modelWithBasis } from './basis';
export { evaluateWhatIf } from './what-if';
export type { WhatIfResult } from './what-if';
export { computeContributions } from './contributions';
export type {
  Contribution,
  ContributionRequest,
  ContributionResult,
  ContributorParts,
  IndicatorAmount,
  RatioAmount,
} from './contributions';
export { couplingDegree, coordinationIndex, coordinationDegree } from './coupling-degree';
export { entropyWeights, columnEntropy } from './weights';
export { minMaxValue } from './standardize';
export { levelOf, COUPLING_LEVELS } from './levels';
export type { CouplingLevel } from './levels';
