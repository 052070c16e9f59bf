import type { SeriesPoint } from '../api/queries';
import { renderChart } from '../charts/echarts';
import { couplingSeriesOption, subsystemsOption } from '../charts/options';
import { toCsv } from '../csv';
import { bi, download, fixed, h, table } from '../dom';
import { LEVEL_BANDS, levelName } from '../levels';
import { panel } from './panel';

/** The rows of the time-series CSV, exactly as the chart and the table show them. */
export function seriesCsv(points: readonly SeriesPoint[]): string {
  const subsystems = [...new Set(points.flatMap((p) => p.subsystems.map((s) => s.name)))];
  return toCsv(
    [
      'period',
      'status',
      'revision',
      'D',
      'C',
      'T',
      'level',
      'level_en',
      'level_zh',
      ...subsystems.map((name) => `U_${name}`),
    ],
    points.map((p) => {
      const band = LEVEL_BANDS.find((level) => level.code === p.level);
      return [
        p.period,
        p.status,
        p.revision,
        p.coordinationDegree,
        p.couplingDegree,
        p.coordinationIndex,
        p.level,
        band?.label,
        band?.labelZh,
        ...subsystems.map((name) => p.subsystems.find((s) => s.name === name)?.value),
      ];
    }),
  );
}

/** D, C and T over time on the level bands, with a data table; each period opens its details. */
export function seriesPanel(
  points: readonly SeriesPoint[],
  fileStem: string,
  openDetails: (period: string) => void,
): HTMLElement {
  const view = panel(bi('Coupling coordination over time', '耦合协调度变化'), 'wide');
  view.setActions(
    h(
      'button',
      { type: 'button', onclick: () => download(`${fileStem}-coupling.csv`, seriesCsv(points)) },
      bi('Download CSV', '下载 CSV'),
    ),
  );
  const chartBox = h('div', { class: 'chart tall', 'data-testid': 'series-chart' });
  view.body.append(chartBox);
  renderChart(
    chartBox,
    couplingSeriesOption(points),
    bi('Line chart of D, C and T per period over the ten level bands', 'D、C、T 随时期变化'),
    (chart) =>
      chart.on('click', (event) => {
        if (typeof event.name === 'string' && points.some((p) => p.period === event.name)) {
          openDetails(event.name);
        }
      }),
  );
  view.body.append(
    table(
      bi('Values per period', '各时期数值'),
      [bi('Period', '时期'), 'D', 'C', 'T', bi('Level', '等级'), bi('Status', '状态'), ''],
      points.map((p) => [
        p.period,
        fixed(p.coordinationDegree),
        fixed(p.couplingDegree),
        fixed(p.coordinationIndex),
        levelName(p.level),
        `${p.status} r${p.revision}`,
        h(
          'button',
          {
            type: 'button',
            class: 'link',
            'aria-label': bi(`Basis and trace of ${p.period}`, `${p.period} 依据与来源`),
            onclick: () => openDetails(p.period),
          },
          bi('Basis & trace', '依据'),
        ),
      ]),
    ),
  );
  return view.element;
}

/** U of each subsystem over time: which one lags. */
export function subsystemsPanel(points: readonly SeriesPoint[]): HTMLElement {
  const view = panel(bi('Subsystems U1 and U2', '子系统 U1 与 U2'));
  const chartBox = h('div', { class: 'chart', 'data-testid': 'subsystems-chart' });
  view.body.append(chartBox);
  renderChart(
    chartBox,
    subsystemsOption(points),
    bi('Line chart of each subsystem U per period', '各子系统发展水平'),
  );
  const last = points[points.length - 1];
  if (last && last.subsystems.length > 1) {
    const [lagging, next] = [...last.subsystems].sort((a, b) => a.value - b.value);
    const text =
      next.value - lagging.value < 0.0005
        ? bi(`In ${last.period} the subsystems are level`, `${last.period} 各子系统持平`)
        : bi(
            `In ${last.period}, ${lagging.label} (${lagging.name}) lags`,
            `${last.period} 滞后子系统：${lagging.label}`,
          );
    view.body.append(h('p', { class: 'note' }, text));
  }
  return view.element;
}
