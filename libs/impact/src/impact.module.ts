import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@cc/catalog';
import { CouplingInputsChangedJob } from './coupling-jobs/coupling-inputs-changed.job';
import { CouplingRecomputeRequester } from './coupling-jobs/coupling-recompute.requester';
import { CouplingRecomputeService } from './coupling-jobs/coupling-recompute.service';
import { CouplingScheduleRegistrar } from './coupling-jobs/coupling-schedule.registrar';
import { RebuildCouplingJob } from './coupling-jobs/rebuild-coupling.job';
import { RecomputeCouplingJob } from './coupling-jobs/recompute-coupling.job';
import { ImpactLoaders } from './impact.loaders';
import { IndicatorSystemVersion } from './indicator-system/indicator-system-version.entity';
import { IndicatorSystemResolver } from './indicator-system/indicator-system.resolver';
import { IndicatorSystemService } from './indicator-system/indicator-system.service';
import { PlatformIndicatorRegistry } from './platform-indicators/platform-indicator.registry';
import { CouplingRun } from './snapshot/coupling-run.entity';
import { CouplingRunWriter } from './snapshot/coupling-run.writer';
import { CouplingSnapshot } from './snapshot/coupling-snapshot.entity';
import { CouplingSnapshotResolver } from './snapshot/coupling-snapshot.resolver';
import { CouplingSnapshotService } from './snapshot/coupling-snapshot.service';
import { ProjectContribution } from './snapshot/project-contribution.entity';
import { ProjectContributionResolver } from './snapshot/project-contribution.resolver';
import { ProjectContributionService } from './snapshot/project-contribution.service';
import { OfficialStatistic } from './statistics/official-statistic.entity';
import { OfficialStatisticsResolver } from './statistics/official-statistics.resolver';
import { OfficialStatisticsService } from './statistics/official-statistics.service';
import { StatisticImport } from './statistics/statistic-import.entity';

/**
 * City coupling metrics: versioned indicator systems, official statistics, coupling snapshots
 * and project contributions, and the jobs that compute them (consumed by the worker only).
 * Imported by both the API and the worker.
 */
@Module({
  imports: [
    DiscoveryModule,
    CatalogModule,
    TypeOrmModule.forFeature([
      IndicatorSystemVersion,
      OfficialStatistic,
      StatisticImport,
      CouplingSnapshot,
      CouplingRun,
      ProjectContribution,
    ]),
  ],
  providers: [
    ImpactLoaders,
    PlatformIndicatorRegistry,
    IndicatorSystemService,
    IndicatorSystemResolver,
    OfficialStatisticsService,
    OfficialStatisticsResolver,
    CouplingSnapshotService,
    CouplingSnapshotResolver,
    ProjectContributionService,
    ProjectContributionResolver,
    CouplingRecomputeService,
    CouplingRunWriter,
    CouplingRecomputeRequester,
    CouplingScheduleRegistrar,
    CouplingInputsChangedJob,
    RecomputeCouplingJob,
    RebuildCouplingJob,
  ],
  exports: [
    CouplingRecomputeRequester,
    PlatformIndicatorRegistry,
    ProjectContributionService,
    ImpactLoaders,
  ],
})
export class ImpactModule {}
