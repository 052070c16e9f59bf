import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Role, Roles, Viewer } from '@cc/auth';
import type { IndicatorAmount } from '@cc/coupling';
import { LoaderRegistry, Loaders } from '@cc/graphql';
import { CouplingSnapshotStatus } from '../graphql-enums';
import { ImpactLoaders } from '../impact.loaders';
import { IndicatorAggregation } from '../platform-indicators/platform-indicator.catalog';
import { ProjectContributionsArgs } from './dto/coupling-snapshot.args';
import {
  ContributionPart,
  ContributionSharesType,
  ProjectContributionConnection,
  SubsystemDelta,
} from './dto/coupling-snapshot.types';
import { CouplingRun } from './coupling-run.entity';
import { ProjectContribution } from './project-contribution.entity';
import { ProjectContributionService } from './project-contribution.service';

/**
 * Project contributions: the officials' ranking of a city's period. The marketplace adds the
 * `project` field (title and the rest) and the talents' `myImpact`.
 */
function contributionParts(rawParts: Record<string, IndicatorAmount>): ContributionPart[] {
  return Object.keys(rawParts)
    .sort()
    .map((indicator) => {
      const amount = rawParts[indicator];
      return typeof amount === 'number'
        ? {
            indicator,
            aggregation: IndicatorAggregation.SUM,
            amount,
            numerator: null,
            denominator: null,
          }
        : {
            indicator,
            aggregation: IndicatorAggregation.RATIO,
            amount: null,
            numerator: amount.numerator,
            denominator: amount.denominator,
          };
    });
}

@Resolver(() => ProjectContribution)
export class ProjectContributionResolver {
  constructor(
    private readonly contributions: ProjectContributionService,
    private readonly loaders: ImpactLoaders,
  ) {}

  @Roles(Role.OFFICIAL, Role.ADMIN)
  @Query(() => ProjectContributionConnection, {
    description:
      "The projects behind a city's coupling in one period, ranked by ΔD (leave-one-out, with the period's bounds and weights frozen). From the snapshot shown by default (latest PUBLISHED, else LIVE) unless `status` says otherwise. OFFICIAL of the city or ADMIN.",
  })
  projectContributions(@CurrentViewer() viewer: Viewer, @Args() args: ProjectContributionsArgs) {
    return this.contributions.ranking(viewer, args);
  }

  @ResolveField(() => [SubsystemDelta], { description: 'ΔU per subsystem, in system order.' })
  async deltaU(
    @Parent() contribution: ProjectContribution,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<SubsystemDelta[]> {
    const version = await this.loaders.systemVersion(loaders).load(contribution.systemVersionId);
    const names = version?.subsystems.map((s) => s.name) ?? Object.keys(contribution.deltaU);
    return names.map((name) => ({ name, delta: contribution.deltaU[name] ?? 0 }));
  }

  @ResolveField(() => [ContributionPart], {
    description:
      'What removing the project takes from each platform indicator (a distinct count: only the items no other project has): the inputs of its ΔU and ΔD.',
  })
  parts(@Parent() contribution: ProjectContribution): ContributionPart[] {
    return contributionParts(contribution.rawParts);
  }

  @ResolveField(() => ContributionSharesType, {
    description: 'The additive attribution (1/k of shared items), with its own ΔU and ΔD.',
  })
  async shares(
    @Parent() contribution: ProjectContribution,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ContributionSharesType> {
    const version = await this.loaders.systemVersion(loaders).load(contribution.systemVersionId);
    const names = version?.subsystems.map((s) => s.name) ?? Object.keys(contribution.deltaU);
    const { parts, deltaU, deltaD } = contribution.shares;
    return {
      parts: contributionParts(parts),
      deltaU: names.map((name) => ({ name, delta: deltaU[name] ?? 0 })),
      deltaD,
    };
  }

  @ResolveField(() => CouplingRun, { description: 'The panel run that computed it.' })
  run(@Parent() contribution: ProjectContribution, @Loaders() loaders: LoaderRegistry) {
    return this.loaders.run(loaders).load(contribution.runId);
  }

  @ResolveField(() => Int, { description: 'The indicator-system version number.' })
  async systemVersion(
    @Parent() contribution: ProjectContribution,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<number> {
    const version = await this.loaders.systemVersion(loaders).load(contribution.systemVersionId);
    return version!.version;
  }

  @ResolveField(() => CouplingSnapshotStatus, {
    description: 'LIVE (may still change) or PUBLISHED (the frozen official figure).',
  })
  async status(
    @Parent() contribution: ProjectContribution,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<CouplingSnapshotStatus> {
    const snapshot = await this.loaders.snapshot(loaders).load(contribution.snapshotId);
    return snapshot!.status;
  }
}
