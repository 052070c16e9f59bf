import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Public, Role, Roles, Viewer } from '@cc/auth';
import { LoaderRegistry, Loaders, ParseIdPipe } from '@cc/graphql';
import { IdentityLoaders, Organization } from '@cc/identity';
import { IncubationLoaders } from '../incubation.loaders';
import { Cohort } from './cohort.entity';
import { CreateCohortInput, CreateProgramInput, ProgramsArgs } from './dto/program.inputs';
import { ProgramConnection } from './program.connection';
import { Program } from './program.entity';
import { ProgramService } from './program.service';

@Resolver(() => Program)
export class ProgramResolver {
  constructor(
    private readonly programService: ProgramService,
    private readonly identity: IdentityLoaders,
    private readonly incubation: IncubationLoaders,
  ) {}

  @Public()
  @Query(() => ProgramConnection, {
    description: "Incubators' programs, newest first; filter by incubator or city.",
  })
  programs(@Args() args: ProgramsArgs) {
    return this.programService.list(args);
  }

  @Public()
  @Query(() => Program)
  program(@Args('id', { type: () => ID }, ParseIdPipe) id: string): Promise<Program> {
    return this.programService.getProgram(id);
  }

  @Public()
  @Query(() => Cohort, { description: 'A cohort: dates, seats, focus; teams apply to it.' })
  cohort(@Args('id', { type: () => ID }, ParseIdPipe) id: string): Promise<Cohort> {
    return this.programService.getCohort(id);
  }

  @Roles(Role.INCUBATOR)
  @Mutation(() => Program, { description: 'A program of your INCUBATOR organization.' })
  createProgram(
    @Args('input') input: CreateProgramInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Program> {
    return this.programService.createProgram(viewer, input);
  }

  @Roles(Role.INCUBATOR)
  @Mutation(() => Cohort, { description: 'A cohort of one of your programs.' })
  createCohort(
    @Args('input') input: CreateCohortInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Cohort> {
    return this.programService.createCohort(viewer, input);
  }

  @ResolveField(() => [Cohort])
  cohorts(@Parent() program: Program, @Loaders() loaders: LoaderRegistry): Promise<Cohort[]> {
    return this.incubation.cohortsOfProgram(loaders).load(program.id);
  }

  @ResolveField(() => Organization, { nullable: true })
  organization(
    @Parent() program: Program,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<Organization | null> {
    return this.identity.organization(loaders).load(program.organizationId);
  }
}
