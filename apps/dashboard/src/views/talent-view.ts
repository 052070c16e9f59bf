import type { GraphqlClient } from '../api/client';
import { MY_IMPACT, type MyImpactResult, type ProjectImpact } from '../api/queries';
import { renderChart } from '../charts/echarts';
import { toCsv } from '../csv';
import { bi, download, fixed, h, table } from '../dom';
import { errorText, panel } from './panel';

export function impactCsv(projects: readonly ProjectImpact[]): string {
  return toCsv(
    ['project_id', 'title', 'period', 'status', 'delta_D', 'delta_C', 'delta_T', 'delta_U'],
    projects.flatMap((p) =>
      p.contributions.map((c) => [
        p.project.id,
        p.project.title,
        c.period,
        c.status,
        c.deltaD,
        c.deltaC,
        c.deltaT,
        c.deltaU.map((u) => `${u.name}:${u.delta}`).join(' '),
      ]),
    ),
  );
}

/** Talents' view: each of their projects' ΔD over time ("my impact"). */
export async function renderTalentView(root: HTMLElement, api: GraphqlClient): Promise<void> {
  const view = panel(bi('My impact on the city', '我的项目对城市的贡献'), 'wide');
  root.replaceChildren(view.element);
  view.status(bi('Loading…', '加载中…'));
  try {
    const projects = await api.all<ProjectImpact, MyImpactResult>(MY_IMPACT, {}, (r) => r.myImpact);
    view.setActions(
      h(
        'button',
        { type: 'button', onclick: () => download('my-impact.csv', impactCsv(projects)) },
        bi('Download CSV', '下载 CSV'),
      ),
    );
    const withData = projects.filter((p) => p.contributions.length);
    if (!withData.length) {
      view.status(
        bi('None of your published projects has a contribution yet', '您的项目暂无贡献数据'),
      );
      return;
    }
    view.status('');
    const periods = [
      ...new Set(withData.flatMap((p) => p.contributions.map((c) => c.period))),
    ].sort();
    const box = h('div', { class: 'chart tall', 'data-testid': 'impact-chart' });
    view.body.append(box);
    renderChart(
      box,
      {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 64, right: 24, top: 36, bottom: 36 },
        xAxis: { type: 'category', data: periods },
        yAxis: { type: 'value', name: 'ΔD' },
        series: withData.map((p) => ({
          name: p.project.title,
          type: 'line',
          symbolSize: 8,
          data: periods.map(
            (period) => p.contributions.find((c) => c.period === period)?.deltaD ?? null,
          ),
        })),
      },
      bi('Line chart of each project ΔD per period', '各项目 ΔD 变化'),
    );
    view.body.append(
      table(
        bi('Contributions per project and period', '各项目各时期贡献'),
        [bi('Project', '项目'), bi('Period', '时期'), 'ΔD', 'ΔU'],
        withData.flatMap((p) =>
          p.contributions.map((c) => [
            p.project.title,
            c.period,
            fixed(c.deltaD, 5),
            c.deltaU.map((u) => `${u.name} ${fixed(u.delta, 5)}`).join(', '),
          ]),
        ),
      ),
    );
  } catch (error) {
    view.status(errorText(error), 'error');
  }
}
