import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Public, Role, Roles, Viewer, RateLimit } from '@cc/auth';
import { LoaderRegistry, Loaders } from '@cc/graphql';
import { IdArgs } from '../common/id.args';
import { IdentityLoaders } from '../identity.loaders';
import { visibleTalentProfile } from '../talent-profile/talent-profile.privacy';
import { OfficialGrant } from '../role-request/official-grant.entity';
import { AuthPayload } from '../session/dto/auth-payload.type';
import { TalentProfile } from '../talent-profile/talent-profile.entity';
import { ChangePasswordInput } from './dto/change-password.input';
import { SignUpInput } from './dto/sign-up.input';
import { UpdateMyProfileInput } from './dto/update-my-profile.input';
import { UsersArgs } from './dto/users.args';
import { UserConnection } from './user.connection';
import { isOwnView, markOwnView, User } from './user.entity';
import { UserService } from './user.service';

/** Whether the viewer may see a user's private fields: the user themselves, or an ADMIN. */
function maySeePrivate(viewer: Viewer | undefined, user: User): boolean {
  return isOwnView(user) || Boolean(viewer && (viewer.userId === user.id || viewer.isAdmin));
}

@Resolver(() => User)
export class UserResolver {
  constructor(
    private readonly userService: UserService,
    private readonly loaders: IdentityLoaders,
  ) {}

  @RateLimit('signUp')
  @Public()
  @Mutation(() => AuthPayload, {
    description: 'Create an account and sign in. Asking for OFFICIAL files a request for an ADMIN.',
  })
  async signUp(@Args('input') input: SignUpInput): Promise<AuthPayload> {
    const { user, tokens } = await this.userService.signUp(input);
    return { ...tokens, user: markOwnView(user) };
  }

  @Authenticated()
  @Query(() => User, { description: 'The signed-in user.' })
  me(@CurrentViewer() viewer: Viewer): Promise<User> {
    return this.userService.get(viewer.userId);
  }

  @Authenticated()
  @Query(() => User)
  user(@Args() { id }: IdArgs): Promise<User> {
    return this.userService.get(id);
  }

  @Roles(Role.ADMIN)
  @Query(() => UserConnection, { description: 'All accounts, by email.' })
  users(@Args() args: UsersArgs) {
    return this.userService.list(args);
  }

  @Authenticated()
  @Mutation(() => User)
  updateMyProfile(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateMyProfileInput,
  ): Promise<User> {
    return this.userService.updateProfile(viewer.userId, input);
  }

  @RateLimit('changePassword')
  @Authenticated()
  @Mutation(() => Boolean, { description: 'Also ends every other session of the account.' })
  async changePassword(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ChangePasswordInput,
  ): Promise<boolean> {
    await this.userService.changePassword(viewer.userId, viewer.sessionId, input);
    return true;
  }

  @ResolveField(() => String, {
    nullable: true,
    description: 'Visible to the user and to ADMIN only; null for everyone else.',
  })
  email(@Parent() user: User, @CurrentViewer({ optional: true }) viewer?: Viewer): string | null {
    return maySeePrivate(viewer, user) ? user.email : null;
  }

  @ResolveField(() => [OfficialGrant], {
    nullable: true,
    description: 'Cities and departments the user is an OFFICIAL for. The user and ADMIN only.',
  })
  async officialGrants(
    @Parent() user: User,
    @Loaders() loaders: LoaderRegistry,
    @CurrentViewer({ optional: true }) viewer?: Viewer,
  ): Promise<OfficialGrant[] | null> {
    if (!maySeePrivate(viewer, user)) return null;
    return this.loaders.officialGrants(loaders).load(user.id);
  }

  @ResolveField(() => TalentProfile, {
    nullable: true,
    description: 'Signed-in viewers only (null for anonymous callers), like talentProfile(userId).',
  })
  async talentProfile(
    @Parent() user: User,
    @Loaders() loaders: LoaderRegistry,
    @CurrentViewer({ optional: true }) viewer?: Viewer,
  ): Promise<TalentProfile | null> {
    if (!viewer) return null;
    return visibleTalentProfile(viewer, await this.loaders.talentProfile(loaders).load(user.id));
  }
}
