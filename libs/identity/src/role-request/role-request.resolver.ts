import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Role, Roles, Viewer } from '@cc/auth';
import { CatalogLoaders, City } from '@cc/catalog';
import { ConnectionArgs, LoaderRegistry, Loaders } from '@cc/graphql';
import { IdentityLoaders } from '../identity.loaders';
import { User } from '../user/user.entity';
import { OfficialRoleRequestInput } from './dto/official-role-request.input';
import {
  RejectRoleRequestInput,
  RoleGrantInput,
  RoleRequestsArgs,
} from './dto/role-request.inputs';
import { OfficialGrant } from './official-grant.entity';
import { RoleRequestConnection } from './role-request.connection';
import { RoleRequest } from './role-request.entity';
import { RoleRequestService } from './role-request.service';

@Resolver(() => RoleRequest)
export class RoleRequestResolver {
  constructor(
    private readonly requests: RoleRequestService,
    private readonly loaders: IdentityLoaders,
    private readonly catalogLoaders: CatalogLoaders,
  ) {}

  @Authenticated()
  @Mutation(() => RoleRequest, {
    description: 'Ask to be an OFFICIAL for a city and department; an ADMIN decides.',
  })
  requestOfficialRole(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: OfficialRoleRequestInput,
  ): Promise<RoleRequest> {
    return this.requests.requestOfficial(viewer, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, {
    description:
      'Grant a role. OFFICIAL is scoped to a city and department and approves the matching request.',
  })
  grantRole(@CurrentViewer() admin: Viewer, @Args('input') input: RoleGrantInput): Promise<User> {
    return this.requests.grant(admin, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => User, {
    description: 'Revoke a role, or one OFFICIAL scope. You cannot revoke your own ADMIN.',
  })
  revokeRole(@CurrentViewer() admin: Viewer, @Args('input') input: RoleGrantInput): Promise<User> {
    return this.requests.revoke(admin, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => RoleRequest)
  rejectRoleRequest(
    @CurrentViewer() admin: Viewer,
    @Args('input') input: RejectRoleRequestInput,
  ): Promise<RoleRequest> {
    return this.requests.reject(admin, input);
  }

  @Roles(Role.ADMIN)
  @Query(() => RoleRequestConnection, { description: 'Role requests, oldest first.' })
  roleRequests(@Args() args: RoleRequestsArgs) {
    return this.requests.list(args);
  }

  @Authenticated()
  @Query(() => RoleRequestConnection, { description: "The viewer's own role requests." })
  myRoleRequests(@CurrentViewer() viewer: Viewer, @Args() args: ConnectionArgs) {
    return this.requests.listOf(viewer.userId, args);
  }

  @ResolveField(() => User)
  user(@Parent() request: RoleRequest, @Loaders() loaders: LoaderRegistry) {
    return this.loaders.user(loaders).load(request.userId);
  }

  @ResolveField(() => City)
  city(@Parent() request: RoleRequest, @Loaders() loaders: LoaderRegistry) {
    return this.catalogLoaders.city(loaders).load(request.cityId);
  }
}

@Resolver(() => OfficialGrant)
export class OfficialGrantResolver {
  constructor(private readonly catalogLoaders: CatalogLoaders) {}

  @ResolveField(() => City)
  city(@Parent() grant: OfficialGrant, @Loaders() loaders: LoaderRegistry) {
    return this.catalogLoaders.city(loaders).load(grant.cityId);
  }
}
