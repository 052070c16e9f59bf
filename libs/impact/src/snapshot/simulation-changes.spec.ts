import type { IndicatorDefinition } from '../indicator-system/indicator-system.definition';
import {
  IndicatorAggregation,
  IndicatorSource,
} from '../platform-indicators/platform-indicator.catalog';
import { applyProjectChanges, ProjectChanges } from './simulation-changes';

const indicator = (
  key: string,
  source: IndicatorSource,
  aggregation: IndicatorAggregation | null,
): IndicatorDefinition => ({
  key,
  label: key,
  subsystem: 'talent_innovation',
  direction: 'positive',
  source,
  aggregation,
  unit: null,
  description: null,
});

const INDICATORS = [
  indicator('projects_published', IndicatorSource.PLATFORM, IndicatorAggregation.SUM),
  indicator('local_culture_share', IndicatorSource.PLATFORM, IndicatorAggregation.RATIO),
  indicator('museums', IndicatorSource.OFFICIAL_STATISTIC, null),
];

const base = (overrides: Partial<ProjectChanges> = {}): ProjectChanges => ({
  indicators: INDICATORS,
  rawValues: { projects_published: 4, local_culture_share: 0.75, museums: 12 },
  trace: {
    projects_published: { source: 'marketplace', recordCount: 4 },
    local_culture_share: { source: 'marketplace', recordCount: 4, numerator: 3, denominator: 4 },
    museums: { source: 'official-statistic', recordCount: 1 },
  },
  removed: [],
  added: [],
  ...overrides,
});

describe('applyProjectChanges', () => {
  it('subtracts a removed project’s parts from the totals, a ratio part by part', () => {
    const { values, changed } = applyProjectChanges(
      base({
        removed: [
          {
            projectId: 'p',
            parts: { projects_published: 1, local_culture_share: { numerator: 1, denominator: 1 } },
          },
        ],
      }),
    );
    expect(values).toEqual({ projects_published: 3, local_culture_share: 2 / 3, museums: 12 });
    expect(changed.sort()).toEqual(['local_culture_share', 'projects_published']);
  });

  it('adds a hypothetical project’s parts, and removing everything gives a ratio of 0', () => {
    expect(
      applyProjectChanges(
        base({
          added: [
            [
              { indicator: 'projects_published', amount: 2 },
              { indicator: 'local_culture_share', numerator: 0, denominator: 4 },
            ],
          ],
        }),
      ).values,
    ).toEqual({ projects_published: 6, local_culture_share: 3 / 8, museums: 12 });
    expect(
      applyProjectChanges(
        base({
          removed: [
            { projectId: 'a', parts: { local_culture_share: { numerator: 3, denominator: 3 } } },
            { projectId: 'b', parts: { local_culture_share: { numerator: 0, denominator: 1 } } },
          ],
        }),
      ).values.local_culture_share,
    ).toBe(0);
  });

  it('ignores stored parts of indicators the version does not use', () => {
    const { values, changed } = applyProjectChanges(
      base({ removed: [{ projectId: 'p', parts: { bids_awarded: 1 } }] }),
    );
    expect(values.projects_published).toBe(4);
    expect(changed).toEqual([]);
  });

  it('refuses parts of the wrong kind, of official statistics, unknown keys and negatives', () => {
    const add = (part: Record<string, unknown>) => () =>
      applyProjectChanges(base({ added: [[{ indicator: 'x', ...part }]] }));
    expect(add({ indicator: 'projects_published', numerator: 1, denominator: 1 })).toThrow(
      /is a sum; give its amount/,
    );
    expect(add({ indicator: 'local_culture_share', amount: 1 })).toThrow(/is a ratio/);
    expect(add({ indicator: 'museums', amount: 1 })).toThrow(/official statistic/);
    expect(add({ indicator: 'nope', amount: 1 })).toThrow(/not an indicator/);
    expect(add({ indicator: 'projects_published', amount: -1 })).toThrow(/cannot be negative/);
    expect(() =>
      applyProjectChanges(
        base({
          removed: [
            { projectId: 'p', parts: { local_culture_share: { numerator: 1, denominator: 9 } } },
          ],
        }),
      ),
    ).toThrow(/more than the period's total/);
  });
});
