import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import DataLoader from 'dataloader';
import { In, Repository } from 'typeorm';
import { OrganizationRole } from '@cc/auth';
import { byKeys, groupByKeys, LoaderRegistry } from '@cc/graphql';
import { ManufacturerCapability } from './organization/manufacturer-capability.entity';
import { OrganizationMember } from './organization/organization-member.entity';
import { Organization } from './organization/organization.entity';
import { OfficialGrant } from './role-request/official-grant.entity';
import { TalentProfile } from './talent-profile/talent-profile.entity';
import { TeamMember } from './team/team-member.entity';
import { Team } from './team/team.entity';
import { User } from './user/user.entity';

/** Per-request batch loaders for identity relations; other domains reuse `user` and `organization`. */
@Injectable()
export class IdentityLoaders {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    @InjectRepository(OrganizationMember) private readonly members: Repository<OrganizationMember>,
    @InjectRepository(ManufacturerCapability)
    private readonly capabilities: Repository<ManufacturerCapability>,
    @InjectRepository(TalentProfile) private readonly profiles: Repository<TalentProfile>,
    @InjectRepository(TeamMember) private readonly teamMemberRows: Repository<TeamMember>,
    @InjectRepository(OfficialGrant) private readonly grants: Repository<OfficialGrant>,
    @InjectRepository(Team) private readonly teams: Repository<Team>,
  ) {}

  user(loaders: LoaderRegistry): DataLoader<string, User | null> {
    return loaders.get('identity.userById', async (ids: readonly string[]) =>
      byKeys(ids, await this.users.findBy({ id: In([...ids]) }), (user) => user.id),
    );
  }

  organization(loaders: LoaderRegistry): DataLoader<string, Organization | null> {
    return loaders.get('identity.organizationById', async (ids: readonly string[]) =>
      byKeys(ids, await this.organizations.findBy({ id: In([...ids]) }), (org) => org.id),
    );
  }

  organizationMembers(loaders: LoaderRegistry): DataLoader<string, OrganizationMember[]> {
    return loaders.get('identity.membersByOrganization', async (ids: readonly string[]) =>
      groupByKeys(
        ids,
        await this.members.find({
          where: { organizationId: In([...ids]) },
          order: { role: 'ASC', createdAt: 'ASC' },
        }),
        (member) => member.organizationId,
      ),
    );
  }

  /** The organizations each user belongs to (keys are user ids). */
  membershipsOfUser(loaders: LoaderRegistry): DataLoader<string, OrganizationMember[]> {
    return loaders.get('identity.membershipsByUser', async (ids: readonly string[]) =>
      groupByKeys(
        ids,
        await this.members.find({ where: { userId: In([...ids]) } }),
        (member) => member.userId,
      ),
    );
  }

  /** The viewer's role in each organization (keys are organization ids). */
  viewerOrganizationRole(
    loaders: LoaderRegistry,
    userId: string,
  ): DataLoader<string, OrganizationRole | null> {
    return loaders.get(`identity.organizationRoleOf:${userId}`, async (ids: readonly string[]) =>
      byKeys(
        ids,
        await this.members.findBy({ organizationId: In([...ids]), userId }),
        (member) => member.organizationId,
      ).map((member) => member?.role ?? null),
    );
  }

  capabilitiesOf(loaders: LoaderRegistry): DataLoader<string, ManufacturerCapability | null> {
    return loaders.get('identity.capabilitiesByOrganization', async (ids: readonly string[]) =>
      byKeys(
        ids,
        await this.capabilities.findBy({ organizationId: In([...ids]) }),
        (capability) => capability.organizationId,
      ),
    );
  }

  talentProfile(loaders: LoaderRegistry): DataLoader<string, TalentProfile | null> {
    return loaders.get('identity.talentProfileByUser', async (ids: readonly string[]) =>
      byKeys(
        ids,
        await this.profiles.findBy({ userId: In([...ids]) }),
        (profile) => profile.userId,
      ),
    );
  }

  teamMembers(loaders: LoaderRegistry): DataLoader<string, TeamMember[]> {
    return loaders.get('identity.membersByTeam', async (ids: readonly string[]) =>
      groupByKeys(
        ids,
        await this.teamMemberRows.find({
          where: { teamId: In([...ids]) },
          order: { role: 'ASC', createdAt: 'ASC' },
        }),
        (member) => member.teamId,
      ),
    );
  }

  team(loaders: LoaderRegistry): DataLoader<string, Team | null> {
    return loaders.get('identity.teamById', async (ids: readonly string[]) =>
      byKeys(ids, await this.teams.findBy({ id: In([...ids]) }), (team) => team.id),
    );
  }

  /** The teams each user belongs to (keys are user ids). */
  teamMembershipsOfUser(loaders: LoaderRegistry): DataLoader<string, TeamMember[]> {
    return loaders.get('identity.teamMembershipsByUser', async (ids: readonly string[]) =>
      groupByKeys(
        ids,
        await this.teamMemberRows.find({ where: { userId: In([...ids]) } }),
        (member) => member.userId,
      ),
    );
  }

  officialGrants(loaders: LoaderRegistry): DataLoader<string, OfficialGrant[]> {
    return loaders.get('identity.officialGrantsByUser', async (ids: readonly string[]) =>
      groupByKeys(
        ids,
        await this.grants.find({ where: { userId: In([...ids]) }, order: { createdAt: 'ASC' } }),
        (grant) => grant.userId,
      ),
    );
  }
}
