import { registerEnumType } from '@nestjs/graphql';

/** A member's standing in an organization. Owners manage membership; members act for it. */
export enum OrganizationRole {
  OWNER = 'OWNER',
  MEMBER = 'MEMBER',
}
registerEnumType(OrganizationRole, { name: 'OrganizationRole' });
