import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Role, Roles, Viewer } from '@cc/auth';
import { LoaderRegistry, Loaders } from '@cc/graphql';
import { ImpactLoaders, ProjectContribution } from '@cc/impact';
import { MyImpactService } from './my-impact.service';
import { MyImpactArgs, ProjectImpact, ProjectImpactConnection } from './project-impact.types';

/** A talent's own impact: their projects with ΔU and ΔD per period. */
@Resolver(() => ProjectImpact)
export class MyImpactResolver {
  constructor(
    private readonly impact: MyImpactService,
    private readonly impactLoaders: ImpactLoaders,
  ) {}

  @Roles(Role.TALENT)
  @Query(() => ProjectImpactConnection, {
    description:
      "Your published projects (created by you or your teams), newest first, each with its contributions to its city's coupling: ΔU per subsystem and ΔD per period.",
  })
  myImpact(@CurrentViewer() viewer: Viewer, @Args() args: MyImpactArgs) {
    return this.impact.list(viewer, args);
  }

  @ResolveField(() => [ProjectContribution], {
    description:
      "Per period, oldest first: the city's snapshot shown by default (latest PUBLISHED, else LIVE) under the indicator system in force.",
  })
  contributions(
    @Parent() impact: ProjectImpact,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ProjectContribution[]> {
    return this.impactLoaders
      .contributionsOfProject(loaders, impact.versionNumber)
      .load(impact.projectId);
  }
}
