import { CouplingError, CouplingErrorCode } from './coupling.error';
import { indicatorColumns, parseModel } from './model-validation';

const SUBSYSTEMS = [
  { name: 'culture', indicators: [{ column: 'sales', direction: 'positive' }] },
  {
    name: 'talent',
    indicators: [
      { column: 'projects', direction: 'positive' },
      { column: 'cost', direction: 'negative' },
    ],
  },
];

function codeOf(input: unknown): CouplingErrorCode {
  try {
    parseModel(input);
  } catch (err) {
    expect(err).toBeInstanceOf(CouplingError);
    expect((err as CouplingError).message).not.toMatch(/\n/);
    return (err as CouplingError).code;
  }
  throw new Error('expected parseModel to throw');
}

describe('parseModel', () => {
  it('applies the documented defaults', () => {
    expect(parseModel({ subsystems: SUBSYSTEMS })).toEqual({
      idColumns: [],
      subsystems: SUBSYSTEMS,
      standardization: { method: 'minmax', range: [0, 1] },
      indicatorWeights: { method: 'entropy' },
      scoreScale: 1,
      scoreStandardization: { method: 'none' },
      subsystemWeights: { method: 'equal' },
      coupling: { variant: 'standard', productFloor: 0 },
    });
  });

  it('defaults an indicator direction to positive and a minmax range to [0, 1]', () => {
    const model = parseModel({
      subsystems: [
        { name: 'a', indicators: [{ column: 'x' }] },
        { name: 'b', indicators: [{ column: 'y' }] },
      ],
      scoreStandardization: { method: 'minmax' },
    });
    expect(model.subsystems[0].indicators[0].direction).toBe('positive');
    expect(model.scoreStandardization).toEqual({ method: 'minmax', range: [0, 1] });
  });

  it('keeps every option given', () => {
    const model = parseModel({
      idColumns: ['region', 'year'],
      subsystems: SUBSYSTEMS,
      standardization: { method: 'minmax', range: [0.002, 0.998] },
      indicatorWeights: { method: 'fixed', weights: { sales: 1, projects: 0.7, cost: 0.3 } },
      scoreScale: 100,
      scoreStandardization: { method: 'minmax', range: [0, 1] },
      subsystemWeights: { method: 'fixed', weights: { culture: 0.4, talent: 0.6 } },
      coupling: { variant: 'wang' },
    });
    expect(model.idColumns).toEqual(['region', 'year']);
    expect(model.coupling).toEqual({ variant: 'wang', productFloor: 0 });
    expect(model.scoreScale).toBe(100);
    expect(indicatorColumns(model)).toEqual(['sales', 'projects', 'cost']);
  });

  it('accepts fixed weights that sum to 1 within 1e-9', () => {
    expect(() =>
      parseModel({
        subsystems: SUBSYSTEMS,
        subsystemWeights: {
          method: 'fixed',
          weights: { culture: 0.3898977 + 0.2839915, talent: 0.3261108 },
        },
      }),
    ).not.toThrow();
    expect(
      codeOf({
        subsystems: SUBSYSTEMS,
        subsystemWeights: { method: 'fixed', weights: { culture: 0.5, talent: 0.5 + 2e-9 } },
      }),
    ).toBe(CouplingErrorCode.WEIGHTS_NOT_SUM_TO_ONE);
  });

  it.each([
    ['a non-object', 42, CouplingErrorCode.INVALID_MODEL],
    ['no subsystems', {}, CouplingErrorCode.INVALID_MODEL],
    ['one subsystem', { subsystems: [SUBSYSTEMS[0]] }, CouplingErrorCode.TOO_FEW_SUBSYSTEMS],
    [
      'an empty subsystem',
      { subsystems: [SUBSYSTEMS[0], { name: 'b', indicators: [] }] },
      CouplingErrorCode.EMPTY_SUBSYSTEM,
    ],
    [
      'a duplicate subsystem name',
      { subsystems: [SUBSYSTEMS[0], { ...SUBSYSTEMS[1], name: 'culture' }] },
      CouplingErrorCode.DUPLICATE_NAME,
    ],
    [
      'a column used twice',
      {
        subsystems: [SUBSYSTEMS[0], { name: 'b', indicators: [{ column: 'sales' }] }],
      },
      CouplingErrorCode.DUPLICATE_NAME,
    ],
    [
      'a bad direction',
      {
        subsystems: [SUBSYSTEMS[0], { name: 'b', indicators: [{ column: 'y', direction: 'up' }] }],
      },
      CouplingErrorCode.INVALID_MODEL,
    ],
    [
      'an unknown property',
      { subsystems: SUBSYSTEMS, colour: 'red' },
      CouplingErrorCode.INVALID_MODEL,
    ],
    [
      'a range with a >= b',
      { subsystems: SUBSYSTEMS, standardization: { method: 'minmax', range: [1, 1] } },
      CouplingErrorCode.INVALID_RANGE,
    ],
    [
      'an unknown standardization',
      { subsystems: SUBSYSTEMS, standardization: { method: 'zscore' } },
      CouplingErrorCode.INVALID_MODEL,
    ],
    [
      'fixed indicator weights not summing to 1',
      {
        subsystems: SUBSYSTEMS,
        indicatorWeights: { method: 'fixed', weights: { sales: 1, projects: 0.5, cost: 0.4 } },
      },
      CouplingErrorCode.WEIGHTS_NOT_SUM_TO_ONE,
    ],
    [
      'a missing fixed indicator weight',
      {
        subsystems: SUBSYSTEMS,
        indicatorWeights: { method: 'fixed', weights: { sales: 1, projects: 1 } },
      },
      CouplingErrorCode.MISSING_WEIGHT,
    ],
    [
      'a weight for an unknown indicator',
      {
        subsystems: SUBSYSTEMS,
        indicatorWeights: {
          method: 'fixed',
          weights: { sales: 1, projects: 0.5, cost: 0.5, bids: 0 },
        },
      },
      CouplingErrorCode.UNKNOWN_WEIGHT_KEY,
    ],
    [
      'a negative weight',
      {
        subsystems: SUBSYSTEMS,
        subsystemWeights: { method: 'fixed', weights: { culture: 1.5, talent: -0.5 } },
      },
      CouplingErrorCode.INVALID_WEIGHT,
    ],
    [
      'a weight for an unknown subsystem',
      {
        subsystems: SUBSYSTEMS,
        subsystemWeights: { method: 'fixed', weights: { culture: 0.5, talent: 0.5, x: 0 } },
      },
      CouplingErrorCode.UNKNOWN_WEIGHT_KEY,
    ],
    ['scoreScale 0', { subsystems: SUBSYSTEMS, scoreScale: 0 }, CouplingErrorCode.INVALID_MODEL],
    [
      'an unknown coupling variant',
      { subsystems: SUBSYSTEMS, coupling: { variant: 'li' } },
      CouplingErrorCode.INVALID_MODEL,
    ],
    [
      'a negative product floor',
      { subsystems: SUBSYSTEMS, coupling: { productFloor: -1 } },
      CouplingErrorCode.INVALID_MODEL,
    ],
    [
      'idColumns not an array',
      { subsystems: SUBSYSTEMS, idColumns: 'region' },
      CouplingErrorCode.INVALID_MODEL,
    ],
  ])('rejects %s', (_what, input, code) => {
    expect(codeOf(input)).toBe(code);
  });

  it('names the problem in one line', () => {
    expect(() => parseModel({ subsystems: [SUBSYSTEMS[0]] })).toThrow(
      'the model needs at least 2 subsystems, got 1',
    );
  });
});
