import type { GraphqlClient } from '../api/client';
import {
  INCUBATOR_COHORTS,
  MY_INCUBATORS,
  OVERDUE_REPORTS,
  PORTFOLIO,
  type Incubator,
  type IncubatorCohortsResult,
  type IncubatorProgram,
  type KpiTrend,
  type MyIncubatorsResult,
  type OverdueReportsResult,
  type PortfolioKpi,
  type PortfolioResult,
  type PortfolioTeam,
} from '../api/queries';
import { renderChart } from '../charts/echarts';
import { bi, download, fixed, h, table } from '../dom';
import { loadSession } from '../session';
import { errorText, panel } from './panel';

const TREND: Record<KpiTrend, string> = {
  UP: bi('↑ up', '上升'),
  DOWN: bi('↓ down', '下降'),
  FLAT: bi('→ flat', '持平'),
  NEW: bi('new', '新'),
};

/** The KPI a row's sparkline follows: revenue when the cohort tracks it, else the first one. */
export function trendKpi(team: PortfolioTeam): PortfolioKpi | undefined {
  return team.latestKpis.find((kpi) => kpi.metric.kind === 'REVENUE') ?? team.latestKpis[0];
}

export const percent = (share: number | null): string =>
  share === null ? '—' : `${(share * 100).toFixed(1)}%`;

/** A small line of a KPI's last periods, named for screen readers with its values. */
function sparkline(team: PortfolioTeam): HTMLElement {
  const kpi = trendKpi(team);
  if (!kpi) return h('span', {}, bi('no reports yet', '暂无报告'));
  const box = h('div', { class: 'sparkline', 'data-testid': 'kpi-sparkline' });
  renderChart(
    box,
    {
      animation: false,
      grid: { left: 2, right: 2, top: 4, bottom: 4 },
      xAxis: { type: 'category', show: false, data: kpi.recent.map((_, i) => i) },
      yAxis: { type: 'value', show: false, scale: true },
      series: [
        {
          type: 'line',
          data: kpi.recent,
          symbolSize: 4,
          lineStyle: { color: '#0b5cad', width: 2 },
          itemStyle: { color: '#0b5cad' },
        },
      ],
    },
    `${kpi.metric.name} (${kpi.metric.unit}) ${bi('of the last reports', '最近报告')}: ${kpi.recent.join(', ')}`,
  );
  return h(
    'div',
    { class: 'trend' },
    box,
    h('span', {}, `${kpi.metric.name} ${kpi.period}: ${kpi.value} · ${TREND[kpi.trend]}`),
  );
}

/** The portfolio export (GET /incubation/portfolio.csv), fetched with the session's token. */
async function downloadPortfolio(incubator: Incubator): Promise<void> {
  const response = await fetch(
    `/incubation/portfolio.csv?incubatorId=${encodeURIComponent(incubator.id)}`,
    { headers: { authorization: `Bearer ${loadSession()?.token ?? ''}` } },
  );
  if (!response.ok) throw new Error(`the export answered ${response.status}`);
  download('portfolio.csv', (await response.text()).replace(/^\ufeff/, ''));
}

function portfolioTable(teams: readonly PortfolioTeam[]): HTMLTableElement {
  return table(
    bi('Teams holding a seat', '在孵团队'),
    [
      bi('Team', '团队'),
      bi('Cohort', '批次'),
      bi('State', '状态'),
      bi('Revenue (CNY)', '销售额（元）'),
      bi('Units sold', '售出件数'),
      bi('Sell-through', '售罄率'),
      bi('Milestones done', '已完成里程碑'),
      bi('Milestones overdue', '逾期里程碑'),
      bi('KPI trend', '指标趋势'),
    ],
    teams.map((team) => [
      team.teamName,
      team.cohortName,
      team.state,
      fixed(team.revenue, 2),
      team.unitsSold,
      percent(team.sellThrough),
      `${team.milestonesDone}/${team.milestonesTotal}`,
      team.milestonesOverdue,
      sparkline(team),
    ]),
  );
}

/** Incubators' view: the portfolio with KPI trends, and the KPI reports past due. */
export async function renderIncubatorView(root: HTMLElement, api: GraphqlClient): Promise<void> {
  const portfolioPanel = panel(bi('Portfolio', '在孵项目组合'), 'wide');
  const overduePanel = panel(bi('Overdue KPI reports', '逾期未交的指标报告'), 'wide');
  root.replaceChildren(portfolioPanel.element, overduePanel.element);
  portfolioPanel.status(bi('Loading…', '加载中…'));
  try {
    const [incubator] = await api.all<Incubator, MyIncubatorsResult>(
      MY_INCUBATORS,
      {},
      (r) => r.myOrganizations,
    );
    if (!incubator) {
      portfolioPanel.status(bi('You are not a member of an incubator', '您尚未加入孵化器'));
      overduePanel.element.remove();
      return;
    }
    const [teams, programs] = await Promise.all([
      api.all<PortfolioTeam, PortfolioResult>(
        PORTFOLIO,
        { incubatorId: incubator.id },
        (r) => r.portfolio,
      ),
      api.all<IncubatorProgram, IncubatorCohortsResult>(
        INCUBATOR_COHORTS,
        { organizationId: incubator.id },
        (r) => r.programs,
      ),
    ]);
    portfolioPanel.setActions(
      h(
        'button',
        {
          type: 'button',
          onclick: () =>
            void downloadPortfolio(incubator).catch((error) =>
              portfolioPanel.status(errorText(error), 'error'),
            ),
        },
        bi('Download CSV', '下载 CSV'),
      ),
    );
    portfolioPanel.status(teams.length ? incubator.name : bi('No teams yet', '暂无团队'));
    portfolioPanel.body.append(portfolioTable(teams));
    await renderOverdue(overduePanel, api, programs);
  } catch (error) {
    portfolioPanel.status(errorText(error), 'error');
  }
}

async function renderOverdue(
  view: ReturnType<typeof panel>,
  api: GraphqlClient,
  programs: readonly IncubatorProgram[],
): Promise<void> {
  const cohorts = programs.flatMap((program) => program.cohorts);
  const lists = await Promise.all(
    cohorts.map(async (cohort) => ({
      cohort,
      overdue: (await api.request<OverdueReportsResult>(OVERDUE_REPORTS, { cohortId: cohort.id }))
        .overdueKpiReports,
    })),
  );
  const rows = lists.flatMap(({ cohort, overdue }) =>
    overdue.map((report) => [
      report.application.team?.name ?? report.application.id,
      cohort.name,
      report.period,
      report.dueSince.slice(0, 10),
    ]),
  );
  view.status(rows.length ? '' : bi('Every report is in', '所有报告均已提交'));
  if (rows.length) {
    view.body.append(
      table(
        bi('KPI reports past due', '逾期指标报告'),
        [
          bi('Team', '团队'),
          bi('Cohort', '批次'),
          bi('Period', '时期'),
          bi('Due since', '截止日期'),
        ],
        rows,
      ),
    );
  }
}
