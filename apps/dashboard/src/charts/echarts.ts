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
 * tests) into a container with an accessible name. The chart is made once the container has a
 * size (it may not be in the page yet), then follows that size.
 */
export function renderChart(
  container: HTMLElement,
  option: ChartOption,
  label: string,
  onReady: (chart: echarts.ECharts) => void = () => undefined,
): void {
  container.setAttribute('role', 'img');
  container.setAttribute('aria-label', label);
  let chart: echarts.ECharts | undefined;
  new ResizeObserver(() => {
    if (chart) return chart.resize();
    if (!container.clientWidth || !container.clientHeight) return;
    chart = echarts.init(container, undefined, { renderer: 'svg' });
    chart.setOption({ aria: { enabled: true, label: { description: label } }, ...option });
    onReady(chart);
  }).observe(container);
}
