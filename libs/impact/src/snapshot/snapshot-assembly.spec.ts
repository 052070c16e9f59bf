import { BasisOrigin, BasisSummary } from '../indicator-system/indicator-system-basis';
import { computeContributions, evaluate, evaluateFrozen, parseModel } from '@cc/coupling';
import { buildPanel } from '../coupling-jobs/coupling-panel';
import { IndicatorDefinition } from '../indicator-system/indicator-system.definition';
import {
  IndicatorAggregation,
  IndicatorSource,
} from '../platform-indicators/platform-indicator.catalog';
import { PlatformIndicatorValue } from '../platform-indicators/platform-indicator-source';
import {
  assembleSnapshots,
  contentHashOf,
  stableStringify,
  summarizePanel,
} from './snapshot-assembly';

const INDICATORS: IndicatorDefinition[] = [
  ['visitors', 'cultural_soft_power', IndicatorSource.OFFICIAL_STATISTIC, null],
  [
    'creative_sales_revenue',
    'cultural_soft_power',
    IndicatorSource.PLATFORM,
    IndicatorAggregation.SUM,
  ],
  ['patents', 'talent_innovation', IndicatorSource.OFFICIAL_STATISTIC, null],
  ['sell_through', 'talent_innovation', IndicatorSource.PLATFORM, IndicatorAggregation.RATIO],
].map(([key, subsystem, source, aggregation]) => ({
  key: key as string,
  label: key as string,
  subsystem: subsystem as string,
  direction: 'positive',
  source: source as IndicatorSource,
  aggregation: aggregation as IndicatorAggregation | null,
  unit: null,
  description: null,
}));

const MODEL = parseModel({
  subsystems: [
    {
      name: 'cultural_soft_power',
      indicators: [{ column: 'visitors' }, { column: 'creative_sales_revenue' }],
    },
    { name: 'talent_innovation', indicators: [{ column: 'patents' }, { column: 'sell_through' }] },
  ],
  standardization: { method: 'minmax', range: [0.01, 0.99] },
});

const CITIES = ['city-a', 'city-b'];
const PERIODS = ['2026-Q1', '2026-Q2', '2026-Q3'];

function panelFor(visitorsBoost = 0) {
  const statistics = CITIES.flatMap((cityId, c) =>
    PERIODS.flatMap((period, q) => [
      {
        cityId,
        period,
        indicator: 'visitors',
        value: 1000 + 300 * c + 150 * q + (c === 0 && q === 2 ? visitorsBoost : 0),
        importId: 'i1',
      },
      { cityId, period, indicator: 'patents', value: 20 + 7 * ((c + 2 * q) % 3), importId: 'i1' },
    ]),
  );
  const platformValues: PlatformIndicatorValue[] = CITIES.flatMap((cityId, c) =>
    PERIODS.flatMap((period, q) => [
      {
        cityId,
        period,
        indicator: 'creative_sales_revenue',
        total: 500 * (q + 1) + 200 * c,
        recordCount: 3 + q,
        parts: [
          { projectId: `${cityId}-p1`, amount: 400 * (q + 1) },
          { projectId: `${cityId}-p2`, amount: 100 * (q + 1) + 200 * c },
        ],
      },
      {
        cityId,
        period,
        indicator: 'sell_through',
        total: { numerator: 10 + 5 * q + c, denominator: 40 },
        recordCount: 2,
        parts: [
          { projectId: `${cityId}-p1`, amount: { numerator: 10 + 5 * q + c, denominator: 40 } },
        ],
      },
    ]),
  );
  return buildPanel({
    indicators: INDICATORS,
    statistics,
    platformValues,
    platformSourceOf: { creative_sales_revenue: 'retail.sales', sell_through: 'retail.sales' },
  });
}

const PANEL_BASIS: BasisSummary = {
  origin: BasisOrigin.PANEL,
  baselinePeriods: [],
  headroom: null,
  fixedAt: null,
  hash: 'panel',
};

function assemble(visitorsBoost = 0) {
  const panel = panelFor(visitorsBoost);
  const evaluation = evaluate(
    MODEL,
    panel.samples.map((s) => ({ id: [s.cityId, s.period.key], values: s.values })),
  );
  return {
    panel,
    evaluation,
    contents: assembleSnapshots(
      MODEL,
      panel.samples,
      evaluation,
      summarizePanel(panel.samples, panel.excluded),
      PANEL_BASIS,
    ),
  };
}

describe('assembleSnapshots', () => {
  it("copies the engine's result of each sample, in panel order, with the panel's frozen parameters", () => {
    const { panel, evaluation, contents } = assemble();
    expect(contents).toHaveLength(6);
    contents.forEach((content, i) => {
      const result = evaluation.samples[i];
      expect([content.cityId, content.period]).toEqual(result.id);
      expect(content).toMatchObject({
        granularity: 'QUARTER',
        rawValues: panel.samples[i].values,
        standardizedValues: result.standardized,
        scores: result.scores,
        subsystemValues: result.U,
        couplingDegree: result.C,
        coordinationIndex: result.T,
        coordinationDegree: result.D,
        level: result.level,
        obstacles: result.obstacles,
        obstaclesNormalized: result.obstaclesNormalized,
        frozen: evaluation.frozen,
        trace: panel.samples[i].trace,
        panel: {
          sampleCount: 6,
          cityCount: 2,
          firstPeriod: '2026-Q1',
          lastPeriod: '2026-Q3',
          excluded: [],
        },
      });
      expect(content.periodStart.toISOString()).toBe(
        {
          '2026-Q1': '2025-12-31T16:00:00.000Z',
          '2026-Q2': '2026-03-31T16:00:00.000Z',
          '2026-Q3': '2026-06-30T16:00:00.000Z',
        }[content.period],
      );
    });
  });

  it('stores what evaluateFrozen needs to reproduce a snapshot (what-if from a published row)', () => {
    for (const content of assemble().contents) {
      const again = evaluateFrozen({
        model: MODEL,
        frozen: content.frozen,
        values: content.rawValues,
      });
      expect(again.D).toBeCloseTo(content.coordinationDegree, 14);
      expect(again.U).toEqual(
        Object.fromEntries(
          Object.entries(content.subsystemValues).map(([k, u]) => [k, expect.closeTo(u, 14)]),
        ),
      );
    }
  });

  it('computes each project\u2019s contribution with the frozen parameters', () => {
    const { panel, evaluation, contents } = assemble();
    const i = 5;
    const expected = computeContributions({
      model: MODEL,
      frozen: evaluation.frozen,
      totals: panel.samples[i].totals,
      contributors: panel.samples[i].contributors,
    });
    expect(contents[i].contributions.map((c) => c.projectId)).toEqual(['city-b-p1', 'city-b-p2']);
    // These parts are sums (no `alone`): the shares equal the true leave-one-out.
    expect(contents[i].contributions).toEqual(
      expected.contributions.map((c) => ({
        projectId: c.id,
        rawParts: panel.samples[i].contributors.find((p) => p.id === c.id)!.parts,
        shares: {
          parts: panel.samples[i].contributors.find((p) => p.id === c.id)!.parts,
          deltaU: c.deltaU,
          deltaD: c.deltaD,
        },
        deltaU: c.deltaU,
        deltaC: c.deltaC,
        deltaT: c.deltaT,
        deltaD: c.deltaD,
      })),
    );
    expect(expected.base.D).toBeCloseTo(contents[i].coordinationDegree, 14);
    // p2 takes part in revenue only, so it moves U1 and not U2.
    expect(contents[i].contributions[1].deltaU.talent_innovation).toBe(0);
    expect(contents[i].contributions[1].deltaU.cultural_soft_power).toBeGreaterThan(0);
  });

  it('hashes the content deterministically: same inputs same hash, any change a new hash', () => {
    const first = assemble().contents;
    const second = assemble().contents;
    expect(second.map((c) => c.contentHash)).toEqual(first.map((c) => c.contentHash));
    const { contentHash, ...rest } = first[0];
    expect(contentHashOf(rest)).toBe(contentHash);

    // One value of one sample changes the panel's bounds: every snapshot changes.
    const changed = assemble(5000).contents;
    changed.forEach((c, i) => expect(c.contentHash).not.toBe(first[i].contentHash));
  });

  it('stableStringify ignores key order and undefined properties', () => {
    expect(stableStringify({ b: 1, a: { d: [1, { y: 2, x: undefined, w: 1 }], c: null } })).toBe(
      stableStringify({ a: { c: null, d: [1, { w: 1, y: 2 }] }, b: 1 }),
    );
    expect(stableStringify({ at: new Date('2026-01-01T00:00:00Z') })).toBe(
      '{"at":"2026-01-01T00:00:00.000Z"}',
    );
  });
});
