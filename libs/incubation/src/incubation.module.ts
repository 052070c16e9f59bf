import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { IdentityModule } from '@cc/identity';
import { MarketplaceModule } from '@cc/marketplace';
import { ImpactModule } from '@cc/impact';
import { NotificationModule } from '@cc/notification';
import { RetailWorkerModule } from '@cc/retail';
import { ApplicationResolver } from './application/application.resolver';
import { Application } from './application/application.entity';
import { ApplicationService } from './application/application.service';
import { IncubationIndicatorSource } from './indicators/incubation-indicator.source';
import { IncubationAccess } from './incubation-access';
import { IncubationEvents } from './incubation-events';
import { IncubationLoaders } from './incubation.loaders';
import { IncubationNotifier } from './incubation-notifier';
import { KpiMetric } from './kpi/kpi-metric.entity';
import { KpiOverdueService } from './kpi/kpi-overdue.service';
import { CohortKpisResolver, KpiResolver } from './kpi/kpi.resolver';
import { KpiService } from './kpi/kpi.service';
import { PlatformKpis } from './kpi/platform-kpis';
import { KpiReminder } from './kpi/kpi-reminder.entity';
import { KpiReport } from './kpi/kpi-report.entity';
import { KpiValue } from './kpi/kpi-value.entity';
import { MilestoneCatchUp } from './milestone/milestone-catch-up';
import { MilestoneCompletion } from './milestone/milestone-completion.entity';
import { MilestoneTicker } from './milestone/milestone-ticker';
import {
  ApplicationMilestonesResolver,
  CohortMilestonesResolver,
  MilestoneResolver,
} from './milestone/milestone.resolver';
import { MilestoneService } from './milestone/milestone.service';
import { ProjectEventJob } from './milestone/project-event.job';
import { Milestone } from './milestone/milestone.entity';
import { PortfolioBuilder } from './portfolio/portfolio-builder';
import { PortfolioExportController } from './portfolio/portfolio-export.controller';
import { PortfolioExportGuard } from './portfolio/portfolio-export.guard';
import { PortfolioResolver } from './portfolio/portfolio.resolver';
import { PortfolioService } from './portfolio/portfolio.service';
import { Cohort } from './program/cohort.entity';
import { ProgramResolver } from './program/program.resolver';
import { Program } from './program/program.entity';
import { ProgramService } from './program/program.service';

export const INCUBATION_ENTITIES = [
  Program,
  Cohort,
  Application,
  Milestone,
  MilestoneCompletion,
  KpiMetric,
  KpiReport,
  KpiValue,
  KpiReminder,
];

/**
 * What the worker runs: project events ticking milestones, and incubation's platform indicator
 * source (the worker's recompute and the API's what-if both collect from it). Needs only the
 * database, so the worker (no auth, no GraphQL) imports this rather than `IncubationModule`.
 */
@Module({
  imports: [TypeOrmModule.forFeature(INCUBATION_ENTITIES), RetailWorkerModule],
  providers: [MilestoneTicker, ProjectEventJob, IncubationIndicatorSource],
  exports: [MilestoneTicker],
})
export class IncubationWorkerModule {}

/**
 * Incubators grow teams: programs and cohorts, applications and admissions, milestones ticked
 * by platform events, KPI reports collected once, the portfolio and its export.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(INCUBATION_ENTITIES),
    IncubationWorkerModule,
    IdentityModule,
    MarketplaceModule,
    RetailWorkerModule,
    ImpactModule,
    NotificationModule,
  ],
  controllers: [PortfolioExportController],
  providers: [
    IncubationAccess,
    IncubationEvents,
    IncubationNotifier,
    ProgramService,
    ProgramResolver,
    ApplicationService,
    ApplicationResolver,
    MilestoneService,
    MilestoneCatchUp,
    MilestoneResolver,
    CohortMilestonesResolver,
    ApplicationMilestonesResolver,
    PlatformKpis,
    KpiService,
    KpiOverdueService,
    KpiResolver,
    CohortKpisResolver,
    PortfolioBuilder,
    PortfolioService,
    PortfolioResolver,
    PortfolioExportGuard,
    IncubationLoaders,
  ],
})
export class IncubationModule {}
