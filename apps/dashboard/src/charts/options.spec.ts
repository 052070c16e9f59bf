import type { SeriesPoint } from '../api/queries';
import { COUPLING_LEVELS } from '../../../../libs/coupling/src/levels';
import { couplingSeriesOption, subsystemsOption } from './options';

const point = (period: string, d: number, u1: number, u2: number): SeriesPoint => ({
  id: period,
  period,
  status: 'LIVE',
  revision: 1,
  couplingDegree: 0.9,
  coordinationIndex: d * d,
  coordinationDegree: d,
  level: 'BARELY_COORDINATED',
  subsystems: [
    {
      name: 'cultural_soft_power',
      label: 'U1',
      value: u1,
      weight: 0.5,
      obstacle: 0,
      obstacleNormalized: 0,
    },
    {
      name: 'talent_innovation',
      label: 'U2',
      value: u2,
      weight: 0.5,
      obstacle: 0,
      obstacleNormalized: 0,
    },
  ],
});

describe('chart options', () => {
  const points = [point('2026-Q1', 0.42, 0.3, 0.5), point('2026-Q2', 0.55, 0.4, 0.6)];

  it('puts every period on the axis and D, C, T over the ten named level bands', () => {
    const option = couplingSeriesOption(points) as {
      xAxis: { data: string[] };
      series: {
        name: string;
        data: number[];
        markArea?: { data: [{ name: string; yAxis: number }, { yAxis: number }][] };
      }[];
    };
    expect(option.xAxis.data).toEqual(['2026-Q1', '2026-Q2']);
    expect(option.series.map((s) => s.data)).toEqual([
      [0.42, 0.55],
      [0.9, 0.9],
      [0.42 * 0.42, 0.55 * 0.55],
    ]);
    const bands = option.series[0].markArea!.data;
    expect(bands).toHaveLength(10);
    expect(bands.map(([from, to]) => [from.name, from.yAxis, to.yAxis])).toEqual(
      COUPLING_LEVELS.map((level) => [`${level.labelZh} ${level.label}`, level.from, level.to]),
    );
    expect(bands[0][0].name).toBe('极度失调 extreme disorder');
    expect(bands[9][0].name).toBe('优质协调 high-quality coordination');
  });

  it('draws one line per subsystem', () => {
    const option = subsystemsOption(points) as { series: { name: string; data: number[] }[] };
    expect(option.series.map((s) => [s.name, s.data])).toEqual([
      ['U1 (cultural_soft_power)', [0.3, 0.4]],
      ['U2 (talent_innovation)', [0.5, 0.6]],
    ]);
  });
});
