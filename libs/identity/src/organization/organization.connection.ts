import { ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '@cc/graphql';
import { OrganizationInvitation } from './organization-invitation.entity';
import { Organization } from './organization.entity';

@ObjectType()
export class OrganizationConnection extends ConnectionType(Organization) {}

@ObjectType()
export class OrganizationInvitationConnection extends ConnectionType(OrganizationInvitation) {}
