import type { GraphqlClient } from '../api/client';
import {
  CITIES,
  type CitiesResult,
  type City,
  INDICATOR_SYSTEM,
  type IndicatorSystemResult,
  type SeriesPoint,
  SNAPSHOT_SERIES,
  type SessionUser,
  type SnapshotSeriesResult,
} from '../api/queries';
import { bi, h } from '../dom';
import { fullPeriodRange } from '../periods';
import { isAdmin } from '../session';
import { openDetails } from './details-dialog';
import { errorText } from './panel';
import {
  comparisonPanel,
  contributionsPanel,
  obstaclePanel,
  type PeriodContext,
} from './period-panels';
import { seriesPanel, subsystemsPanel } from './series-panel';
import { whatIfPanel } from './what-if-panel';

/** The cities the viewer may read coupling data of: an ADMIN all, an OFFICIAL their grants. */
async function visibleCities(api: GraphqlClient, user: SessionUser): Promise<City[]> {
  const cities = await api.all<City, CitiesResult>(CITIES, {}, (result) => result.cities);
  if (isAdmin(user)) return cities;
  const granted = new Set((user.officialGrants ?? []).map((grant) => grant.cityId));
  return cities.filter((city) => granted.has(city.id));
}

async function loadSeries(api: GraphqlClient, cityId: string): Promise<SeriesPoint[]> {
  const { indicatorSystem } = await api.request<IndicatorSystemResult>(INDICATOR_SYSTEM, {
    cityId,
  });
  return api.all<SeriesPoint, SnapshotSeriesResult>(
    SNAPSHOT_SERIES,
    { cityId, ...fullPeriodRange(indicatorSystem.periodGranularity) },
    (result) => result.couplingSnapshots,
  );
}

/** Officials' view: one city's coupling over time, and one period in depth. */
export async function renderOfficialView(
  root: HTMLElement,
  api: GraphqlClient,
  user: SessionUser,
): Promise<void> {
  const status = h('p', { role: 'status', class: 'status' }, bi('Loading cities…', '加载城市…'));
  root.replaceChildren(status);
  const cities = await visibleCities(api, user);
  if (!cities.length) {
    status.textContent = bi(
      'No city is granted to you yet: ask an ADMIN',
      '尚未授予任何城市，请联系管理员',
    );
    return;
  }
  const citySelect = h(
    'select',
    { id: 'city', name: 'city' },
    cities.map((city) => h('option', { value: city.id }, `${city.name} (${city.code})`)),
  );
  const periodSelect = h('select', { id: 'period', name: 'period', disabled: true });
  const controls = h(
    'div',
    { class: 'controls', role: 'group', 'aria-label': bi('What to show', '显示内容') },
    h('label', { for: 'city' }, bi('City', '城市')),
    citySelect,
    h('label', { for: 'period' }, bi('Period in depth', '详查时期')),
    periodSelect,
  );
  const overview = h('div', { class: 'grid' });
  const detail = h('div', { class: 'grid' });
  root.replaceChildren(controls, status, overview, detail);

  const cityOf = () => cities.find((city) => city.id === citySelect.value)!;

  function showPeriod(period: string): void {
    const city = cityOf();
    const ctx: PeriodContext = { api, cityId: city.id, period, fileStem: city.code };
    const whatIf = whatIfPanel(ctx);
    detail.replaceChildren(
      obstaclePanel(ctx, (indicators) => whatIf.setIndicators(indicators)),
      contributionsPanel(ctx, (rows) => whatIf.setProjects(rows)),
      whatIf.element,
      comparisonPanel(ctx),
    );
  }

  async function showCity(): Promise<void> {
    const city = cityOf();
    status.className = 'status';
    status.textContent = bi(`Loading ${city.name}…`, `加载 ${city.name}…`);
    overview.replaceChildren();
    detail.replaceChildren();
    periodSelect.replaceChildren();
    periodSelect.disabled = true;
    try {
      const points = await loadSeries(api, city.id);
      if (!points.length) {
        status.textContent = bi(
          `${city.name} has no coupling snapshot yet: import statistics or wait for the worker`,
          `${city.name} 暂无耦合快照`,
        );
        return;
      }
      status.textContent = bi(
        `${city.name}: ${points.length} periods`,
        `${city.name}：${points.length} 个时期`,
      );
      const open = (period: string) => void openDetails(api, city.id, period, city.code);
      overview.append(seriesPanel(points, city.code, open), subsystemsPanel(points));
      periodSelect.replaceChildren(
        ...points.map((p) => h('option', { value: p.period }, p.period)),
      );
      periodSelect.value = points[points.length - 1].period;
      periodSelect.disabled = false;
      showPeriod(periodSelect.value);
    } catch (error) {
      status.className = 'status error';
      status.setAttribute('role', 'alert');
      status.textContent = errorText(error);
    }
  }

  citySelect.addEventListener('change', () => void showCity());
  periodSelect.addEventListener('change', () => showPeriod(periodSelect.value));
  await showCity();
}
