import { EXIT_BAD_INPUT, EXIT_OK, run } from './main';

const MODEL = {
  idColumns: ['城市', '季度'],
  subsystems: [
    { name: '文化软实力', indicators: [{ column: '销售额', direction: 'positive' }] },
    {
      name: 'talent',
      indicators: [
        { column: 'projects', direction: 'positive' },
        { column: 'cost', direction: 'negative' },
      ],
    },
  ],
};
const DATA =
  '\uFEFF城市,季度,销售额,projects,cost\n杭州,2025Q1,10,3,5\n苏州,2025Q1,20,5,4\n宁波,2025Q1,15,1,2\n';

function invoke(
  argv: string[],
  files: Record<string, string>,
): { status: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const status = run(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    readFile: (p) => {
      if (!(p in files)) {
        throw Object.assign(new Error(`ENOENT: no such file, open '${p}'`), { code: 'ENOENT' });
      }
      return Buffer.from(files[p], 'utf8');
    },
  });
  return { status, stdout, stderr };
}

const ARGS = ['--model', 'model.json', '--data', 'data.csv'];

function expectBadInput(files: Record<string, string>, message: RegExp, argv = ARGS): void {
  const r = invoke(argv, files);
  expect(r.status).toBe(EXIT_BAD_INPUT);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^coupling: error/);
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(message);
}

describe('coupling CLI run()', () => {
  it('prints one JSON document for Chinese columns and a BOM', () => {
    const r = invoke(ARGS, { 'model.json': JSON.stringify(MODEL), 'data.csv': DATA });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(EXIT_OK);
    const out = JSON.parse(r.stdout);
    expect(out.samples.map((s: { id: string[] }) => s.id)).toEqual([
      ['杭州', '2025Q1'],
      ['苏州', '2025Q1'],
      ['宁波', '2025Q1'],
    ]);
    expect(Object.keys(out.indicatorWeights)).toEqual(['销售额', 'projects', 'cost']);
    expect(out.warnings).toEqual([]);
  });

  it('prints usage for --help', () => {
    const r = invoke(['--help'], {});
    expect(r.status).toBe(EXIT_OK);
    expect(r.stdout).toMatch(/--model model.json --data data.csv/);
  });

  it('accepts a model.json with a BOM', () => {
    const r = invoke(ARGS, { 'model.json': `\uFEFF${JSON.stringify(MODEL)}`, 'data.csv': DATA });
    expect(r.status).toBe(EXIT_OK);
  });

  it('rejects an unknown column', () => {
    const model = structuredClone(MODEL);
    model.subsystems[1].indicators[0].column = 'bids';
    expectBadInput(
      { 'model.json': JSON.stringify(model), 'data.csv': DATA },
      /\[UNKNOWN_COLUMN\]: unknown column "bids" \(indicator of subsystem "talent"\)/,
    );
  });

  it('rejects an unknown id column', () => {
    expectBadInput(
      { 'model.json': JSON.stringify({ ...MODEL, idColumns: ['region'] }), 'data.csv': DATA },
      /\[UNKNOWN_COLUMN\]: unknown column "region" \(id column\)/,
    );
  });

  it('rejects a non-numeric cell, naming its row and column', () => {
    const data = DATA.replace('苏州,2025Q1,20,5,4', '苏州,2025Q1,20,五,4');
    expectBadInput(
      { 'model.json': JSON.stringify(MODEL), 'data.csv': data },
      /\[NON_NUMERIC_CELL\]: non-numeric value "五" in column "projects" at data row 2 \(line 3\)/,
    );
  });

  it('rejects an empty cell, naming its row and column', () => {
    const data = DATA.replace('宁波,2025Q1,15,1,2', '宁波,2025Q1,,1,2');
    expectBadInput(
      { 'model.json': JSON.stringify(MODEL), 'data.csv': data },
      /\[NON_NUMERIC_CELL\]: empty cell in column "销售额" at data row 3 \(line 4\)/,
    );
  });

  it('rejects fixed weights that do not sum to 1', () => {
    const model = {
      ...MODEL,
      indicatorWeights: { method: 'fixed', weights: { 销售额: 1, projects: 0.5, cost: 0.4 } },
    };
    expectBadInput(
      { 'model.json': JSON.stringify(model), 'data.csv': DATA },
      /\[WEIGHTS_NOT_SUM_TO_ONE\]: fixed indicator weights of subsystem "talent" sum to 0.9, not 1/,
    );
  });

  it('rejects subsystem weights that do not sum to 1', () => {
    const model = {
      ...MODEL,
      subsystemWeights: { method: 'fixed', weights: { 文化软实力: 0.6, talent: 0.6 } },
    };
    expectBadInput(
      { 'model.json': JSON.stringify(model), 'data.csv': DATA },
      /\[WEIGHTS_NOT_SUM_TO_ONE\]: fixed subsystem weights sum to 1.2, not 1/,
    );
  });

  it('rejects fewer than 2 subsystems', () => {
    const model = { ...MODEL, subsystems: [MODEL.subsystems[1]] };
    expectBadInput(
      { 'model.json': JSON.stringify(model), 'data.csv': DATA },
      /\[TOO_FEW_SUBSYSTEMS\]: the model needs at least 2 subsystems, got 1/,
    );
  });

  it('rejects invalid JSON', () => {
    expectBadInput(
      { 'model.json': '{ "subsystems": [ }', 'data.csv': DATA },
      /model file "model.json" is not valid JSON/,
    );
  });

  it('rejects missing files', () => {
    expectBadInput({ 'data.csv': DATA }, /cannot read model file "model.json": no such file/);
    expectBadInput(
      { 'model.json': JSON.stringify(MODEL) },
      /cannot read data file "data.csv": no such file/,
    );
  });

  it('rejects a ragged CSV', () => {
    expectBadInput(
      { 'model.json': JSON.stringify(MODEL), 'data.csv': `${DATA}温州,2025Q1,3\n` },
      /data file "data.csv" is not valid CSV/,
    );
  });

  it('rejects bad arguments', () => {
    expectBadInput({}, /missing --data/, ['--model', 'model.json']);
  });

  it('standardises with goalposts: values outside are clipped and each clip is a warning', () => {
    const model = {
      ...MODEL,
      standardization: {
        method: 'goalposts',
        range: [0, 1],
        goalposts: { 销售额: [0, 16], projects: [0, 10], cost: [0, 10] },
      },
    };
    const r = invoke(ARGS, { 'model.json': JSON.stringify(model), 'data.csv': DATA });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(EXIT_OK);
    const out = JSON.parse(r.stdout);
    // 苏州 sold 20 > 16: clipped to the upper goalpost, so its culture score is the top of the range.
    expect(out.samples[1].scores['文化软实力']).toBe(1);
    expect(out.warnings).toEqual([
      'indicator "销售额" is 20 for sample [苏州, 2025Q1] (row 2): clipped at its upper goalpost 16',
    ]);
  });

  it('rejects goalposts missing an indicator, naming it', () => {
    const model = {
      ...MODEL,
      standardization: { method: 'goalposts', goalposts: { 销售额: [0, 16], projects: [0, 10] } },
    };
    expectBadInput(
      { 'model.json': JSON.stringify(model), 'data.csv': DATA },
      /\[INVALID_RANGE\].*standardization\.goalposts\["cost"\] must be \[lower, upper\]/,
    );
  });
});
