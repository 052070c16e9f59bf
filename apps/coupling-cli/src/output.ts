import type { EvaluationResult, Obstacles } from '@cc/coupling';

/** One sample of the CLI's JSON output. */
export interface CliSample {
  id: string[];
  scores: Record<string, number>;
  U: Record<string, number>;
  C: number;
  T: number;
  D: number;
  level: string;
  obstacles: Obstacles;
  /** Obstacle degrees divided by their row sum (indicators and subsystems separately). */
  obstaclesNormalized: Obstacles;
}

/** The CLI's JSON document. */
export interface CliOutput {
  indicatorWeights: Record<string, number>;
  subsystemWeights: Record<string, number>;
  samples: CliSample[];
  warnings: string[];
}

export function toCliOutput(result: EvaluationResult): CliOutput {
  return {
    indicatorWeights: result.indicatorWeights,
    subsystemWeights: result.subsystemWeights,
    samples: result.samples.map((s) => ({
      id: s.id,
      scores: s.scores,
      U: s.U,
      C: s.C,
      T: s.T,
      D: s.D,
      level: s.level,
      obstacles: s.obstacles,
      obstaclesNormalized: s.obstaclesNormalized,
    })),
    warnings: result.warnings.map((w) => w.message),
  };
}

/**
 * The output as JSON text. Numbers keep full double precision (JSON.stringify writes the
 * shortest text that reads back as the same double). A non-finite number would be written
 * as null, so it is refused instead.
 */
export function serializeOutput(output: CliOutput): string {
  return `${JSON.stringify(
    output,
    (key, value: unknown) => {
      if (typeof value === 'number' && !Number.isFinite(value)) {
        throw new Error(`internal error: non-finite number ${value} at "${key}"`);
      }
      return value;
    },
    2,
  )}\n`;
}
