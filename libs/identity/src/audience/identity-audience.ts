import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganizationMember } from '../organization/organization-member.entity';
import { OfficialGrant } from '../role-request/official-grant.entity';

/** Who to tell about something: user ids of a city's officials or of an organization's members. */
@Injectable()
export class IdentityAudience {
  constructor(
    @InjectRepository(OfficialGrant) private readonly grants: Repository<OfficialGrant>,
    @InjectRepository(OrganizationMember) private readonly members: Repository<OrganizationMember>,
  ) {}

  /** Users holding an OFFICIAL grant for the city (any department), each once. */
  async officialsOfCity(cityId: string): Promise<string[]> {
    const grants = await this.grants.find({ select: { userId: true }, where: { cityId } });
    return [...new Set(grants.map((grant) => grant.userId))];
  }

  async membersOfOrganization(organizationId: string): Promise<string[]> {
    const members = await this.members.find({
      select: { userId: true },
      where: { organizationId },
    });
    return members.map((member) => member.userId);
  }
}
