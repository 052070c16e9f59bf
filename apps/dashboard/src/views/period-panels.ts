import type { GraphqlClient } from '../api/client';
import {
  COMPARE_CITIES,
  type CompareCitiesResult,
  OBSTACLE_RANKING,
  type ObstacleRankingResult,
  PROJECT_CONTRIBUTIONS,
  type Contribution,
  type ProjectContributionsResult,
} from '../api/queries';
import { renderChart } from '../charts/echarts';
import { barsOption, comparisonOption } from '../charts/options';
import { toCsv } from '../csv';
import { bi, download, fixed, h, table } from '../dom';
import { levelName } from '../levels';
import { errorText, panel } from './panel';

export interface PeriodContext {
  api: GraphqlClient;
  cityId: string;
  period: string;
  fileStem: string;
}

function csvButton(fileName: string, csv: () => string): HTMLButtonElement {
  return h(
    'button',
    { type: 'button', onclick: () => download(fileName, csv()) },
    bi('Download CSV', '下载 CSV'),
  );
}

/** Which indicators and subsystems hold D back most in the period. */
export function obstaclePanel(
  ctx: PeriodContext,
  onLoaded: (indicators: { key: string; label: string }[]) => void,
): HTMLElement {
  const view = panel(bi(`Obstacles ${ctx.period}`, `障碍因子排序 ${ctx.period}`));
  view.status(bi('Loading…', '加载中…'));
  void ctx.api
    .request<ObstacleRankingResult>(OBSTACLE_RANKING, { cityId: ctx.cityId, period: ctx.period })
    .then(({ obstacleRanking }) => {
      view.status('');
      const rows = obstacleRanking.indicators;
      onLoaded(rows);
      const box = h('div', { class: 'chart', 'data-testid': 'obstacle-chart' });
      view.body.append(box);
      renderChart(
        box,
        barsOption(rows.slice(0, 8).map((i) => ({ label: i.label, value: i.obstacleNormalized }))),
        bi('Bar chart of indicators by obstacle degree', '障碍度条形图'),
      );
      view.body.append(
        table(
          bi('Obstacle degree per subsystem', '子系统障碍度'),
          [bi('Subsystem', '子系统'), bi('Obstacle share', '障碍度占比')],
          obstacleRanking.subsystems.map((s) => [
            `${s.label} (${s.name})`,
            fixed(s.obstacleNormalized),
          ]),
        ),
      );
      view.setActions(
        csvButton(`${ctx.fileStem}-${ctx.period}-obstacles.csv`, () =>
          toCsv(
            ['indicator', 'label', 'subsystem', 'obstacle', 'obstacle_share'],
            rows.map((i) => [i.key, i.label, i.subsystem, i.obstacle, i.obstacleNormalized]),
          ),
        ),
      );
    })
    .catch((error) => view.status(errorText(error), 'error'));
  return view.element;
}

export function contributionsCsv(rows: readonly Contribution[]): string {
  return toCsv(
    ['project_id', 'title', 'delta_D', 'delta_C', 'delta_T', 'delta_U'],
    rows.map((c) => [
      c.projectId,
      c.project?.title,
      c.deltaD,
      c.deltaC,
      c.deltaT,
      c.deltaU.map((u) => `${u.name}:${u.delta}`).join(' '),
    ]),
  );
}

/** The projects that move D most in the period (leave-one-out ΔD). */
export function contributionsPanel(
  ctx: PeriodContext,
  onLoaded: (rows: Contribution[]) => void,
): HTMLElement {
  const view = panel(bi(`Top projects by ΔD ${ctx.period}`, `项目贡献 ΔD ${ctx.period}`));
  view.status(bi('Loading…', '加载中…'));
  void ctx.api
    .request<ProjectContributionsResult>(PROJECT_CONTRIBUTIONS, {
      cityId: ctx.cityId,
      period: ctx.period,
    })
    .then(({ projectContributions }) => {
      const rows = projectContributions.edges.map((edge) => edge.node);
      onLoaded(rows);
      view.status(
        rows.length ? '' : bi('No project has a part in this period yet', '该时期暂无项目贡献'),
      );
      view.setActions(
        csvButton(`${ctx.fileStem}-${ctx.period}-projects.csv`, () => contributionsCsv(rows)),
      );
      if (!rows.length) return;
      view.body.append(
        table(
          bi('Projects ranked by ΔD', '按 ΔD 排序的项目'),
          [bi('Project', '项目'), 'ΔD', 'ΔC', 'ΔT', 'ΔU'],
          rows.map((c) => [
            c.project?.title ?? c.projectId,
            fixed(c.deltaD, 5),
            fixed(c.deltaC, 5),
            fixed(c.deltaT, 5),
            c.deltaU.map((u) => `${u.name} ${fixed(u.delta, 5)}`).join(', '),
          ]),
        ),
      );
    })
    .catch((error) => view.status(errorText(error), 'error'));
  return view.element;
}

/** D of every city the viewer may see in the period. */
export function comparisonPanel(ctx: PeriodContext): HTMLElement {
  const view = panel(bi(`City comparison ${ctx.period}`, `城市比较 ${ctx.period}`));
  view.status(bi('Loading…', '加载中…'));
  void ctx.api
    .request<CompareCitiesResult>(COMPARE_CITIES, { period: ctx.period })
    .then(({ compareCities }) => {
      const rows = compareCities.edges.map((edge) => edge.node);
      view.status(
        rows.length
          ? ''
          : bi(
              'No city has a snapshot under the global indicator system in this period',
              '该时期暂无可比较城市',
            ),
      );
      view.setActions(
        csvButton(`compare-${ctx.period}.csv`, () =>
          toCsv(
            ['city', 'D', 'C', 'T', 'level'],
            rows.map((r) => [
              r.city.name,
              r.coordinationDegree,
              r.couplingDegree,
              r.coordinationIndex,
              r.level,
            ]),
          ),
        ),
      );
      if (!rows.length) return;
      const box = h('div', { class: 'chart', 'data-testid': 'compare-chart' });
      view.body.append(box);
      renderChart(
        box,
        comparisonOption(rows, ctx.cityId),
        bi('Bar chart of D per city', '各城市协调度'),
      );
      view.body.append(
        table(
          bi('Cities by D', '按协调度排序的城市'),
          [bi('City', '城市'), 'D', bi('Level', '等级')],
          rows.map((r) => [r.city.name, fixed(r.coordinationDegree), levelName(r.level)]),
        ),
      );
    })
    .catch((error) => view.status(errorText(error), 'error'));
  return view.element;
}
