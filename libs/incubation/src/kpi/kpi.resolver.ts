import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Role, Roles, Viewer } from '@cc/auth';
import { LoaderRegistry, Loaders, ParseIdPipe } from '@cc/graphql';
import { IncubationLoaders } from '../incubation.loaders';
import { Cohort } from '../program/cohort.entity';
import { DefineKpiMetricInput, KpiReportDraftArgs, SubmitKpiReportInput } from './dto/kpi.inputs';
import { KpiMetric } from './kpi-metric.entity';
import { KpiOverdueService } from './kpi-overdue.service';
import { KpiReport } from './kpi-report.entity';
import { KpiEntry, KpiReportDraft, OverdueKpiReport } from './kpi.types';
import { KpiService } from './kpi.service';

@Resolver(() => KpiReport)
export class KpiResolver {
  constructor(
    private readonly kpiService: KpiService,
    private readonly overdue: KpiOverdueService,
    private readonly incubation: IncubationLoaders,
  ) {}

  @Roles(Role.INCUBATOR)
  @Mutation(() => KpiMetric, {
    description:
      'A KPI every team of the cohort reports at its cadence. REVENUE, UNITS_SOLD, PRODUCTION_ORDERS and PLACEMENTS are platform-derived.',
  })
  defineKpiMetric(
    @Args('input') input: DefineKpiMetricInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<KpiMetric> {
    return this.kpiService.defineMetric(viewer, input);
  }

  @Authenticated()
  @Query(() => KpiReportDraft, {
    description: 'A period’s report with platform-derived values pre-filled (team or incubator).',
  })
  kpiReportDraft(
    @Args() args: KpiReportDraftArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<KpiReportDraft> {
    return this.kpiService.draft(viewer, args.applicationId, args.period);
  }

  @Authenticated()
  @Mutation(() => KpiReport, {
    description:
      'The team submits (or resubmits) a period’s report: its own metrics, platform ones confirmed as filled.',
  })
  submitKpiReport(
    @Args('input') input: SubmitKpiReportInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<KpiReport> {
    return this.kpiService.submit(viewer, input);
  }

  @Authenticated()
  @Query(() => [KpiReport], { description: 'A team’s reports, newest first (team or incubator).' })
  kpiReports(
    @Args('applicationId', { type: () => ID }, ParseIdPipe) applicationId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<KpiReport[]> {
    return this.kpiService.reportsOf(viewer, applicationId);
  }

  @Roles(Role.INCUBATOR)
  @Query(() => [OverdueKpiReport], { description: 'Reports of the cohort’s teams past due.' })
  overdueKpiReports(
    @Args('cohortId', { type: () => ID }, ParseIdPipe) cohortId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<OverdueKpiReport[]> {
    return this.overdue.list(viewer, cohortId);
  }

  @Roles(Role.INCUBATOR)
  @Mutation(() => Int, {
    description: 'Notify teams of overdue reports (each overdue period once); returns how many.',
  })
  remindOverdueKpiReports(
    @Args('cohortId', { type: () => ID }, ParseIdPipe) cohortId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<number> {
    return this.overdue.remind(viewer, cohortId);
  }

  @ResolveField(() => [KpiEntry])
  entries(@Parent() report: KpiReport, @Loaders() loaders: LoaderRegistry): Promise<KpiEntry[]> {
    return this.incubation.entriesOfReport(loaders).load(report);
  }
}

@Resolver(() => Cohort)
export class CohortKpisResolver {
  constructor(private readonly incubation: IncubationLoaders) {}

  @ResolveField(() => [KpiMetric])
  kpiMetrics(@Parent() cohort: Cohort, @Loaders() loaders: LoaderRegistry): Promise<KpiMetric[]> {
    return this.incubation.metricsOfCohort(loaders).load(cohort.id);
  }
}
