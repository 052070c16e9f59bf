import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import {
  AuthErrorCode,
  AuthException,
  Authenticated,
  CurrentViewer,
  OrganizationRole,
  Role,
  Roles,
  Viewer,
} from '@cc/auth';
import { CatalogLoaders, City, District } from '@cc/catalog';
import { ConnectionArgs, LoaderRegistry, Loaders } from '@cc/graphql';
import { IdArgs } from '../common/id.args';
import { IdentityLoaders } from '../identity.loaders';
import {
  CreateOrganizationInput,
  InviteMemberInput,
  RemoveMemberInput,
  UpdateManufacturerCapabilitiesInput,
  UpdateOrganizationInput,
} from './dto/organization.inputs';
import { OrganizationsArgs, RespondToInvitationArgs } from './dto/organization.args';
import { ManufacturerCapability } from './manufacturer-capability.entity';
import { MembershipService } from './membership.service';
import { OrganizationInvitation } from './organization-invitation.entity';
import { OrganizationMember } from './organization-member.entity';
import {
  OrganizationConnection,
  OrganizationInvitationConnection,
} from './organization.connection';
import { Organization } from './organization.entity';
import { OrganizationService } from './organization.service';

@Resolver(() => Organization)
export class OrganizationResolver {
  constructor(
    private readonly organizationService: OrganizationService,
    private readonly membership: MembershipService,
    private readonly loaders: IdentityLoaders,
    private readonly catalogLoaders: CatalogLoaders,
  ) {}

  @Authenticated()
  @Query(() => Organization)
  organization(@Args() { id }: IdArgs): Promise<Organization> {
    return this.organizationService.get(id);
  }

  @Authenticated()
  @Query(() => OrganizationConnection, { description: 'The directory of organizations, by name.' })
  organizations(@Args() args: OrganizationsArgs) {
    return this.organizationService.list(args);
  }

  @Authenticated()
  @Query(() => OrganizationConnection, { description: 'Organizations the viewer belongs to.' })
  myOrganizations(@CurrentViewer() viewer: Viewer, @Args() args: OrganizationsArgs) {
    return this.organizationService.listOf(viewer.userId, args);
  }

  @Authenticated()
  @Query(() => OrganizationInvitationConnection, {
    description: "Pending invitations addressed to the viewer's email.",
  })
  myInvitations(@CurrentViewer() viewer: Viewer, @Args() args: ConnectionArgs) {
    return this.membership.pendingFor(viewer, args);
  }

  @Roles(Role.MANUFACTURER, Role.RETAILER, Role.INCUBATOR, Role.OFFICIAL)
  @Mutation(() => Organization, {
    description:
      'Create an organization of a kind matching one of your roles; you become its OWNER. ' +
      'A GOVERNMENT_DEPARTMENT needs an OFFICIAL grant for its city and department.',
  })
  createOrganization(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: CreateOrganizationInput,
  ): Promise<Organization> {
    return this.organizationService.create(viewer, input);
  }

  @Authenticated()
  @Mutation(() => Organization, { description: 'Members only.' })
  updateOrganization(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateOrganizationInput,
  ): Promise<Organization> {
    return this.organizationService.update(viewer, input);
  }

  @Roles(Role.MANUFACTURER)
  @Mutation(() => ManufacturerCapability, { description: 'Members of the manufacturer only.' })
  updateManufacturerCapabilities(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateManufacturerCapabilitiesInput,
  ): Promise<ManufacturerCapability> {
    return this.organizationService.updateCapabilities(viewer, input);
  }

  @Authenticated()
  @Mutation(() => OrganizationInvitation, { description: 'Owners only.' })
  inviteMember(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: InviteMemberInput,
  ): Promise<OrganizationInvitation> {
    return this.membership.invite(viewer, input);
  }

  @Authenticated()
  @Mutation(() => Organization, {
    description:
      'The invited account only, with the secret of the invitation link, holding the role the organization kind needs.',
  })
  acceptInvitation(
    @CurrentViewer() viewer: Viewer,
    @Args() { invitationId, token }: RespondToInvitationArgs,
  ): Promise<Organization> {
    return this.membership.accept(viewer, invitationId, token);
  }

  @Authenticated()
  @Mutation(() => OrganizationInvitation, {
    description: 'The invited account only, with the secret of the invitation link.',
  })
  declineInvitation(
    @CurrentViewer() viewer: Viewer,
    @Args() { invitationId, token }: RespondToInvitationArgs,
  ): Promise<OrganizationInvitation> {
    return this.membership.decline(viewer, invitationId, token);
  }

  @Authenticated()
  @Mutation(() => Boolean, {
    description: 'Owners remove anyone; members may remove themselves. The last owner cannot.',
  })
  async removeMember(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RemoveMemberInput,
  ): Promise<boolean> {
    await this.membership.remove(viewer, input);
    return true;
  }

  @ResolveField(() => City)
  city(@Parent() organization: Organization, @Loaders() loaders: LoaderRegistry) {
    return this.catalogLoaders.city(loaders).load(organization.cityId);
  }

  @ResolveField(() => District, { nullable: true })
  district(@Parent() organization: Organization, @Loaders() loaders: LoaderRegistry) {
    return organization.districtId
      ? this.catalogLoaders.district(loaders).load(organization.districtId)
      : null;
  }

  @ResolveField(() => ManufacturerCapability, {
    nullable: true,
    description: 'For manufacturers; null until their members fill it in.',
  })
  capabilities(@Parent() organization: Organization, @Loaders() loaders: LoaderRegistry) {
    return this.loaders.capabilitiesOf(loaders).load(organization.id);
  }

  @ResolveField(() => [OrganizationMember], {
    description: 'Visible to the members and to ADMIN; FORBIDDEN for anyone else.',
  })
  async members(
    @Parent() organization: Organization,
    @Loaders() loaders: LoaderRegistry,
    @CurrentViewer() viewer: Viewer,
  ): Promise<OrganizationMember[]> {
    const role = await this.loaders
      .viewerOrganizationRole(loaders, viewer.userId)
      .load(organization.id);
    if (!role && !viewer.isAdmin) {
      throw AuthException.forbidden(
        AuthErrorCode.NOT_ORGANIZATION_MEMBER,
        'Only members of this organization may see its members; ask an owner of it to invite you (inviteMember)',
        { organizationId: organization.id },
      );
    }
    return this.loaders.organizationMembers(loaders).load(organization.id);
  }

  @ResolveField(() => OrganizationRole, {
    nullable: true,
    description: "The viewer's role in this organization; null when not a member.",
  })
  viewerRole(
    @Parent() organization: Organization,
    @Loaders() loaders: LoaderRegistry,
    @CurrentViewer({ optional: true }) viewer?: Viewer,
  ): Promise<OrganizationRole | null> | null {
    return viewer
      ? this.loaders.viewerOrganizationRole(loaders, viewer.userId).load(organization.id)
      : null;
  }
}
