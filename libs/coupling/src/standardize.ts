import type { Bounds, Direction, Range, Standardization } from './model';

/** Min and max of a column (the column must not be empty). */
export function boundsOf(values: readonly number[]): Bounds {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { min, max };
}

/** True when min-max standardisation with these bounds is degenerate (max = min). */
export function isConstant(bounds: Bounds): boolean {
  return !(bounds.max > bounds.min);
}

/**
 * Min-max standardisation of one value into [a, b]:
 *   positive: x' = a + (b − a)(x − min)/(max − min)
 *   negative: x' = a + (b − a)(max − x)/(max − min)
 * A constant indicator (max = min) maps to the midpoint (a + b)/2.
 * Values outside the bounds (possible with frozen bounds) are extrapolated linearly, not clipped.
 */
export function minMaxValue(x: number, bounds: Bounds, range: Range, direction: Direction): number {
  const [a, b] = range;
  if (isConstant(bounds)) return (a + b) / 2;
  const span = bounds.max - bounds.min;
  const t = direction === 'positive' ? (x - bounds.min) / span : (bounds.max - x) / span;
  return (b - a) * t + a;
}

/** x clipped into [min, max]. */
export function clip(x: number, bounds: Bounds): number {
  return x < bounds.min ? bounds.min : x > bounds.max ? bounds.max : x;
}

/** The goalposts of a column as bounds. */
export function goalpostBounds(goalposts: Range): Bounds {
  return { min: goalposts[0], max: goalposts[1] };
}

/**
 * Standardises one value according to the model's standardisation step. With `goalposts` the
 * value is clipped to the bounds first (the caller reports the clip); with `minmax` it is not.
 */
export function standardizeValue(
  x: number,
  bounds: Bounds,
  standardization: Standardization,
  direction: Direction,
): number {
  if (standardization.method === 'none') return x;
  const value = standardization.method === 'goalposts' ? clip(x, bounds) : x;
  return minMaxValue(value, bounds, standardization.range, direction);
}

/** Standardises a whole column over the panel; returns the values and the bounds used. */
export function standardizeColumn(
  values: readonly number[],
  standardization: Standardization,
  direction: Direction,
  /** The column's name: required with goalposts, which are given per column. */
  column = '',
): { values: number[]; bounds: Bounds; constant: boolean } {
  if (standardization.method === 'goalposts') {
    const bounds = goalpostBounds(standardization.goalposts[column]);
    const standardized = values.map((x) => standardizeValue(x, bounds, standardization, direction));
    return { values: standardized, bounds, constant: isConstant(boundsOf(standardized)) };
  }
  const bounds = boundsOf(values);
  return {
    values: values.map((x) => standardizeValue(x, bounds, standardization, direction)),
    bounds,
    constant: isConstant(bounds),
  };
}
