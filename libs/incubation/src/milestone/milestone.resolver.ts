import { Args, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Role, Roles, Viewer } from '@cc/auth';
import { LoaderRegistry, Loaders } from '@cc/graphql';
import { IncubationLoaders } from '../incubation.loaders';
import { Application } from '../application/application.entity';
import { Cohort } from '../program/cohort.entity';
import { CreateMilestoneInput, MarkMilestoneDoneInput } from './dto/milestone.inputs';
import { MilestoneCompletion } from './milestone-completion.entity';
import { TeamMilestone } from './milestone-status.types';
import { Milestone } from './milestone.entity';
import { MilestoneService } from './milestone.service';

@Resolver(() => Milestone)
export class MilestoneResolver {
  constructor(private readonly milestoneService: MilestoneService) {}

  @Roles(Role.INCUBATOR)
  @Mutation(() => Milestone, {
    description:
      'A milestone for every team of a cohort. PROTOTYPE, FIRST_PRODUCTION_ORDER and FIRST_PLACEMENT tick themselves from platform events.',
  })
  createMilestone(
    @Args('input') input: CreateMilestoneInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Milestone> {
    return this.milestoneService.create(viewer, input);
  }

  @Authenticated()
  @Mutation(() => MilestoneCompletion, {
    description: 'Mark a milestone reached, with evidence (the incubator or the team).',
  })
  markMilestoneDone(
    @Args('input') input: MarkMilestoneDoneInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<MilestoneCompletion> {
    return this.milestoneService.markDone(viewer, input);
  }
}

@Resolver(() => Cohort)
export class CohortMilestonesResolver {
  constructor(private readonly incubation: IncubationLoaders) {}

  @ResolveField(() => [Milestone])
  milestones(@Parent() cohort: Cohort, @Loaders() loaders: LoaderRegistry): Promise<Milestone[]> {
    return this.incubation.milestonesOfCohort(loaders).load(cohort.id);
  }
}

@Resolver(() => Application)
export class ApplicationMilestonesResolver {
  constructor(private readonly incubation: IncubationLoaders) {}

  /** Every query that returns an application has checked the viewer may see it. */
  @ResolveField(() => [TeamMilestone], {
    description: 'The cohort’s milestones as this team stands.',
  })
  milestones(
    @Parent() application: Application,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<TeamMilestone[]> {
    return this.incubation.teamMilestones(loaders).load(application);
  }
}
