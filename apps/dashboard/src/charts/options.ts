import type { CityComparison, SeriesPoint } from '../api/queries';
import { BAND_COLOURS, LEVEL_BANDS } from '../levels';
import type { ChartOption } from './echarts';

const TEXT = '#1f2933';
const D_COLOUR = '#0b5cad';
const C_COLOUR = '#8a4b08';
const T_COLOUR = '#2f6f3e';

/** The ten level bands of D as shaded areas, each named in Chinese and English. */
function levelBands() {
  return {
    silent: true,
    data: LEVEL_BANDS.map((band, k) => [
      {
        name: `${band.labelZh} ${band.label}`,
        yAxis: band.from,
        itemStyle: { color: BAND_COLOURS[k] },
        label: { position: 'insideRight', color: TEXT, fontSize: 11 },
      },
      { yAxis: band.to },
    ]),
  };
}

/** D, C and T per period, over the shaded level bands. */
export function couplingSeriesOption(points: readonly SeriesPoint[]): ChartOption {
  const periods = points.map((point) => point.period);
  const line = (name: string, colour: string, values: number[], bands = false) => ({
    name,
    type: 'line',
    data: values,
    symbolSize: 8,
    lineStyle: { color: colour, width: name.startsWith('D') ? 3 : 2 },
    itemStyle: { color: colour },
    ...(bands ? { markArea: levelBands() } : {}),
  });
  return {
    textStyle: { color: TEXT },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => Number(value).toFixed(4) },
    legend: { top: 0, textStyle: { color: TEXT } },
    grid: { left: 48, right: 24, top: 36, bottom: 36 },
    xAxis: { type: 'category', data: periods, axisLabel: { color: TEXT } },
    yAxis: { type: 'value', min: 0, max: 1, interval: 0.1, axisLabel: { color: TEXT } },
    series: [
      line(
        'D 协调度',
        D_COLOUR,
        points.map((p) => p.coordinationDegree),
        true,
      ),
      line(
        'C 耦合度',
        C_COLOUR,
        points.map((p) => p.couplingDegree),
      ),
      line(
        'T 综合指数',
        T_COLOUR,
        points.map((p) => p.coordinationIndex),
      ),
    ],
  };
}

/** U of each subsystem per period: the lower line is the subsystem that lags. */
export function subsystemsOption(points: readonly SeriesPoint[]): ChartOption {
  const names = [...new Set(points.flatMap((point) => point.subsystems.map((s) => s.name)))];
  const colours = [D_COLOUR, '#b3261e', T_COLOUR, C_COLOUR];
  return {
    textStyle: { color: TEXT },
    tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => Number(value).toFixed(4) },
    legend: { top: 0, textStyle: { color: TEXT } },
    grid: { left: 48, right: 24, top: 36, bottom: 36 },
    xAxis: { type: 'category', data: points.map((point) => point.period) },
    yAxis: { type: 'value', min: 0, max: 1 },
    series: names.map((name, i) => {
      const label = points.flatMap((p) => p.subsystems).find((s) => s.name === name)?.label ?? name;
      return {
        name: `${label} (${name})`,
        type: 'line',
        symbolSize: 8,
        itemStyle: { color: colours[i % colours.length] },
        lineStyle: { color: colours[i % colours.length], type: i === 0 ? 'solid' : 'dashed' },
        data: points.map((p) => p.subsystems.find((s) => s.name === name)?.value ?? null),
      };
    }),
  };
}

/** Horizontal bars, largest on top; `highlight` names bars drawn in the accent colour. */
export function barsOption(
  rows: readonly { label: string; value: number; highlight?: boolean }[],
  colour = '#b3261e',
): ChartOption {
  const ordered = [...rows].reverse();
  return {
    textStyle: { color: TEXT },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: ordered.map((row) => row.label), axisLabel: { color: TEXT } },
    series: [
      {
        type: 'bar',
        data: ordered.map((row) => ({
          value: row.value,
          itemStyle: { color: row.highlight ? '#b3261e' : colour },
        })),
        label: {
          show: true,
          position: 'right',
          color: TEXT,
          formatter: ({ value }: { value: number }) => value.toFixed(3),
        },
      },
    ],
  };
}

/** D of every visible city in one period; the city being looked at is highlighted. */
export function comparisonOption(rows: readonly CityComparison[], cityId: string): ChartOption {
  return barsOption(
    rows.map((row) => ({
      label: row.city.name,
      value: row.coordinationDegree,
      highlight: row.cityId === cityId,
    })),
    D_COLOUR,
  );
}
