import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Role, Roles, Viewer } from '@cc/auth';
import { CommonException, ConnectionArgs, LoaderRegistry, Loaders, ParseIdPipe } from '@cc/graphql';
import { IdArgs } from '../common/id.args';
import { IdentityLoaders } from '../identity.loaders';
import { Discipline } from '../talent-profile/discipline.enum';
import { User } from '../user/user.entity';
import { CreateTeamInput, SetTeamMemberRoleInput, TeamMemberInput } from './dto/team.inputs';
import { TeamInvitation } from './team-invitation.entity';
import { TeamInvitationService } from './team-invitation.service';
import { TeamMember } from './team-member.entity';
import { TeamConnection, TeamInvitationConnection } from './team.connection';
import { Team } from './team.entity';
import { TeamService } from './team.service';

@Resolver(() => Team)
export class TeamResolver {
  constructor(
    private readonly teams: TeamService,
    private readonly invitations: TeamInvitationService,
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
  @Mutation(() => TeamInvitation, {
    description:
      'Team members invite a talent by user id; the talent is notified and joins only by accepting.',
  })
  inviteTeamMember(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: TeamMemberInput,
  ): Promise<TeamInvitation> {
    return this.invitations.invite(viewer, input);
  }

  @Roles(Role.TALENT)
  @Mutation(() => Team, { description: 'Join the team you were invited to.' })
  acceptTeamInvitation(
    @CurrentViewer() viewer: Viewer,
    @Args('invitationId', { type: () => ID }, ParseIdPipe) invitationId: string,
  ): Promise<Team> {
    return this.invitations.accept(viewer, invitationId);
  }

  @Authenticated()
  @Mutation(() => TeamInvitation, { description: 'Decline an invitation to a team.' })
  declineTeamInvitation(
    @CurrentViewer() viewer: Viewer,
    @Args('invitationId', { type: () => ID }, ParseIdPipe) invitationId: string,
  ): Promise<TeamInvitation> {
    return this.invitations.decline(viewer, invitationId);
  }

  @Authenticated()
  @Query(() => TeamInvitationConnection, { description: 'Your pending team invitations.' })
  myTeamInvitations(@CurrentViewer() viewer: Viewer, @Args() args: ConnectionArgs) {
    return this.invitations.pendingFor(viewer, args);
  }

  @Authenticated()
  @Mutation(() => Team, { description: 'Members may leave; the lead may remove others.' })
  removeTeamMember(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: TeamMemberInput,
  ): Promise<Team> {
    return this.teams.removeMember(viewer, input);
  }

  @Authenticated()
  @Mutation(() => Team, {
    description:
      'The lead makes a member a LEAD or a MEMBER; a team always keeps at least one lead.',
  })
  setTeamMemberRole(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SetTeamMemberRoleInput,
  ): Promise<Team> {
    return this.teams.setMemberRole(viewer, input);
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

@Resolver(() => TeamInvitation)
export class TeamInvitationResolver {
  constructor(private readonly loaders: IdentityLoaders) {}

  @ResolveField(() => Team)
  async team(
    @Parent() invitation: TeamInvitation,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<Team> {
    const team = await this.loaders.team(loaders).load(invitation.teamId);
    if (!team) throw CommonException.notFound('Team', invitation.teamId);
    return team;
  }

  @ResolveField(() => User, { nullable: true })
  invitedBy(@Parent() invitation: TeamInvitation, @Loaders() loaders: LoaderRegistry) {
    return invitation.invitedById ? this.loaders.user(loaders).load(invitation.invitedById) : null;
  }
}
