import { CouplingError, CouplingErrorCode } from './coupling.error';
import type {
  Bounds,
  CouplingModel,
  CouplingWarning,
  EvaluationResult,
  Sample,
  SampleResult,
} from './model';
import { indicatorColumns } from './model-validation';
import { finishSample, scoreToU, subsystemScore } from './pipeline';
import { boundsOf, goalpostBounds, isConstant, standardizeColumn } from './standardize';
import { entropyWeights } from './weights';

function sampleLabel(sample: Sample, row: number): string {
  return sample.id.length > 0
    ? `sample [${sample.id.join(', ')}] (row ${row + 1})`
    : `row ${row + 1}`;
}

function columnOf(samples: readonly Sample[], column: string): number[] {
  return samples.map((s, i) => {
    const v = s.values[column];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new CouplingError(
        CouplingErrorCode.MISSING_VALUE,
        `indicator "${column}" has no finite value for ${sampleLabel(s, i)}`,
      );
    }
    return v;
  });
}

/** The raw value of a constant column (the first sample's). */
function constantValueOf(samples: readonly Sample[], column: string): number {
  return samples[0].values[column];
}

/**
 * One CLIPPED_AT_GOALPOST warning per value of the column outside its goalposts (none unless
 * the standardisation is `goalposts`), naming the sample and the indicator (or subsystem).
 */
function clipWarnings(
  samples: readonly Sample[],
  column: readonly number[],
  bounds: Bounds,
  model: CouplingModel,
  name: string,
  kind: 'indicator' | 'score',
): CouplingWarning[] {
  const std = kind === 'indicator' ? model.standardization : model.scoreStandardization;
  if (std.method !== 'goalposts') return [];
  const warnings: CouplingWarning[] = [];
  column.forEach((x, i) => {
    if (x >= bounds.min && x <= bounds.max) return;
    const goalpost =
      x < bounds.min ? `lower goalpost ${bounds.min}` : `upper goalpost ${bounds.max}`;
    const what = kind === 'indicator' ? `indicator "${name}"` : `the score of subsystem "${name}"`;
    warnings.push({
      code: 'CLIPPED_AT_GOALPOST',
      message: `${what} is ${x} for ${sampleLabel(samples[i], i)}: clipped at its ${goalpost}`,
      sample: [...samples[i].id],
      indicator: name,
    });
  });
  return warnings;
}

/**
 * Runs the whole coupling coordination model on a sample panel:
 * standardisation → indicator weights → subsystem scores → U → α → C, T, D, level, obstacles.
 * `model` must come from `parseModel` (validated, defaults applied).
 */
export function evaluate(model: CouplingModel, samples: readonly Sample[]): EvaluationResult {
  if (samples.length === 0) {
    throw new CouplingError(CouplingErrorCode.NO_SAMPLES, 'there are no samples to evaluate');
  }
  const warnings: CouplingWarning[] = [];

  // 1. Standardisation over the whole panel.
  const standardizedColumns: Record<string, number[]> = {};
  const bounds: Record<string, Bounds> = {};
  const constant: Record<string, boolean> = {};
  for (const s of model.subsystems) {
    for (const ind of s.indicators) {
      const raw = columnOf(samples, ind.column);
      const col = standardizeColumn(raw, model.standardization, ind.direction, ind.column);
      warnings.push(...clipWarnings(samples, raw, col.bounds, model, ind.column, 'indicator'));
      standardizedColumns[ind.column] = col.values;
      bounds[ind.column] = col.bounds;
      constant[ind.column] = col.constant;
      if (model.standardization.method === 'none' && ind.direction === 'negative') {
        warnings.push({
          code: 'NEGATIVE_INDICATOR_NOT_STANDARDIZED',
          message: `indicator "${ind.column}" is negative but standardization is "none": its values are used as given`,
        });
      }
    }
  }

  // 2. Indicator weights, within each subsystem.
  const indicatorWeights: Record<string, number> = {};
  for (const s of model.subsystems) {
    const columns = s.indicators.map((i) => i.column);
    if (model.indicatorWeights.method === 'fixed') {
      for (const c of columns) indicatorWeights[c] = model.indicatorWeights.weights[c];
    } else {
      const { weights, degenerate } = entropyWeights(
        columns.map((c) => standardizedColumns[c]),
        { names: columns, constant: columns.map((c) => constant[c]) },
      );
      columns.forEach((c, j) => (indicatorWeights[c] = weights[j]));
      if (degenerate) {
        warnings.push({
          code: 'ALL_INDICATORS_CONSTANT',
          message: `no indicator of subsystem "${s.name}" varies over the panel: its indicators get equal weights`,
        });
      }
    }
    for (const c of columns) {
      // Goalposts are fixed: a column constant in this panel is noise unless entropy weights it 0.
      const warn =
        model.standardization.method === 'goalposts'
          ? isConstant(bounds[c]) || (constant[c] && model.indicatorWeights.method === 'entropy')
          : constant[c];
      if (!warn) continue;
      const value =
        model.standardization.method === 'minmax'
          ? `standardised to the midpoint ${standardizedColumns[c][0]}`
          : model.standardization.method === 'goalposts'
            ? `standardised to ${standardizedColumns[c][0]} against its goalposts`
            : `kept at ${standardizedColumns[c][0]}`;
      const weight =
        model.indicatorWeights.method === 'entropy'
          ? 'weight 0'
          : `its fixed weight ${indicatorWeights[c]}`;
      warnings.push({
        code: 'CONSTANT_INDICATOR',
        message: `indicator "${c}" is constant over the panel (${constantValueOf(samples, c)}): ${value}, ${weight}`,
      });
    }
  }

  // 3. Subsystem scores and U.
  const standardizedRows: Record<string, number>[] = samples.map((_, i) => {
    const row: Record<string, number> = {};
    for (const c of indicatorColumns(model)) row[c] = standardizedColumns[c][i];
    return row;
  });
  const scoreRows = standardizedRows.map((row) => {
    const scores: Record<string, number> = {};
    for (const s of model.subsystems) {
      scores[s.name] = subsystemScore(model, s, row, indicatorWeights);
    }
    return scores;
  });
  let scoreBounds: Record<string, Bounds> | undefined;
  const scoreStd = model.scoreStandardization;
  if (scoreStd.method === 'goalposts') {
    scoreBounds = {};
    for (const s of model.subsystems) {
      scoreBounds[s.name] = goalpostBounds(scoreStd.goalposts[s.name]);
      const column = scoreRows.map((r) => r[s.name]);
      warnings.push(...clipWarnings(samples, column, scoreBounds[s.name], model, s.name, 'score'));
    }
  } else if (scoreStd.method === 'minmax') {
    scoreBounds = {};
    for (const s of model.subsystems) {
      const b = boundsOf(scoreRows.map((r) => r[s.name]));
      scoreBounds[s.name] = b;
      if (isConstant(b)) {
        warnings.push({
          code: 'CONSTANT_SCORE',
          message: `the score of subsystem "${s.name}" is constant over the panel (${b.min}): U is the midpoint of the range`,
        });
      }
    }
  }
  const uRows = scoreRows.map((scores) => {
    const U: Record<string, number> = {};
    for (const s of model.subsystems) {
      U[s.name] = scoreToU(model, scores[s.name], scoreBounds?.[s.name]);
    }
    return U;
  });

  // 4. Subsystem weights α.
  const names = model.subsystems.map((s) => s.name);
  const subsystemWeights: Record<string, number> = {};
  if (model.subsystemWeights.method === 'fixed') {
    for (const n of names) subsystemWeights[n] = model.subsystemWeights.weights[n];
  } else if (model.subsystemWeights.method === 'equal') {
    for (const n of names) subsystemWeights[n] = 1 / names.length;
  } else {
    const columns = names.map((n) => uRows.map((r) => r[n]));
    const { weights, degenerate } = entropyWeights(columns, {
      names,
      constant: columns.map((c) => isConstant(boundsOf(c))),
    });
    names.forEach((n, k) => (subsystemWeights[n] = weights[k]));
    if (degenerate) {
      warnings.push({
        code: 'ALL_INDICATORS_CONSTANT',
        message: 'no subsystem value U varies over the panel: the subsystems get equal weights',
      });
    }
  }

  if (model.coupling.variant !== 'standard') {
    const outside = uRows.some((r) => names.some((n) => r[n] < 0 || r[n] > 1));
    if (outside) {
      warnings.push({
        code: 'SCORE_OUTSIDE_UNIT_INTERVAL',
        message: `the ${model.coupling.variant} coupling assumes U in [0, 1], but some U lie outside it: C is clamped to [0, 1]`,
      });
    }
  }

  // 5. C, T, D, level and obstacles per sample.
  const results: SampleResult[] = samples.map((sample, i) =>
    finishSample(
      model,
      [...sample.id],
      standardizedRows[i],
      scoreRows[i],
      uRows[i],
      indicatorWeights,
      subsystemWeights,
      sampleLabel(sample, i),
    ),
  );

  return {
    model,
    indicatorWeights,
    subsystemWeights,
    frozen: {
      bounds,
      indicatorWeights: { ...indicatorWeights },
      subsystemWeights: { ...subsystemWeights },
      ...(scoreBounds ? { scoreBounds } : {}),
    },
    samples: results,
    warnings,
  };
}
