import { parseModel } from '@cc/coupling';
import { DEFAULT_INDICATOR_SYSTEM_V1 } from '../../../database/src/migrations/1795890009063-Impact';
import { withActiveIncubatedVentures } from '../../../database/src/migrations/1796071500000-ActiveIncubatedVentures';
import {
  CouplingVariant,
  IndicatorDirection,
  IndicatorWeightingMethod,
  StandardizationMethod,
  SubsystemWeightingMethod,
} from '../graphql-enums';
import { ImpactException } from '../impact.exception';
import {
  IndicatorAggregation,
  IndicatorSource,
  PLATFORM_INDICATORS,
} from '../platform-indicators/platform-indicator.catalog';
import { definitionFromInput } from './indicator-system.builder';
import { IndicatorSystemDefinition, validateIndicatorSystem } from './indicator-system.definition';

function failure(run: () => unknown): ImpactException {
  try {
    run();
  } catch (error) {
    if (error instanceof ImpactException) return error;
    throw error;
  }
  throw new Error('expected an ImpactException');
}

const baseInput = {
  indicatorWeighting: IndicatorWeightingMethod.ENTROPY,
  subsystemWeighting: SubsystemWeightingMethod.EQUAL,
  standardization: StandardizationMethod.MINMAX,
  scoreScale: 1,
  scoreStandardization: StandardizationMethod.NONE,
  couplingVariant: CouplingVariant.STANDARD,
  productFloor: 0,
  subsystems: [
    {
      name: 'cultural_soft_power',
      label: 'U1',
      indicators: [
        {
          key: 'creative_sales_revenue',
          label: 'Revenue',
          direction: IndicatorDirection.POSITIVE,
          source: IndicatorSource.PLATFORM,
        },
        {
          key: 'museum_visitors',
          label: 'Visitors',
          direction: IndicatorDirection.POSITIVE,
          source: IndicatorSource.OFFICIAL_STATISTIC,
        },
      ],
    },
    {
      name: 'talent_innovation',
      label: 'U2',
      indicators: [
        {
          key: 'sell_through',
          label: 'Sell-through',
          direction: IndicatorDirection.POSITIVE,
          source: IndicatorSource.PLATFORM,
        },
        {
          key: 'unemployment',
          label: 'Graduate unemployment',
          direction: IndicatorDirection.NEGATIVE,
          source: IndicatorSource.OFFICIAL_STATISTIC,
        },
      ],
    },
  ],
};

describe('the default indicator system (seeded as version 1)', () => {
  const seed = DEFAULT_INDICATOR_SYSTEM_V1 as unknown as IndicatorSystemDefinition;

  it('is a valid system whose model parseModel accepts as is', () => {
    expect(() => validateIndicatorSystem(seed)).not.toThrow();
    expect(parseModel(seed.model).subsystems.map((s) => s.name)).toEqual([
      'cultural_soft_power',
      'talent_innovation',
    ]);
  });

  const catalogue = PLATFORM_INDICATORS.map((spec) => [
    spec.key,
    spec.defaultSubsystem,
    'PLATFORM',
    spec.aggregation,
  ]);

  it("holds exactly the platform catalogue (no 'active incubated ventures'), with its aggregations", () => {
    expect(seed.indicators.map((i) => [i.key, i.subsystem, i.source, i.aggregation])).toEqual(
      catalogue.filter(([key]) => key !== 'active_incubated_ventures'),
    );
    expect(seed.indicators.filter((i) => i.subsystem === 'cultural_soft_power')).toHaveLength(5);
    expect(seed.indicators.filter((i) => i.subsystem === 'talent_innovation')).toHaveLength(6);
  });
});

describe('the default system with active incubated ventures (the next version, by migration)', () => {
  const next = withActiveIncubatedVentures(
    DEFAULT_INDICATOR_SYSTEM_V1,
  ) as unknown as IndicatorSystemDefinition;

  it('is valid and holds the whole platform catalogue, in its order', () => {
    expect(() => validateIndicatorSystem(next)).not.toThrow();
    expect(next.indicators.map((i) => [i.key, i.subsystem, i.source, i.aggregation])).toEqual(
      PLATFORM_INDICATORS.map((spec) => [
        spec.key,
        spec.defaultSubsystem,
        'PLATFORM',
        spec.aggregation,
      ]),
    );
    expect(parseModel(next.model).subsystems[1].indicators.map((i) => i.column)).toEqual(
      next.indicators.filter((i) => i.subsystem === 'talent_innovation').map((i) => i.key),
    );
  });
});

describe('definitionFromInput + validateIndicatorSystem', () => {
  it('builds the parseModel JSON and the indicator metadata', () => {
    const definition = definitionFromInput(baseInput);
    expect(validateIndicatorSystem(definition).standardization).toEqual({
      method: 'minmax',
      range: [0.01, 0.99],
    });
    expect(definition.model).toEqual({
      subsystems: [
        {
          name: 'cultural_soft_power',
          indicators: [
            { column: 'creative_sales_revenue', direction: 'positive' },
            { column: 'museum_visitors', direction: 'positive' },
          ],
        },
        {
          name: 'talent_innovation',
          indicators: [
            { column: 'sell_through', direction: 'positive' },
            { column: 'unemployment', direction: 'negative' },
          ],
        },
      ],
      standardization: { method: 'minmax', range: [0.01, 0.99] },
      indicatorWeights: { method: 'entropy' },
      scoreScale: 1,
      scoreStandardization: { method: 'none' },
      subsystemWeights: { method: 'equal' },
      coupling: { variant: 'standard', productFloor: 0 },
    });
    expect(definition.indicators.map((i) => [i.key, i.aggregation, i.direction])).toEqual([
      ['creative_sales_revenue', IndicatorAggregation.SUM, 'positive'],
      ['museum_visitors', null, 'positive'],
      ['sell_through', IndicatorAggregation.RATIO, 'positive'],
      ['unemployment', null, 'negative'],
    ]);
  });

  it('takes fixed weights and passes their check to the engine', () => {
    const input = {
      ...baseInput,
      indicatorWeighting: IndicatorWeightingMethod.FIXED,
      subsystemWeighting: SubsystemWeightingMethod.FIXED,
      couplingVariant: CouplingVariant.WANG,
      subsystems: baseInput.subsystems.map((s, k) => ({
        ...s,
        weight: k === 0 ? 0.4 : 0.6,
        indicators: s.indicators.map((i, j) => ({ ...i, weight: j === 0 ? 0.7 : 0.3 })),
      })),
    };
    const model = validateIndicatorSystem(definitionFromInput(input));
    expect(model.indicatorWeights).toEqual({
      method: 'fixed',
      weights: {
        creative_sales_revenue: 0.7,
        museum_visitors: 0.3,
        sell_through: 0.7,
        unemployment: 0.3,
      },
    });
    expect(model.subsystemWeights).toEqual({
      method: 'fixed',
      weights: { cultural_soft_power: 0.4, talent_innovation: 0.6 },
    });
    expect(model.coupling.variant).toBe('wang');

    const bad = {
      ...input,
      subsystems: input.subsystems.map((s) => ({
        ...s,
        indicators: s.indicators.map((i) => ({ ...i, weight: 0.2 })),
      })),
    };
    const error = failure(() => validateIndicatorSystem(definitionFromInput(bad)));
    expect(error.reason).toBe('INVALID_INDICATOR_SYSTEM');
    expect(error.details.engineCode).toBe('WEIGHTS_NOT_SUM_TO_ONE');
  });

  it.each([
    [
      'an unknown platform key',
      (i: typeof baseInput) => {
        i.subsystems[0].indicators[0].key = 'made_up_metric';
      },
      'UNKNOWN_PLATFORM_INDICATOR',
    ],
    [
      'an official statistic named like a platform indicator',
      (i: typeof baseInput) => {
        i.subsystems[0].indicators[1].key = 'brand_reach';
      },
      'INVALID_INDICATOR_SYSTEM',
    ],
    [
      'an aggregation on an official statistic',
      (i: typeof baseInput) => {
        (i.subsystems[0].indicators[1] as { aggregation?: string }).aggregation = 'SUM';
      },
      'INVALID_INDICATOR_SYSTEM',
    ],
    [
      'a wrong aggregation for a platform indicator',
      (i: typeof baseInput) => {
        (i.subsystems[1].indicators[0] as { aggregation?: string }).aggregation = 'SUM';
      },
      'INVALID_INDICATOR_SYSTEM',
    ],
    [
      'a weight under entropy weighting',
      (i: typeof baseInput) => {
        (i.subsystems[0].indicators[0] as { weight?: number }).weight = 1;
      },
      'INVALID_INDICATOR_SYSTEM',
    ],
    [
      'the same key twice',
      (i: typeof baseInput) => {
        i.subsystems[1].indicators[1].key = 'museum_visitors';
      },
      'INVALID_INDICATOR_SYSTEM',
    ],
  ])('rejects %s', (_, mutate, reason) => {
    const input = structuredClone(baseInput);
    mutate(input);
    expect(failure(() => validateIndicatorSystem(definitionFromInput(input))).reason).toBe(reason);
  });
});
