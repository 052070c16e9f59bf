import { Injectable } from '@nestjs/common';
import { LoaderRegistry } from '@cc/graphql';
import { IdentityLoaders } from '@cc/identity';
import { ProjectContributionService } from '@cc/impact';
import { ProductionService, ProjectService } from '@cc/marketplace';
import { ProjectSalesReader } from '@cc/retail';
import { Application } from '../application/application.entity';
import { KpiService } from '../kpi/kpi.service';
import { MilestoneService } from '../milestone/milestone.service';
import { Cohort } from '../program/cohort.entity';
import { KpiTrend, PortfolioEntry, PortfolioKpi, PortfolioProject } from './portfolio.types';
import { toFen, total } from './statistics';

const RECENT_PERIODS = 4;

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

function trendOf(value: number, previous: number | null): KpiTrend {
  if (previous === null) return KpiTrend.NEW;
  return value > previous ? KpiTrend.UP : value < previous ? KpiTrend.DOWN : KpiTrend.FLAT;
}

/**
 * Assembles portfolio entries for a set of applications, asking each domain through its
 * exported services in one batch per kind of data: marketplace (project states, deliveries),
 * retail (sales), impact (coupling contributions), identity (names), and incubation's own
 * milestones and KPI reports.
 */
@Injectable()
export class PortfolioBuilder {
  constructor(
    private readonly projects: ProjectService,
    private readonly production: ProductionService,
    private readonly sales: ProjectSalesReader,
    private readonly contributions: ProjectContributionService,
    private readonly identity: IdentityLoaders,
    private readonly milestones: MilestoneService,
    private readonly kpis: KpiService,
  ) {}

  async build(
    applications: readonly Application[],
    cohorts: ReadonlyMap<string, Cohort>,
  ): Promise<PortfolioEntry[]> {
    if (!applications.length) return [];
    const projectIds = [...new Set(applications.flatMap((a) => a.projectIds))];
    const [projects, orders, sales, contributions, milestones, names, kpis] = await Promise.all([
      this.projects.findByIds(projectIds),
      this.production.ordersOfProjects(projectIds),
      this.sales.salesOf(projectIds),
      this.contributions.forProjects(projectIds),
      this.milestones.forApplications(applications),
      this.teamNames(applications),
      this.latestKpis(applications),
    ]);
    const projectById = new Map(projects.map((project) => [project.id, project]));
    const deliveredOf = groupBy(orders, (order) => order.projectId);
    const salesOf = new Map(sales.map((row) => [row.projectId, row]));
    const couplingOf = groupBy(contributions, (c) => c.projectId);

    return applications.map((application) => {
      const portfolioProjects: PortfolioProject[] = application.projectIds.flatMap((id) => {
        const project = projectById.get(id);
        if (!project) return [];
        const sold = salesOf.get(id);
        return [
          {
            projectId: id,
            title: project.title,
            state: project.state,
            unitsDelivered: total((deliveredOf.get(id) ?? []).map((o) => o.quantityDelivered)),
            unitsSold: sold?.unitsSold ?? 0,
            revenue: (sold?.revenueFen ?? 0) / 100,
            coupling: (couplingOf.get(id) ?? []).map((c) => ({
              period: c.period,
              deltaD: c.deltaD,
            })),
          },
        ];
      });
      const teamMilestones = milestones.get(application.id) ?? [];
      const unitsSold = total(portfolioProjects.map((p) => p.unitsSold));
      const unitsDelivered = total(portfolioProjects.map((p) => p.unitsDelivered));
      return {
        id: application.id,
        cohortId: application.cohortId,
        cohortName: cohorts.get(application.cohortId)?.name ?? '',
        teamId: application.teamId,
        teamName: names.get(application.id) ?? '',
        state: application.state,
        admittedAt: application.admittedAt,
        projects: portfolioProjects,
        latestKpis: kpis.get(application.id) ?? [],
        milestonesTotal: teamMilestones.length,
        milestonesDone: teamMilestones.filter((m) => m.completion).length,
        milestonesOverdue: teamMilestones.filter((m) => m.overdue).length,
        unitsDelivered,
        unitsSold,
        revenue: toFen(total(portfolioProjects.map((p) => p.revenue))),
        sellThrough: unitsDelivered > 0 ? unitsSold / unitsDelivered : null,
        couplingDeltaD: total(portfolioProjects.map((p) => p.coupling.at(-1)?.deltaD ?? 0)),
      };
    });
  }

  private async teamNames(applications: readonly Application[]): Promise<Map<string, string>> {
    const loaders = new LoaderRegistry();
    const names = new Map<string, string>();
    await Promise.all(
      applications.map(async (application) => {
        const team = application.teamId
          ? await this.identity.team(loaders).load(application.teamId)
          : null;
        const user = team
          ? null
          : await this.identity.user(loaders).load(application.applicantUserId);
        names.set(application.id, team?.name ?? user?.displayName ?? '');
      }),
    );
    return names;
  }

  /** Per team and metric: the latest reported value, the one before, and the recent series. */
  private async latestKpis(
    applications: readonly Application[],
  ): Promise<Map<string, PortfolioKpi[]>> {
    const reports = await this.kpis.reportsOfApplications(applications.map((a) => a.id));
    const values = await this.kpis.valuesOfReports(reports.map((report) => report.id));
    const metrics = await this.kpis.metricsOf([...new Set(applications.map((a) => a.cohortId))]);
    const reportById = new Map(reports.map((report) => [report.id, report]));
    const result = new Map<string, PortfolioKpi[]>();
    for (const application of applications) {
      const entries: PortfolioKpi[] = [];
      for (const metric of metrics.filter((m) => m.cohortId === application.cohortId)) {
        const series = values
          .filter(
            (v) =>
              v.metricId === metric.id &&
              reportById.get(v.reportId)?.applicationId === application.id,
          )
          .map((v) => ({ period: reportById.get(v.reportId)!.period, value: v.value }))
          .sort((a, b) => a.period.localeCompare(b.period));
        const latest = series.at(-1);
        if (!latest) continue;
        const previous = series.at(-2)?.value ?? null;
        entries.push({
          metric,
          period: latest.period,
          value: latest.value,
          previousValue: previous,
          trend: trendOf(latest.value, previous),
          recent: series.slice(-RECENT_PERIODS).map((point) => point.value),
        });
      }
      result.set(application.id, entries);
    }
    return result;
  }
}
