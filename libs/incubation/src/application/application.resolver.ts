import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Role, Roles, Viewer } from '@cc/auth';
import { ConnectionArgs, LoaderRegistry, Loaders, ParseIdPipe } from '@cc/graphql';
import { IdentityLoaders, Team } from '@cc/identity';
import { Cohort } from '../program/cohort.entity';
import { IncubationLoaders } from '../incubation.loaders';
import { allowedNextApplicationStates, ApplicationState } from './application-state';
import { CohortApplicationConnection } from './application.connection';
import { Application } from './application.entity';
import { ApplicationService } from './application.service';
import {
  ApplyToCohortInput,
  CohortApplicationsArgs,
  DecisionInput,
} from './dto/application.inputs';

@Resolver(() => Application)
export class ApplicationResolver {
  constructor(
    private readonly applicationService: ApplicationService,
    private readonly identity: IdentityLoaders,
    private readonly incubation: IncubationLoaders,
  ) {}

  @Roles(Role.TALENT)
  @Mutation(() => Application, {
    description: 'Apply to a cohort, alone or for your team, with a pitch and your projects.',
  })
  applyToCohort(
    @Args('input') input: ApplyToCohortInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Application> {
    return this.applicationService.apply(viewer, input);
  }

  @Roles(Role.INCUBATOR)
  @Mutation(() => Application, {
    description: 'Admit an application (takes a seat; COHORT_FULL when none is left).',
  })
  admitApplication(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('input', { type: () => DecisionInput, nullable: true }) input: DecisionInput | undefined,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Application> {
    return this.applicationService.admit(viewer, id, input?.note);
  }

  @Roles(Role.INCUBATOR)
  @Mutation(() => Application)
  rejectApplication(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('input', { type: () => DecisionInput, nullable: true }) input: DecisionInput | undefined,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Application> {
    return this.applicationService.reject(viewer, id, input?.note);
  }

  @Roles(Role.INCUBATOR)
  @Mutation(() => Application, { description: 'An admitted team completes the cohort.' })
  graduateApplication(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('input', { type: () => DecisionInput, nullable: true }) input: DecisionInput | undefined,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Application> {
    return this.applicationService.graduate(viewer, id, input?.note);
  }

  @Authenticated()
  @Mutation(() => Application, {
    description: 'The applicant withdraws (an admitted team frees its seat).',
  })
  withdrawApplication(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Application> {
    return this.applicationService.withdraw(viewer, id);
  }

  @Authenticated()
  @Query(() => Application, { description: 'For the applicant and the incubator only.' })
  cohortApplication(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Application> {
    return this.applicationService.getVisible(viewer, id);
  }

  @Authenticated()
  @Query(() => CohortApplicationConnection, {
    description: 'Your applications and your teams’, newest first.',
  })
  myCohortApplications(@Args() page: ConnectionArgs, @CurrentViewer() viewer: Viewer) {
    return this.applicationService.mine(viewer, page);
  }

  @Roles(Role.INCUBATOR)
  @Query(() => CohortApplicationConnection, {
    description: 'Applications to a cohort of your incubator, newest first.',
  })
  cohortApplications(@Args() args: CohortApplicationsArgs, @CurrentViewer() viewer: Viewer) {
    return this.applicationService.ofCohort(viewer, args);
  }

  @ResolveField(() => [ApplicationState])
  allowedNextStates(@Parent() application: Application): readonly ApplicationState[] {
    return allowedNextApplicationStates(application.state);
  }

  @ResolveField(() => Cohort)
  async cohort(
    @Parent() application: Application,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<Cohort> {
    return (await this.incubation.cohort(loaders).load(application.cohortId))!;
  }

  @ResolveField(() => Team, { nullable: true })
  team(
    @Parent() application: Application,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<Team | null> {
    return application.teamId
      ? this.identity.team(loaders).load(application.teamId)
      : Promise.resolve(null);
  }
}
