import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Role, Roles, Viewer } from '@cc/auth';
import { ConnectionArgs, LoaderRegistry, Loaders } from '@cc/graphql';
import { IdArgs } from '../common/id.args';
import { IdentityLoaders } from '../identity.loaders';
import { Discipline } from '../talent-profile/discipline.enum';
import { User } from '../user/user.entity';
import { CreateTeamInput, TeamMemberInput } from './dto/team.inputs';
import { TeamMember } from './team-member.entity';
import { TeamConnection } from './team.connection';
import { Team } from './team.entity';
import { TeamService } from './team.service';

@Resolver(() => Team)
export class TeamResolver {
  constructor(
    private readonly teams: TeamService,
    private readonly loaders: IdentityLoaders,
  ) {}

  @Authenticated()
  @Query(() => Team)
  team(@Args() { id }: IdArgs): Promise<Team> {
    return this.teams.get(id);
  }

  @Authenticated()
  @Query(() => TeamConnection, { description: 'Teams the viewer is in, by name.' })
  myTeams(@CurrentViewer() viewer: Viewer, @Args() args: ConnectionArgs) {
    return this.teams.listOf(viewer.userId, args);
  }

  @Roles(Role.TALENT)
  @Mutation(() => Team, { description: 'You become the team lead.' })
  createTeam(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateTeamInput,
  ): Promise<Team> {
    return this.teams.create(viewer, input);
  }

  @Roles(Role.TALENT)
  @Mutation(() => Team, { description: 'Team members only; the added user must be a TALENT.' })
  addTeamMember(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: TeamMemberInput,
  ): Promise<Team> {
    return this.teams.addMember(viewer, input);
  }

  @Authenticated()
  @Mutation(() => Team, { description: 'Members may leave; the lead may remove others.' })
  removeTeamMember(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: TeamMemberInput,
  ): Promise<Team> {
    return this.teams.removeMember(viewer, input);
  }

  @ResolveField(() => [TeamMember])
  members(@Parent() team: Team, @Loaders() loaders: LoaderRegistry) {
    return this.loaders.teamMembers(loaders).load(team.id);
  }

  @ResolveField(() => [Discipline], {
    description: "The union of the members' disciplines (from their talent profiles).",
  })
  disciplines(@Parent() team: Team, @Loaders() loaders: LoaderRegistry) {
    return loaders
      .get('identity.disciplinesByTeam', (ids: readonly string[]) => this.teams.disciplinesOf(ids))
      .load(team.id);
  }
}

@Resolver(() => TeamMember)
export class TeamMemberResolver {
  constructor(private readonly loaders: IdentityLoaders) {}

  @ResolveField(() => User)
  user(@Parent() member: TeamMember, @Loaders() loaders: LoaderRegistry) {
    return this.loaders.user(loaders).load(member.userId);
  }
}
