import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { MembershipDirectory, OrganizationRole } from '@cc/auth';
import { isUuid } from './common/uuid';
import { OrganizationMember } from './organization/organization-member.entity';
import { TeamMember } from './team/team-member.entity';

/** Answers the AccessPolicy's membership questions from PostgreSQL, fresh on every check. */
@Injectable()
export class IdentityMembershipDirectory extends MembershipDirectory {
  constructor(
    @InjectRepository(OrganizationMember) private readonly members: Repository<OrganizationMember>,
    @InjectRepository(TeamMember) private readonly teamMembers: Repository<TeamMember>,
  ) {
    super();
  }

  async organizationRole(userId: string, organizationId: string): Promise<OrganizationRole | null> {
    if (!isUuid(userId) || !isUuid(organizationId)) return null;
    const member = await this.members.findOneBy({ userId, organizationId });
    return member?.role ?? null;
  }

  async organizationIdsOfKind(userId: string, kind: string): Promise<string[]> {
    if (!isUuid(userId)) return [];
    const rows = await this.members
      .createQueryBuilder('member')
      .innerJoin('member.organization', 'organization')
      .select('member.organizationId', 'id')
      .where('member.userId = :userId AND organization.kind = :kind', { userId, kind })
      .orderBy('member.organizationId')
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  async isTeamMember(userId: string, teamId: string): Promise<boolean> {
    if (!isUuid(userId) || !isUuid(teamId)) return false;
    return this.teamMembers.existsBy({ userId, teamId });
  }

  async teamIdsOf(userId: string): Promise<string[]> {
    if (!isUuid(userId)) return [];
    const rows = await this.teamMembers.find({ select: { teamId: true }, where: { userId } });
    return rows.map((row) => row.teamId);
  }
}
