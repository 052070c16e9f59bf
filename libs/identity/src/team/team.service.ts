import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { AccessPolicy, Viewer } from '@cc/auth';
import { CommonException, Connection, ConnectionArgs, paginate } from '@cc/graphql';
import { matchingChanged, MatchSubject } from '@cc/matching';
import { OutboxWriter } from '@cc/queue';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { Discipline } from '../talent-profile/discipline.enum';
import { DisciplineReader } from '../talent-profile/discipline.reader';
import { CreateTeamInput, SetTeamMemberRoleInput, TeamMemberInput } from './dto/team.inputs';
import { TeamMember } from './team-member.entity';
import { Team, TeamRole } from './team.entity';

@Injectable()
export class TeamService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    private readonly policy: AccessPolicy,
    private readonly outbox: OutboxWriter,
    private readonly disciplines: DisciplineReader,
  ) {}

  /**
   * Matching keeps each talent's teams, to suggest teammates a team lacks: told in the
   * transaction of the membership change, so the event commits exactly when the change does.
   */
  private membershipChanged(manager: EntityManager, userId: string): Promise<void> {
    return this.outbox.addAll(manager, [
      matchingChanged(MatchSubject.TALENT, userId, 'team membership changed'),
    ]);
  }

  /** The creating talent becomes the team's LEAD. */
  async create(viewer: Viewer, input: CreateTeamInput): Promise<Team> {
    const created = await this.dataSource.transaction(async (manager) => {
      const team = await manager.save(
        manager.create(Team, {
          name: input.name,
          description: input.description ?? '',
          createdById: viewer.userId,
        }),
      );
      await manager.insert(TeamMember, {
        teamId: team.id,
        userId: viewer.userId,
        role: TeamRole.LEAD,
      });
      await this.membershipChanged(manager, viewer.userId);
      return team;
    });
    return created;
  }

  /** A member may leave; the lead may remove anyone. The only lead cannot go. */
  async removeMember(viewer: Viewer, input: TeamMemberInput): Promise<Team> {
    const team = await this.get(input.teamId);
    await this.policy.assertTeamMember(viewer, team.id);
    await this.dataSource.transaction(async (manager) => {
      const { actor, target, rows } = await this.lockMembers(manager, viewer, input);
      if (target.userId !== viewer.userId && actor?.role !== TeamRole.LEAD) {
        throw IdentityException.forbidden(
          IdentityErrorCode.NOT_A_MEMBER,
          "Only the team's lead may remove other members; ask the lead, or leave the team yourself (removeTeamMember with your own userId)",
        );
      }
      assertKeepsALead(rows, target);
      await manager.delete(TeamMember, { id: target.id });
      await this.membershipChanged(manager, input.userId);
    });
    return team;
  }

  /** A lead hands the lead role to a member, or steps down once another lead exists. */
  async setMemberRole(viewer: Viewer, input: SetTeamMemberRoleInput): Promise<Team> {
    const team = await this.get(input.teamId);
    await this.policy.assertTeamMember(viewer, team.id);
    await this.dataSource.transaction(async (manager) => {
      const { actor, target, rows } = await this.lockMembers(manager, viewer, input);
      if (actor?.role !== TeamRole.LEAD) {
        throw IdentityException.forbidden(
          IdentityErrorCode.NOT_A_MEMBER,
          "Only the team's lead may change roles; ask the lead",
        );
      }
      if (target.role === input.role) return;
      if (input.role === TeamRole.MEMBER) assertKeepsALead(rows, target);
      await manager.update(TeamMember, { id: target.id }, { role: input.role });
    });
    return team;
  }

  /** The team's member rows, locked for the change, with the acting and the target member. */
  private async lockMembers(manager: EntityManager, viewer: Viewer, input: TeamMemberInput) {
    const rows = await manager.find(TeamMember, {
      where: { teamId: input.teamId },
      lock: { mode: 'pessimistic_write' },
    });
    const actor = rows.find((row) => row.userId === viewer.userId);
    const target = rows.find((row) => row.userId === input.userId);
    if (!target) {
      throw IdentityException.badInput(
        IdentityErrorCode.NOT_A_MEMBER,
        'That user is not in this team; invite them first (inviteTeamMember)',
        { field: 'userId' },
      );
    }
    return { actor, target, rows };
  }

  async get(id: string): Promise<Team> {
    const team = await this.teams.findOneBy({ id });
    if (!team) throw CommonException.notFound('Team', id);
    return team;
  }

  listOf(userId: string, args: ConnectionArgs): Promise<Connection<Team>> {
    const query = this.teams
      .createQueryBuilder('team')
      .where(
        'EXISTS (SELECT 1 FROM team_member m WHERE m.team_id = team.id AND m.user_id = :userId)',
        { userId },
      );
    return paginate(query, args, {
      column: 'team.name',
      direction: 'ASC',
      valueOf: (team) => team.name,
    });
  }

  /** The union of the members' disciplines per team, in Discipline order (for DataLoaders). */
  async disciplinesOf(teamIds: readonly string[]): Promise<Discipline[][]> {
    const { teams } = await this.disciplines.of({ userIds: [], teamIds });
    return teamIds.map((id) => teams.get(id) ?? []);
  }
}

/** Refuses a change that would leave the team without a lead. */
function assertKeepsALead(rows: TeamMember[], target: TeamMember): void {
  const leads = rows.filter((row) => row.role === TeamRole.LEAD);
  if (target.role === TeamRole.LEAD && leads.length === 1) {
    throw IdentityException.conflict(
      IdentityErrorCode.LAST_TEAM_LEAD,
      'A team needs a lead and this is its only one: make another member a lead first (setTeamMemberRole)',
    );
  }
}
