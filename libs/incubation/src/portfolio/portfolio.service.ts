import { Injectable } from '@nestjs/common';
import { Viewer } from '@cc/auth';
import { Connection, LoaderRegistry } from '@cc/graphql';
import { IdentityLoaders } from '@cc/identity';
import { ApplicationState, SEATED_STATES } from '../application/application-state';
import { ApplicationService } from '../application/application.service';
import { IncubationAccess } from '../incubation-access';
import { IncubationErrorCode, IncubationException } from '../incubation.exception';
import { Cohort } from '../program/cohort.entity';
import { ProgramService } from '../program/program.service';
import { PortfolioArgs, PortfolioFilterInput, PortfolioOrder } from './dto/portfolio.args';
import { PortfolioBuilder } from './portfolio-builder';
import { pageOf } from './portfolio-page';
import { CohortSummary, IncubatorAggregate, PortfolioEntry } from './portfolio.types';
import { median, toFen, total } from './statistics';

type Compare = (a: PortfolioEntry, b: PortfolioEntry) => number;

const byName: Compare = (a, b) => a.teamName.localeCompare(b.teamName) || a.id.localeCompare(b.id);
const descending =
  (value: (entry: PortfolioEntry) => number | null): Compare =>
  (a, b) =>
    (value(b) ?? -Infinity) - (value(a) ?? -Infinity) || byName(a, b);

const ORDER: Record<PortfolioOrder, Compare> = {
  [PortfolioOrder.TEAM_NAME]: byName,
  [PortfolioOrder.ADMITTED_AT]: (a, b) =>
    (a.admittedAt?.getTime() ?? 0) - (b.admittedAt?.getTime() ?? 0) || byName(a, b),
  [PortfolioOrder.REVENUE_DESC]: descending((e) => e.revenue),
  [PortfolioOrder.UNITS_SOLD_DESC]: descending((e) => e.unitsSold),
  [PortfolioOrder.SELL_THROUGH_DESC]: descending((e) => e.sellThrough),
  [PortfolioOrder.MILESTONES_DONE_DESC]: descending((e) => e.milestonesDone),
  [PortfolioOrder.COUPLING_DESC]: descending((e) => e.couplingDeltaD),
};

export interface Portfolio extends Connection<PortfolioEntry> {
  summary: CohortSummary[];
}

/** Who sees what: an incubator its own portfolio; officials aggregates per incubator in their city. */
@Injectable()
export class PortfolioService {
  constructor(
    private readonly programs: ProgramService,
    private readonly applications: ApplicationService,
    private readonly builder: PortfolioBuilder,
    private readonly access: IncubationAccess,
    private readonly identity: IdentityLoaders,
  ) {}

  async portfolio(viewer: Viewer, args: PortfolioArgs): Promise<Portfolio> {
    const entries = await this.entries(viewer, args.incubatorId, args.cohortId, args.filter);
    entries.sort(ORDER[args.orderBy]);
    return { ...pageOf(entries, args), summary: summarize(entries) };
  }

  /** Every entry of the incubator's portfolio (one cohort, or all), filtered; for the viewer's incubator only. */
  async entries(
    viewer: Viewer,
    incubatorId: string,
    cohortId: string | undefined,
    filter: PortfolioFilterInput = {},
  ): Promise<PortfolioEntry[]> {
    await this.access.assertIncubatorMember(viewer, incubatorId);
    const cohorts = await this.cohortsOf(incubatorId, cohortId);
    const states = filter.states?.length ? filter.states : SEATED_STATES;
    const applications = (await this.applications.ofCohorts(cohorts.map((c) => c.id))).filter(
      (application) => states.includes(application.state),
    );
    let entries = await this.builder.build(applications, new Map(cohorts.map((c) => [c.id, c])));
    if (filter.text) {
      const text = filter.text.toLocaleLowerCase();
      entries = entries.filter((entry) => entry.teamName.toLocaleLowerCase().includes(text));
    }
    if (filter.hasOverdueMilestones !== undefined) {
      entries = entries.filter(
        (entry) => entry.milestonesOverdue > 0 === filter.hasOverdueMilestones,
      );
    }
    return entries;
  }

  /** Batches of entries in admission order, for the streamed export (bounded memory). */
  async *batches(
    viewer: Viewer,
    incubatorId: string,
    cohortId: string | undefined,
    size = 50,
  ): AsyncGenerator<PortfolioEntry[]> {
    await this.access.assertIncubatorMember(viewer, incubatorId);
    const cohorts = await this.cohortsOf(incubatorId, cohortId);
    const byId = new Map(cohorts.map((c) => [c.id, c]));
    const applications = await this.applications.seatedIn(cohorts.map((c) => c.id));
    for (let start = 0; start < applications.length; start += size) {
      yield this.builder.build(applications.slice(start, start + size), byId);
    }
  }

  /** Officials (of the city) and ADMIN: each incubator of the city in aggregate. */
  async aggregates(viewer: Viewer, cityId: string): Promise<IncubatorAggregate[]> {
    if (!viewer.isAdmin && !viewer.isOfficialFor(cityId)) {
      throw IncubationException.forbidden(
        IncubationErrorCode.OFFICIAL_SCOPE_REQUIRED,
        `This needs an OFFICIAL grant for city ${cityId}; ask for one with requestOfficialRole (an ADMIN approves it)`,
        { cityId },
      );
    }
    const cohorts = await this.programs.cohortsOfCity(cityId);
    const applications = await this.applications.seatedIn(cohorts.map((c) => c.id));
    const entries = await this.builder.build(applications, new Map(cohorts.map((c) => [c.id, c])));
    const organizations = [...new Set(cohorts.map((c) => c.organizationId))];
    const loader = this.identity.organization(new LoaderRegistry());
    return Promise.all(
      organizations.map(async (organizationId) => {
        const own = new Set(
          cohorts.filter((c) => c.organizationId === organizationId).map((c) => c.id),
        );
        const ventures = entries.filter((entry) => own.has(entry.cohortId));
        return {
          organizationId,
          name: (await loader.load(organizationId))?.name ?? '',
          cohorts: own.size,
          activeVentures: ventures.filter((v) => v.state === ApplicationState.ADMITTED).length,
          graduated: ventures.filter((v) => v.state === ApplicationState.GRADUATED).length,
          revenueTotal: toFen(total(ventures.map((v) => v.revenue))),
          revenueMedian: median(ventures.map((v) => v.revenue)),
          unitsSoldTotal: total(ventures.map((v) => v.unitsSold)),
          milestonesDone: total(ventures.map((v) => v.milestonesDone)),
        };
      }),
    );
  }

  private async cohortsOf(incubatorId: string, cohortId: string | undefined): Promise<Cohort[]> {
    const cohorts = await this.programs.cohortsOfIncubator(incubatorId);
    if (!cohortId) return cohorts;
    const cohort = cohorts.find((candidate) => candidate.id === cohortId);
    if (!cohort) {
      throw IncubationException.notFound(IncubationErrorCode.COHORT_NOT_FOUND, 'Cohort', cohortId);
    }
    return [cohort];
  }
}

/** Totals and medians per cohort, over the filtered entries (all pages). */
export function summarize(entries: readonly PortfolioEntry[]): CohortSummary[] {
  const byCohort = new Map<string, PortfolioEntry[]>();
  for (const entry of entries)
    byCohort.set(entry.cohortId, [...(byCohort.get(entry.cohortId) ?? []), entry]);
  return [...byCohort.values()].map((teams) => ({
    cohortId: teams[0].cohortId,
    cohortName: teams[0].cohortName,
    teams: teams.length,
    revenueTotal: toFen(total(teams.map((t) => t.revenue))),
    revenueMedian: median(teams.map((t) => t.revenue)),
    unitsSoldTotal: total(teams.map((t) => t.unitsSold)),
    unitsSoldMedian: median(teams.map((t) => t.unitsSold)),
    sellThroughMedian: median(
      teams.flatMap((t) => (t.sellThrough === null ? [] : [t.sellThrough])),
    ),
    milestonesDone: total(teams.map((t) => t.milestonesDone)),
    milestonesOverdue: total(teams.map((t) => t.milestonesOverdue)),
  }));
}
