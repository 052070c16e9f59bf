import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LoaderRegistry, Loaders } from '@cc/graphql';
import { IdentityLoaders } from '../identity.loaders';
import { User } from '../user/user.entity';
import { OrganizationInvitation } from './organization-invitation.entity';
import { OrganizationMember } from './organization-member.entity';
import { Organization } from './organization.entity';

@Resolver(() => OrganizationMember)
export class OrganizationMemberResolver {
  constructor(private readonly loaders: IdentityLoaders) {}

  @ResolveField(() => User)
  user(@Parent() member: OrganizationMember, @Loaders() loaders: LoaderRegistry) {
    return this.loaders.user(loaders).load(member.userId);
  }
}

@Resolver(() => OrganizationInvitation)
export class OrganizationInvitationResolver {
  constructor(private readonly loaders: IdentityLoaders) {}

  @ResolveField(() => Organization)
  organization(@Parent() invitation: OrganizationInvitation, @Loaders() loaders: LoaderRegistry) {
    return this.loaders.organization(loaders).load(invitation.organizationId);
  }

  @ResolveField(() => User, { nullable: true })
  invitedBy(@Parent() invitation: OrganizationInvitation, @Loaders() loaders: LoaderRegistry) {
    return invitation.invitedById ? this.loaders.user(loaders).load(invitation.invitedById) : null;
  }
}
