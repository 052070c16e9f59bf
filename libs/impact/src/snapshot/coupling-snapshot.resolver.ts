import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Role, Roles, Viewer, RateLimit } from '@cc/auth';
import { CatalogLoaders, City } from '@cc/catalog';
import { LoaderRegistry, Loaders } from '@cc/graphql';
import { CouplingRecomputeRequester } from '../coupling-jobs/coupling-recompute.requester';
import { ImpactLoaders } from '../impact.loaders';
import { basisType, CouplingBasisType } from '../indicator-system/dto/coupling-basis.type';
import { IndicatorSystemVersion } from '../indicator-system/indicator-system-version.entity';
import { CouplingRun } from './coupling-run.entity';
import { CouplingSnapshot } from './coupling-snapshot.entity';
import { CouplingSnapshotService } from './coupling-snapshot.service';
import {
  CompareCitiesArgs,
  CouplingSnapshotArgs,
  CouplingSnapshotsArgs,
  PublishCouplingPeriodArgs,
  SimulateCouplingArgs,
} from './dto/coupling-snapshot.args';
import {
  CouplingPeriodResult,
  CouplingSimulation,
  CouplingSnapshotConnection,
  CouplingWarningType,
  ObstacleRanking,
  PanelSummaryType,
  SnapshotIndicator,
  SnapshotSubsystem,
} from './dto/coupling-snapshot.types';
import { rankByObstacle, snapshotIndicators, snapshotSubsystems } from './snapshot-view';

/**
 * The officials' coupling dashboard. Every operation needs OFFICIAL or ADMIN; the service then
 * limits an official to the cities of their grants (FORBIDDEN otherwise).
 */
@Resolver(() => CouplingSnapshot)
export class CouplingSnapshotResolver {
  constructor(
    private readonly snapshots: CouplingSnapshotService,
    private readonly impactLoaders: ImpactLoaders,
    private readonly catalogLoaders: CatalogLoaders,
    private readonly requester: CouplingRecomputeRequester,
  ) {}

  @Roles(Role.OFFICIAL, Role.ADMIN)
  @Query(() => CouplingSnapshotConnection, {
    description: "A city's coupling over time, oldest period first.",
  })
  couplingSnapshots(@CurrentViewer() viewer: Viewer, @Args() args: CouplingSnapshotsArgs) {
    return this.snapshots.timeSeries(viewer, args);
  }

  @Roles(Role.OFFICIAL, Role.ADMIN)
  @Query(() => CouplingPeriodResult, {
    description:
      'A city in one period: its snapshot, or why there is none (NO_ACTIVE_VERSION, TOO_FEW_SAMPLES with the count and minimum, NOT_COMPUTED_YET, NO_DATA, NOT_PUBLISHED) and what would fix it.',
  })
  couplingPeriod(@CurrentViewer() viewer: Viewer, @Args() args: CouplingSnapshotArgs) {
    return this.snapshots.getExplained(viewer, args);
  }

  @Roles(Role.OFFICIAL, Role.ADMIN)
  @Query(() => CouplingSnapshot, {
    nullable: true,
    description: 'A city in one period; null when there is none (`couplingPeriod` says why).',
  })
  couplingSnapshot(@CurrentViewer() viewer: Viewer, @Args() args: CouplingSnapshotArgs) {
    return this.snapshots.get(viewer, args);
  }

  @Roles(Role.OFFICIAL, Role.ADMIN)
  @Query(() => CouplingSnapshotConnection, {
    description:
      'The cities you may see in one period under one global indicator system, highest D first.',
  })
  compareCities(@CurrentViewer() viewer: Viewer, @Args() args: CompareCitiesArgs) {
    return this.snapshots.compareCities(viewer, args);
  }

  @Roles(Role.OFFICIAL, Role.ADMIN)
  @Query(() => ObstacleRanking, {
    description: 'Which indicators and subsystems hold D back most.',
  })
  async obstacleRanking(
    @CurrentViewer() viewer: Viewer,
    @Args() args: CouplingSnapshotArgs,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ObstacleRanking> {
    const snapshot = await this.snapshots.getOrThrow(viewer, args);
    const version = (await this.impactLoaders
      .systemVersion(loaders)
      .load(snapshot.systemVersionId))!;
    return {
      snapshot,
      indicators: rankByObstacle(snapshotIndicators(snapshot, version)),
      subsystems: rankByObstacle(snapshotSubsystems(snapshot, version)),
    };
  }

  @RateLimit('simulateCoupling')
  @Roles(Role.OFFICIAL, Role.ADMIN)
  @Query(() => CouplingSimulation, {
    description:
      'What-if: indicator deltas applied to a snapshot with its frozen bounds and weights. Writes nothing.',
  })
  simulateCoupling(@CurrentViewer() viewer: Viewer, @Args() args: SimulateCouplingArgs) {
    return this.snapshots.simulate(viewer, args);
  }

  @Roles(Role.OFFICIAL, Role.ADMIN)
  @Mutation(() => [CouplingSnapshot], {
    description:
      'Freeze a period for every city of the version in one transaction: the current run’s snapshots become PUBLISHED and never change; later data makes new live ones. Global versions: ADMIN.',
  })
  publishCouplingPeriod(@CurrentViewer() viewer: Viewer, @Args() args: PublishCouplingPeriodArgs) {
    return this.snapshots.publish(viewer, args);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ID, {
    description:
      'Enqueue a full rebuild of every live coupling snapshot (also run nightly). Returns the job id.',
  })
  requestCouplingRebuild(@CurrentViewer() viewer: Viewer): Promise<string> {
    return this.requester.requestRebuild(`requested by ${viewer.userId}`);
  }

  @ResolveField(() => City)
  city(@Parent() snapshot: CouplingSnapshot, @Loaders() loaders: LoaderRegistry) {
    return this.catalogLoaders.city(loaders).load(snapshot.cityId);
  }

  @ResolveField(() => IndicatorSystemVersion)
  systemVersion(@Parent() snapshot: CouplingSnapshot, @Loaders() loaders: LoaderRegistry) {
    return this.impactLoaders.systemVersion(loaders).load(snapshot.systemVersionId);
  }

  @ResolveField(() => [SnapshotIndicator], {
    description:
      'Each indicator: raw, standardised, weight, bounds, obstacle, and where the value came from.',
  })
  async indicators(@Parent() snapshot: CouplingSnapshot, @Loaders() loaders: LoaderRegistry) {
    const version = await this.impactLoaders.systemVersion(loaders).load(snapshot.systemVersionId);
    return snapshotIndicators(snapshot, version!);
  }

  @ResolveField(() => [SnapshotSubsystem], {
    description: 'U1, U2, ...: score, U, α and obstacle.',
  })
  async subsystems(@Parent() snapshot: CouplingSnapshot, @Loaders() loaders: LoaderRegistry) {
    const version = await this.impactLoaders.systemVersion(loaders).load(snapshot.systemVersionId);
    return snapshotSubsystems(snapshot, version!);
  }

  @ResolveField(() => CouplingBasisType, {
    description: 'The basis these numbers were computed on: origin, baseline periods, when fixed.',
  })
  basis(@Parent() snapshot: CouplingSnapshot): CouplingBasisType {
    return basisType(snapshot.basis);
  }

  @ResolveField(() => CouplingRun, { description: 'The panel run that computed it.' })
  run(@Parent() snapshot: CouplingSnapshot, @Loaders() loaders: LoaderRegistry) {
    return this.impactLoaders.run(loaders).load(snapshot.runId);
  }

  @ResolveField(() => PanelSummaryType)
  panel(@Parent() snapshot: CouplingSnapshot) {
    return snapshot.panel;
  }

  @ResolveField(() => [CouplingWarningType])
  warnings(@Parent() snapshot: CouplingSnapshot) {
    return snapshot.warnings;
  }
}
