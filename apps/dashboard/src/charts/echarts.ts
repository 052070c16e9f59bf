import { BarChart, LineChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  MarkAreaComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([
  LineChart,
  BarChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  MarkAreaComponent,
  AriaComponent,
  SVGRenderer,
]);

export type ChartOption = echarts.EChartsCoreOption;

/**
 * Draws a chart with the SVG renderer (crisp, and its text is in the page for screen readers and
 * tests) into a figure with an accessible name. Charts follow their container's size.
 */
export function renderChart(
  container: HTMLElement,
  option: ChartOption,
  label: string,
): echarts.ECharts {
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', label);
  const chart = echarts.init(container, undefined, { renderer: 'svg' });
  chart.setOption({ aria: { enabled: true, label: { description: label } }, ...option });
  new ResizeObserver(() => chart.resize()).observe(container);
  return chart;
}
