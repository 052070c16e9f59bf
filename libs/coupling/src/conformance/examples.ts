/**
 * The models (as model.json objects) that reproduce each published pipeline of
 * ../shared/conformance/ccd. Shared by the engine and the CLI conformance specs.
 */
import { readSections, section } from './published';

export const EX1 = 'ex1_mathmodels_cdev';
export const EX2 = 'ex2_coupling_gzma';
export const EX3 = 'ex3_mathmodels_docs';

/** ex2: each *_Score column is one subsystem, min-max [0,1] over the 118 units, equal α. */
export function ex2Model(variant: 'standard' | 'wang' | 'fan'): Record<string, unknown> {
  const names = ['PS', 'EL', 'OH', 'IL'];
  return {
    idColumns: ['fid'],
    subsystems: names.map((n) => ({
      name: n,
      indicators: [{ column: `${n}_Score`, direction: 'positive' }],
    })),
    standardization: { method: 'minmax', range: [0, 1] },
    indicatorWeights: {
      method: 'fixed',
      weights: Object.fromEntries(names.map((n) => [`${n}_Score`, 1])),
    },
    scoreScale: 1,
    scoreStandardization: { method: 'none' },
    subsystemWeights: { method: 'equal' },
    coupling: { variant },
  };
}

/** ex3: the three scores s1..s3 used as they are (standardization none), one indicator each. */
export function ex3Model(
  variant: 'standard' | 'wang',
  alpha?: [number, number, number],
): Record<string, unknown> {
  const names = ['s1', 's2', 's3'];
  return {
    idColumns: ['ID'],
    subsystems: names.map((n) => ({ name: n, indicators: [{ column: n, direction: 'positive' }] })),
    standardization: { method: 'none' },
    indicatorWeights: { method: 'fixed', weights: { s1: 1, s2: 1, s3: 1 } },
    subsystemWeights: alpha
      ? { method: 'fixed', weights: { s1: alpha[0], s2: alpha[1], s3: alpha[2] } }
      : { method: 'equal' },
    coupling: { variant },
  };
}

/**
 * ex3's entropy_weight example: X = (x1 "+", x2 "−") rescaled to [0.002, 0.998], entropy
 * weights with k = 1/ln 4, s = 100·Σ w x'. The engine needs two subsystems, so a second one
 * holds an independent column `y`; it does not affect the first subsystem's weights or score.
 */
export function ex3EntropyModel(): Record<string, unknown> {
  return {
    idColumns: ['i'],
    subsystems: [
      {
        name: 'X',
        indicators: [
          { column: 'x1', direction: 'positive' },
          { column: 'x2', direction: 'negative' },
        ],
      },
      { name: 'other', indicators: [{ column: 'y', direction: 'positive' }] },
    ],
    standardization: { method: 'minmax', range: [0.002, 0.998] },
    indicatorWeights: { method: 'entropy' },
    scoreScale: 100,
  };
}

/** The input data of ex3's entropy example, read from its section title: x1=c(...), x2=c(...). */
export function ex3EntropyData(): { header: string[]; rows: string[][] } {
  const title = [...readSections(EX3).keys()].find((t) => t.startsWith('entropy_weight('));
  if (!title) throw new Error('ex3 has no entropy_weight section');
  const vector = (name: string): string[] => {
    const m = new RegExp(`${name}=c\\(([^)]*)\\)`).exec(title);
    if (!m) throw new Error(`no ${name}=c(...) in "${title}"`);
    return m[1].split(',').map((s) => s.trim());
  };
  const x1 = vector('x1');
  const x2 = vector('x2');
  return {
    header: ['i', 'x1', 'x2', 'y'],
    rows: x1.map((v, i) => [String(i + 1), v, x2[i], String(i + 1)]),
  };
}

export const EX1_SUBSYSTEMS: readonly {
  name: string;
  indicators: [string, 'positive' | 'negative'][];
}[] = [
  {
    name: '科技',
    indicators: [
      ['R_D投入强度', 'positive'],
      ['高新技术企业数', 'positive'],
      ['专利授权量', 'positive'],
    ],
  },
  {
    name: '经济',
    indicators: [
      ['GDP总量', 'positive'],
      ['人均可支配收入', 'positive'],
      ['产业结构高级化', 'positive'],
    ],
  },
  {
    name: '生态',
    indicators: [
      ['空气质量优良率', 'positive'],
      ['单位GDP能耗', 'negative'],
      ['绿地覆盖率', 'positive'],
    ],
  },
];

/** The subsystem weights printed in ex1 ("system weights w"), as fixed α. */
export function ex1PublishedAlpha(): Record<string, number> {
  const rows = section(readSections(EX1), 'system weights');
  return Object.fromEntries(rows.map(([name, w]) => [name, Number(w)]));
}

/**
 * ex1: min-max into [0.002, 0.998], entropy weights within each subsystem, scores ×100,
 * scores re-standardised to [0,1], the published α fixed, standard C with product floor 1e-10.
 */
export function ex1Model(): Record<string, unknown> {
  return {
    idColumns: ['地区', '年份'],
    subsystems: EX1_SUBSYSTEMS.map((s) => ({
      name: s.name,
      indicators: s.indicators.map(([column, direction]) => ({ column, direction })),
    })),
    standardization: { method: 'minmax', range: [0.002, 0.998] },
    indicatorWeights: { method: 'entropy' },
    scoreScale: 100,
    scoreStandardization: { method: 'minmax', range: [0, 1] },
    subsystemWeights: { method: 'fixed', weights: ex1PublishedAlpha() },
    coupling: { variant: 'standard', productFloor: 1e-10 },
  };
}
