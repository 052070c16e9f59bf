import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThanOrEqual, Repository } from 'typeorm';
import { AccessPolicy, Role, Viewer } from '@cc/auth';
import { isUniqueViolation } from '@cc/database';
import { CommonException, Connection, ConnectionArgs, paginate } from '@cc/graphql';
import { matchingChanged, MatchSubject } from '@cc/matching';
import { NotificationKind, NotificationService } from '@cc/notification';
import { OutboxWriter } from '@cc/queue';
import { IdentityErrorCode, IdentityException } from '../identity.exception';
import { INVITATION_TTL_DAYS } from '../organization/membership.service';
import { InvitationStatus } from '../organization/organization.enums';
import { User } from '../user/user.entity';
import { TeamMemberInput } from './dto/team.inputs';
import { TeamInvitation } from './team-invitation.entity';
import { TeamMember } from './team-member.entity';
import { Team, TeamRole } from './team.entity';

/**
 * Joining a team takes the talent's consent: a member invites by user id, the talent is told,
 * and only that talent accepts (becoming a MEMBER) or declines.
 */
@Injectable()
export class TeamInvitationService {
  private readonly logger = new Logger(TeamInvitationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Team) private readonly teams: Repository<Team>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(TeamInvitation) private readonly invitations: Repository<TeamInvitation>,
    private readonly policy: AccessPolicy,
    private readonly notifications: NotificationService,
    private readonly outbox: OutboxWriter,
  ) {}

  async invite(viewer: Viewer, input: TeamMemberInput): Promise<TeamInvitation> {
    const team = await this.team(input.teamId);
    await this.policy.assertTeamMember(viewer, team.id);
    const user = await this.users.findOneBy({ id: input.userId });
    if (!user) throw CommonException.notFound('User', input.userId);
    if (!user.roles.includes(Role.TALENT)) {
      throw IdentityException.badInput(
        IdentityErrorCode.NOT_A_TALENT,
        'Only users with the TALENT role can join a team; invite a talent (find one with talentDirectory)',
        { field: 'userId' },
      );
    }
    const member = await this.dataSource.manager.existsBy(TeamMember, {
      teamId: team.id,
      userId: user.id,
    });
    if (member) {
      throw IdentityException.conflict(
        IdentityErrorCode.ALREADY_MEMBER,
        'That talent is already in this team',
      );
    }
    const fields = { invitedById: viewer.userId, expiresAt: expiryFromNow() };
    let invitation: TeamInvitation;
    try {
      invitation =
        (await this.renewLapsed(team.id, user.id, fields)) ??
        (await this.invitations.save(
          this.invitations.create({ teamId: team.id, userId: user.id, ...fields }),
        ));
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw IdentityException.conflict(
          IdentityErrorCode.INVITATION_PENDING,
          'That talent already has a pending invitation to this team; wait for their answer',
        );
      }
      throw error;
    }
    await this.tell(user.id, team, invitation);
    return invitation;
  }

  /** A lapsed invitation still holds the pending slot; inviting again renews it. */
  private async renewLapsed(
    teamId: string,
    userId: string,
    fields: Pick<TeamInvitation, 'invitedById' | 'expiresAt'>,
  ): Promise<TeamInvitation | null> {
    const lapsed = await this.invitations.findOneBy({
      teamId,
      userId,
      status: InvitationStatus.PENDING,
      expiresAt: LessThanOrEqual(new Date()),
    });
    if (!lapsed) return null;
    await this.invitations.update({ id: lapsed.id }, fields);
    return { ...lapsed, ...fields } as TeamInvitation;
  }

  async accept(viewer: Viewer, invitationId: string): Promise<Team> {
    const team = await this.dataSource.transaction(async (manager) => {
      const invitation = await this.openInvitationFor(viewer, invitationId, manager);
      await manager
        .createQueryBuilder()
        .insert()
        .into(TeamMember)
        .values({ teamId: invitation.teamId, userId: viewer.userId, role: TeamRole.MEMBER })
        .orIgnore()
        .execute();
      await manager.update(
        TeamInvitation,
        { id: invitation.id },
        { status: InvitationStatus.ACCEPTED, respondedAt: new Date() },
      );
      // Matching keeps each talent's teams, to suggest teammates a team lacks.
      await this.outbox.addAll(manager, [
        matchingChanged(MatchSubject.TALENT, viewer.userId, 'joined a team'),
      ]);
      return manager.findOneByOrFail(Team, { id: invitation.teamId });
    });
    return team;
  }

  async decline(viewer: Viewer, invitationId: string): Promise<TeamInvitation> {
    return this.dataSource.transaction(async (manager) => {
      const invitation = await this.openInvitationFor(viewer, invitationId, manager);
      invitation.status = InvitationStatus.DECLINED;
      invitation.respondedAt = new Date();
      return manager.save(invitation);
    });
  }

  /** The viewer's pending invitations, newest first. */
  pendingFor(viewer: Viewer, args: ConnectionArgs): Promise<Connection<TeamInvitation>> {
    const query = this.invitations
      .createQueryBuilder('invitation')
      .where(
        'invitation.user_id = :userId AND invitation.status = :pending AND invitation.expires_at > now()',
        {
          userId: viewer.userId,
          pending: InvitationStatus.PENDING,
        },
      );
    return paginate(query, args, {
      column: 'invitation.created_at',
      direction: 'DESC',
      valueOf: (invitation) => invitation.createdAt.toISOString(),
    });
  }

  private async openInvitationFor(
    viewer: Viewer,
    invitationId: string,
    manager: EntityManager,
  ): Promise<TeamInvitation> {
    const invitation = await manager.findOne(TeamInvitation, {
      where: { id: invitationId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!invitation) throw CommonException.notFound('TeamInvitation', invitationId);
    if (invitation.userId !== viewer.userId) {
      throw IdentityException.forbidden(
        IdentityErrorCode.INVITATION_NOT_FOR_YOU,
        'This invitation is for another talent; only the invited talent answers it',
      );
    }
    if (invitation.status !== InvitationStatus.PENDING) {
      throw IdentityException.conflict(
        IdentityErrorCode.INVITATION_CLOSED,
        `Answering needs the invitation to be PENDING (it is ${invitation.status}); ask a team member for a new one`,
        { currentStatus: invitation.status },
      );
    }
    if (invitation.expiresAt <= new Date()) {
      throw IdentityException.conflict(
        IdentityErrorCode.INVITATION_CLOSED,
        `This invitation lapsed on ${invitation.expiresAt.toISOString().slice(0, 10)}; ask a team member to invite you again`,
        { expiresAt: invitation.expiresAt.toISOString() },
      );
    }
    return invitation;
  }

  private async team(id: string): Promise<Team> {
    const team = await this.teams.findOneBy({ id });
    if (!team) throw CommonException.notFound('Team', id);
    return team;
  }

  private async tell(userId: string, team: Team, invitation: TeamInvitation): Promise<void> {
    try {
      await this.notifications.notify([userId], {
        kind: NotificationKind.TEAM_INVITATION,
        title: `You are invited to join “${team.name}”`,
        body: 'Accept or decline the invitation under your team invitations.',
        payload: { teamId: team.id, invitationId: invitation.id },
      });
    } catch (error) {
      this.logger.error({ err: error, invitationId: invitation.id }, 'could not notify');
    }
  }
}

function expiryFromNow(): Date {
  return new Date(Date.now() + INVITATION_TTL_DAYS * 24 * 60 * 60 * 1000);
}
