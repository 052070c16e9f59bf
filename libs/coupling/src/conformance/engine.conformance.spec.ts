import { entropyWeights, evaluate, parseModel, samplesFromTable } from '../index';
import type { EvaluationResult } from '../index';
import { checkEx1, checkEx2, checkEx3Entropy, checkEx3Standard, checkEx3Wang } from './checks';
import {
  EX1,
  EX2,
  EX3,
  ex1Model,
  ex2Model,
  ex3EntropyData,
  ex3EntropyModel,
  ex3Model,
} from './examples';
import { PublishedComparison, readExampleCsv, readSections, section } from './published';

function run(
  model: Record<string, unknown>,
  table: { header: string[]; rows: string[][] },
): EvaluationResult {
  const parsed = parseModel(model);
  return evaluate(parsed, samplesFromTable(parsed, table.header, table.rows));
}

function expectAllMatch(cmp: PublishedComparison, expectedCount: number): void {
  expect(cmp.mismatches).toEqual([]);
  expect(cmp.count).toBe(expectedCount);
}

describe('conformance (engine): ex2 coupling/gzma, 118 units × 4 scores', () => {
  const data = readExampleCsv(EX2, 'gzma_scores.csv');

  it('reads all 118 units', () => {
    expect(data.rows).toHaveLength(118);
  });

  it('matches the normalised values and the standard C and D to 7 decimals', () => {
    expectAllMatch(checkEx2('standard', run(ex2Model('standard'), data)), 6 * 4 + 6 * 2);
  });

  it('matches the Wang (2021) C and D to 7 decimals', () => {
    expectAllMatch(checkEx2('wang', run(ex2Model('wang'), data)), 6 * 2);
  });

  it('matches the Fan (2024) C and D to 7 decimals', () => {
    expectAllMatch(checkEx2('fan', run(ex2Model('fan'), data)), 6 * 2);
  });
});

describe('conformance (engine): ex3 mathmodels reference page', () => {
  const data = readExampleCsv(EX3, 'subsystem_scores.csv');

  it('matches the standard C, T, D and the equal-weight obstacles to 3 significant digits', () => {
    expectAllMatch(checkEx3Standard(run(ex3Model('standard'), data)), 6 * 3 + 6 * 3);
  });

  it('matches the Wang C, T, D with α = 0.4/0.3/0.3 and the weighted obstacles', () => {
    expectAllMatch(checkEx3Wang(run(ex3Model('wang', [0.4, 0.3, 0.3]), data)), 6 * 3 + 6 * 3);
  });

  it('matches the entropy_weight example: 2 weights and 4 scores to 7 significant digits', () => {
    expectAllMatch(checkEx3Entropy(run(ex3EntropyModel(), ex3EntropyData())), 2 + 4);
  });
});

describe('conformance (engine): ex1 mathmodels-book cdev, 80 province-years × 9 indicators', () => {
  const data = readExampleCsv(EX1, 'cdev-sim.csv');

  it('reads all 80 province-years', () => {
    expect(data.rows).toHaveLength(80);
  });

  it('matches the 9 entropy weights (7 decimals) and every printed score, C, T, D and obstacle (3 s.f.)', () => {
    const published = readSections(EX1);
    const expected =
      section(published, 'indicator weights').length +
      section(published, 'subsystem scores').length * 3 +
      section(published, 'system weights').length +
      section(published, 'coupling_degree per year').length * 3 +
      section(published, 'obstacle_degree per year').length * 3 +
      section(published, 'yearly sum of obstacle degrees').length * 3;
    expect(expected).toBe(9 + 30 + 3 + 30 + 30 + 30);
    expectAllMatch(checkEx1(run(ex1Model(), data)), expected);
  });

  it('reproduces the printed system weights as entropy weights of U with exact 0/1 read as 0.002/0.998', () => {
    const result = run(ex1Model(), data);
    const names = ['科技', '经济', '生态'];
    const columns = names.map((n) =>
      result.samples.map((s) => (s.U[n] === 0 ? 0.002 : s.U[n] === 1 ? 0.998 : s.U[n])),
    );
    const { weights } = entropyWeights(columns);
    const cmp = new PublishedComparison();
    for (const [name, printed] of section(readSections(EX1), 'system weights')) {
      cmp.check(`entropy weight of ${name}`, weights[names.indexOf(name)], printed);
    }
    expectAllMatch(cmp, 3);
  });
});
