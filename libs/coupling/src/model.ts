/**
 * Types of the coupling coordination degree (CCD) model and of its results.
 * Pure data: no behaviour lives here.
 */

export type Direction = 'positive' | 'negative';

export interface IndicatorSpec {
  /** Column name in the data (may be any UTF-8 text, e.g. Chinese). */
  column: string;
  direction: Direction;
}

export interface SubsystemSpec {
  name: string;
  indicators: IndicatorSpec[];
}

/** `[a, b]` with a < b. */
export type Range = readonly [number, number];

/**
 * `goalposts`: fixed bounds per column (`[lower, upper]`, lower ≤ upper), like the HDI's
 * goalposts. Values outside are clipped to the nearer goalpost (with a warning), so x' stays in
 * [a, b] and a sample's x' never depends on the other samples.
 */
export type Standardization =
  | { method: 'none' }
  | { method: 'minmax'; range: Range }
  | { method: 'goalposts'; range: Range; goalposts: Readonly<Record<string, Range>> };

export type IndicatorWeighting =
  { method: 'entropy' } | { method: 'fixed'; weights: Readonly<Record<string, number>> };

export type SubsystemWeighting =
  | { method: 'equal' }
  | { method: 'entropy' }
  | { method: 'fixed'; weights: Readonly<Record<string, number>> };

export type CouplingVariant = 'standard' | 'wang' | 'fan';

export interface CouplingOptions {
  variant: CouplingVariant;
  /**
   * Standard variant only: every U_k in the product is replaced by max(U_k, productFloor),
   * so that one zero score does not force C to exactly 0. Default 0 (no floor).
   */
  productFloor: number;
}

/** A fully specified model (every default applied). Build one with `parseModel`. */
export interface CouplingModel {
  idColumns: string[];
  subsystems: SubsystemSpec[];
  standardization: Standardization;
  indicatorWeights: IndicatorWeighting;
  /** Subsystem scores are multiplied by this (e.g. 100). */
  scoreScale: number;
  /** Optional second min-max, of the scaled scores over the panel, giving U. */
  scoreStandardization: Standardization;
  subsystemWeights: SubsystemWeighting;
  coupling: CouplingOptions;
}

/** One row of the sample panel (e.g. a city in a period). */
export interface Sample {
  id: string[];
  /** Raw indicator values by column. */
  values: Readonly<Record<string, number>>;
}

export interface Bounds {
  min: number;
  max: number;
}

export type CouplingWarningCode =
  | 'CONSTANT_INDICATOR'
  | 'CONSTANT_SCORE'
  | 'ALL_INDICATORS_CONSTANT'
  | 'NEGATIVE_INDICATOR_NOT_STANDARDIZED'
  | 'SCORE_OUTSIDE_UNIT_INTERVAL'
  | 'ZERO_DENOMINATOR'
  | 'CLIPPED_AT_GOALPOST'
  | 'PROJECT_WITHOUT_PARTS'
  | 'PROJECT_WITHOUT_ACTIVITY'
  | 'U_CLIPPED';

export interface CouplingWarning {
  code: CouplingWarningCode;
  message: string;
  /** The sample concerned (its id), for warnings about one sample. */
  sample?: string[];
  /** The indicator (column) concerned, for warnings about one indicator. */
  indicator?: string;
}

export type CouplingLevelCode =
  | 'EXTREME_DISORDER'
  | 'SEVERE_DISORDER'
  | 'MODERATE_DISORDER'
  | 'MILD_DISORDER'
  | 'BORDERLINE_DISORDER'
  | 'BARELY_COORDINATED'
  | 'PRIMARY_COORDINATION'
  | 'INTERMEDIATE_COORDINATION'
  | 'GOOD_COORDINATION'
  | 'HIGH_QUALITY_COORDINATION';

export interface Obstacles {
  /** Per indicator: w_j · (1 − x'_j). */
  indicators: Record<string, number>;
  /** Per subsystem: α_k · (1 − U_k). */
  subsystems: Record<string, number>;
}

export interface SampleResult {
  id: string[];
  /** Standardised indicator values x'. */
  standardized: Record<string, number>;
  /** Subsystem scores after `scoreScale`. */
  scores: Record<string, number>;
  /** Subsystem values after `scoreStandardization`; C, T and D use these. */
  U: Record<string, number>;
  C: number;
  T: number;
  D: number;
  level: CouplingLevelCode;
  /** Raw obstacle degrees. */
  obstacles: Obstacles;
  /** The same obstacle degrees divided by their row sum (indicators and subsystems separately). */
  obstaclesNormalized: Obstacles;
}

/**
 * Everything that must be held fixed to re-evaluate one period later (e.g. leave-one-out
 * contributions, what-if simulations): standardisation bounds and weights.
 */
export interface FrozenParameters {
  /** Min and max of each indicator's raw values over the panel (ignored when standardization is none). */
  bounds: Readonly<Record<string, Bounds>>;
  indicatorWeights: Readonly<Record<string, number>>;
  subsystemWeights: Readonly<Record<string, number>>;
  /** Min and max of each subsystem's scaled score; required when scoreStandardization is minmax. */
  scoreBounds?: Readonly<Record<string, Bounds>>;
}

export interface EvaluationResult {
  model: CouplingModel;
  indicatorWeights: Record<string, number>;
  subsystemWeights: Record<string, number>;
  /** Bounds and weights of this panel, ready to be frozen. */
  frozen: FrozenParameters;
  samples: SampleResult[];
  warnings: CouplingWarning[];
}
