import { CouplingError, CouplingErrorCode } from './coupling.error';
import type {
  CouplingModel,
  CouplingOptions,
  CouplingVariant,
  Direction,
  IndicatorSpec,
  IndicatorWeighting,
  Range,
  Standardization,
  SubsystemSpec,
  SubsystemWeighting,
} from './model';

/** Fixed weights must sum to 1 within this absolute tolerance. */
export const WEIGHT_SUM_TOLERANCE = 1e-9;

export const DEFAULT_STANDARDIZATION: Standardization = { method: 'minmax', range: [0, 1] };

type Json = Record<string, unknown>;

function fail(code: CouplingErrorCode, message: string): never {
  throw new CouplingError(code, message);
}

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  return v === undefined ? 'undefined' : JSON.stringify(v);
}

function checkKeys(obj: Json, allowed: string[], where: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      fail(
        CouplingErrorCode.INVALID_MODEL,
        `${where}: unknown property "${key}" (allowed: ${allowed.join(', ')})`,
      );
    }
  }
}

function nonEmptyString(v: unknown, where: string): string {
  if (typeof v !== 'string' || v.length === 0) {
    fail(
      CouplingErrorCode.INVALID_MODEL,
      `${where} must be a non-empty string, got ${describe(v)}`,
    );
  }
  return v;
}

function finiteNumber(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    fail(CouplingErrorCode.INVALID_MODEL, `${where} must be a finite number, got ${describe(v)}`);
  }
  return v;
}

function parseRange(v: unknown, where: string): Range {
  if (!Array.isArray(v) || v.length !== 2) {
    fail(CouplingErrorCode.INVALID_RANGE, `${where} must be [a, b], got ${describe(v)}`);
  }
  const a = finiteNumber(v[0], `${where}[0]`);
  const b = finiteNumber(v[1], `${where}[1]`);
  if (!(a < b)) {
    fail(CouplingErrorCode.INVALID_RANGE, `${where} must have a < b, got [${a}, ${b}]`);
  }
  return [a, b];
}

function parseGoalposts(
  v: unknown,
  names: readonly string[],
  what: string,
  where: string,
): Record<string, Range> {
  if (!isObject(v)) {
    fail(
      CouplingErrorCode.INVALID_MODEL,
      `${where} must be an object of [lower, upper] per ${what}, got ${describe(v)}`,
    );
  }
  const out: Record<string, Range> = {};
  for (const key of Object.keys(v)) {
    if (!names.includes(key)) {
      fail(
        CouplingErrorCode.UNKNOWN_WEIGHT_KEY,
        `${where} has "${key}", which is not a ${what} of the model`,
      );
    }
  }
  for (const name of names) {
    const pair = v[name];
    if (!Array.isArray(pair) || pair.length !== 2) {
      fail(
        CouplingErrorCode.INVALID_RANGE,
        `${where}["${name}"] must be [lower, upper], got ${describe(pair)}`,
      );
    }
    const lower = finiteNumber(pair[0], `${where}["${name}"][0]`);
    const upper = finiteNumber(pair[1], `${where}["${name}"][1]`);
    if (!(lower <= upper)) {
      fail(
        CouplingErrorCode.INVALID_RANGE,
        `${where}["${name}"] must have lower <= upper, got [${lower}, ${upper}]`,
      );
    }
    out[name] = [lower, upper];
  }
  return out;
}

/** `names`/`what`: the columns (or subsystems) goalposts must be given for. */
function parseStandardization(
  v: unknown,
  where: string,
  names: readonly string[],
  what: string,
): Standardization {
  if (v === undefined) return DEFAULT_STANDARDIZATION;
  if (!isObject(v)) {
    fail(CouplingErrorCode.INVALID_MODEL, `${where} must be an object, got ${describe(v)}`);
  }
  const range = (): Range =>
    v.range === undefined ? [0, 1] : parseRange(v.range, `${where}.range`);
  if (v.method === 'none') {
    checkKeys(v, ['method'], where);
    return { method: 'none' };
  }
  if (v.method === 'minmax') {
    checkKeys(v, ['method', 'range'], where);
    return { method: 'minmax', range: range() };
  }
  if (v.method === 'goalposts') {
    checkKeys(v, ['method', 'range', 'goalposts'], where);
    return {
      method: 'goalposts',
      range: range(),
      goalposts: parseGoalposts(v.goalposts, names, what, `${where}.goalposts`),
    };
  }
  return fail(
    CouplingErrorCode.INVALID_MODEL,
    `${where}.method must be "none", "minmax" or "goalposts", got ${describe(v.method)}`,
  );
}

function parseWeightMap(v: unknown, where: string): Record<string, number> {
  if (!isObject(v)) {
    fail(
      CouplingErrorCode.INVALID_MODEL,
      `${where} must be an object of weights, got ${describe(v)}`,
    );
  }
  const out: Record<string, number> = {};
  for (const [key, w] of Object.entries(v)) {
    if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
      fail(
        CouplingErrorCode.INVALID_WEIGHT,
        `${where}["${key}"] must be a finite number >= 0, got ${describe(w)}`,
      );
    }
    out[key] = w;
  }
  return out;
}

/**
 * Checks that `weights` has exactly the keys `names` and sums to 1 (within WEIGHT_SUM_TOLERANCE).
 * `what` names the group in messages, e.g. 'indicator weights of subsystem "talent"'.
 */
export function assertWeightsSumToOne(
  weights: Readonly<Record<string, number>>,
  names: readonly string[],
  what: string,
): void {
  for (const name of names) {
    if (!(name in weights)) {
      fail(CouplingErrorCode.MISSING_WEIGHT, `${what}: no weight given for "${name}"`);
    }
  }
  let sum = 0;
  for (const name of names) sum += weights[name];
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
    // 12 significant digits: enough to show a miss larger than the tolerance, without float noise.
    fail(
      CouplingErrorCode.WEIGHTS_NOT_SUM_TO_ONE,
      `${what} sum to ${Number(sum.toPrecision(12))}, not 1`,
    );
  }
}

function parseIndicator(v: unknown, where: string): IndicatorSpec {
  if (!isObject(v)) {
    fail(CouplingErrorCode.INVALID_MODEL, `${where} must be an object, got ${describe(v)}`);
  }
  checkKeys(v, ['column', 'direction'], where);
  const column = nonEmptyString(v.column, `${where}.column`);
  const direction = v.direction === undefined ? 'positive' : v.direction;
  if (direction !== 'positive' && direction !== 'negative') {
    fail(
      CouplingErrorCode.INVALID_MODEL,
      `${where}.direction must be "positive" or "negative", got ${describe(direction)}`,
    );
  }
  return { column, direction: direction as Direction };
}

function parseSubsystems(v: unknown): SubsystemSpec[] {
  if (!Array.isArray(v)) {
    fail(CouplingErrorCode.INVALID_MODEL, `subsystems must be an array, got ${describe(v)}`);
  }
  const subsystems = v.map((s, i): SubsystemSpec => {
    const where = `subsystems[${i}]`;
    if (!isObject(s)) {
      fail(CouplingErrorCode.INVALID_MODEL, `${where} must be an object, got ${describe(s)}`);
    }
    checkKeys(s, ['name', 'indicators'], where);
    const name = nonEmptyString(s.name, `${where}.name`);
    if (!Array.isArray(s.indicators) || s.indicators.length === 0) {
      fail(
        CouplingErrorCode.EMPTY_SUBSYSTEM,
        `subsystem "${name}" must have at least one indicator`,
      );
    }
    const indicators = s.indicators.map((ind, j) =>
      parseIndicator(ind, `${where}.indicators[${j}]`),
    );
    return { name, indicators };
  });
  if (subsystems.length < 2) {
    fail(
      CouplingErrorCode.TOO_FEW_SUBSYSTEMS,
      `the model needs at least 2 subsystems, got ${subsystems.length}`,
    );
  }
  const names = new Set<string>();
  const columns = new Set<string>();
  for (const s of subsystems) {
    if (names.has(s.name)) {
      fail(CouplingErrorCode.DUPLICATE_NAME, `subsystem name "${s.name}" is used twice`);
    }
    names.add(s.name);
    for (const ind of s.indicators) {
      if (columns.has(ind.column)) {
        fail(
          CouplingErrorCode.DUPLICATE_NAME,
          `indicator column "${ind.column}" is used twice in the model`,
        );
      }
      columns.add(ind.column);
    }
  }
  return subsystems;
}

function parseIndicatorWeights(v: unknown, subsystems: SubsystemSpec[]): IndicatorWeighting {
  if (v === undefined) return { method: 'entropy' };
  if (!isObject(v)) {
    fail(CouplingErrorCode.INVALID_MODEL, `indicatorWeights must be an object, got ${describe(v)}`);
  }
  if (v.method === 'entropy') {
    checkKeys(v, ['method'], 'indicatorWeights');
    return { method: 'entropy' };
  }
  if (v.method !== 'fixed') {
    fail(
      CouplingErrorCode.INVALID_MODEL,
      `indicatorWeights.method must be "entropy" or "fixed", got ${describe(v.method)}`,
    );
  }
  checkKeys(v, ['method', 'weights'], 'indicatorWeights');
  const weights = parseWeightMap(v.weights, 'indicatorWeights.weights');
  const all = new Set(subsystems.flatMap((s) => s.indicators.map((i) => i.column)));
  for (const key of Object.keys(weights)) {
    if (!all.has(key)) {
      fail(
        CouplingErrorCode.UNKNOWN_WEIGHT_KEY,
        `indicatorWeights.weights has "${key}", which is not an indicator of the model`,
      );
    }
  }
  for (const s of subsystems) {
    assertWeightsSumToOne(
      weights,
      s.indicators.map((i) => i.column),
      `fixed indicator weights of subsystem "${s.name}"`,
    );
  }
  return { method: 'fixed', weights };
}

function parseSubsystemWeights(v: unknown, subsystems: SubsystemSpec[]): SubsystemWeighting {
  if (v === undefined) return { method: 'equal' };
  if (!isObject(v)) {
    fail(CouplingErrorCode.INVALID_MODEL, `subsystemWeights must be an object, got ${describe(v)}`);
  }
  if (v.method === 'equal' || v.method === 'entropy') {
    checkKeys(v, ['method'], 'subsystemWeights');
    return { method: v.method };
  }
  if (v.method !== 'fixed') {
    fail(
      CouplingErrorCode.INVALID_MODEL,
      `subsystemWeights.method must be "equal", "entropy" or "fixed", got ${describe(v.method)}`,
    );
  }
  checkKeys(v, ['method', 'weights'], 'subsystemWeights');
  const weights = parseWeightMap(v.weights, 'subsystemWeights.weights');
  const names = subsystems.map((s) => s.name);
  for (const key of Object.keys(weights)) {
    if (!names.includes(key)) {
      fail(
        CouplingErrorCode.UNKNOWN_WEIGHT_KEY,
        `subsystemWeights.weights has "${key}", which is not a subsystem of the model`,
      );
    }
  }
  assertWeightsSumToOne(weights, names, 'fixed subsystem weights');
  return { method: 'fixed', weights };
}

function parseCoupling(v: unknown): CouplingOptions {
  if (v === undefined) return { variant: 'standard', productFloor: 0 };
  if (!isObject(v)) {
    fail(CouplingErrorCode.INVALID_MODEL, `coupling must be an object, got ${describe(v)}`);
  }
  checkKeys(v, ['variant', 'productFloor'], 'coupling');
  const variant = v.variant === undefined ? 'standard' : v.variant;
  if (variant !== 'standard' && variant !== 'wang' && variant !== 'fan') {
    fail(
      CouplingErrorCode.INVALID_MODEL,
      `coupling.variant must be "standard", "wang" or "fan", got ${describe(variant)}`,
    );
  }
  const productFloor =
    v.productFloor === undefined ? 0 : finiteNumber(v.productFloor, 'coupling.productFloor');
  if (productFloor < 0) {
    fail(
      CouplingErrorCode.INVALID_MODEL,
      `coupling.productFloor must be >= 0, got ${productFloor}`,
    );
  }
  return { variant: variant as CouplingVariant, productFloor };
}

const MODEL_KEYS = [
  'idColumns',
  'subsystems',
  'standardization',
  'indicatorWeights',
  'scoreScale',
  'scoreStandardization',
  'subsystemWeights',
  'coupling',
];

/**
 * Validates a model as read from JSON (or built in code) and fills in the defaults:
 * idColumns [], minmax [0,1], entropy indicator weights, scoreScale 1, no score
 * standardisation, equal subsystem weights, standard coupling with productFloor 0.
 * Throws a CouplingError with a one-line message on the first problem.
 */
export function parseModel(input: unknown): CouplingModel {
  if (!isObject(input)) {
    fail(
      CouplingErrorCode.INVALID_MODEL,
      `the model must be a JSON object, got ${describe(input)}`,
    );
  }
  checkKeys(input, MODEL_KEYS, 'model');
  let idColumns: string[] = [];
  if (input.idColumns !== undefined) {
    if (!Array.isArray(input.idColumns)) {
      fail(
        CouplingErrorCode.INVALID_MODEL,
        `idColumns must be an array of column names, got ${describe(input.idColumns)}`,
      );
    }
    idColumns = input.idColumns.map((c, i) => nonEmptyString(c, `idColumns[${i}]`));
  }
  const subsystems = parseSubsystems(input.subsystems);
  const scoreScale =
    input.scoreScale === undefined ? 1 : finiteNumber(input.scoreScale, 'scoreScale');
  if (!(scoreScale > 0)) {
    fail(CouplingErrorCode.INVALID_MODEL, `scoreScale must be > 0, got ${scoreScale}`);
  }
  return {
    idColumns,
    subsystems,
    standardization: parseStandardization(
      input.standardization,
      'standardization',
      subsystems.flatMap((s) => s.indicators.map((i) => i.column)),
      'indicator',
    ),
    indicatorWeights: parseIndicatorWeights(input.indicatorWeights, subsystems),
    scoreScale,
    scoreStandardization:
      input.scoreStandardization === undefined
        ? { method: 'none' }
        : parseStandardization(
            input.scoreStandardization,
            'scoreStandardization',
            subsystems.map((s) => s.name),
            'subsystem',
          ),
    subsystemWeights: parseSubsystemWeights(input.subsystemWeights, subsystems),
    coupling: parseCoupling(input.coupling),
  };
}

/** All indicator columns of the model, subsystem by subsystem. */
export function indicatorColumns(model: CouplingModel): string[] {
  return model.subsystems.flatMap((s) => s.indicators.map((i) => i.column));
}
