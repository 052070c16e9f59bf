import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import {
  Authenticated,
  ClientIpResolver,
  CurrentViewer,
  forgetViewer,
  Public,
  RateLimit,
  Viewer,
} from '@cc/auth';
import { GraphqlContext } from '@cc/graphql';
import { markOwnView, normalizeEmail } from '../user/user.entity';
import { UserService } from '../user/user.service';
import { AuthPayload } from './dto/auth-payload.type';
import { LoginArgs, LogoutArgs, RefreshSessionArgs } from './dto/session.args';
import { LoginRateLimiter } from './login-rate-limiter';
import { SessionEndReason } from './session.entity';
import { SessionService } from './session.service';

@Resolver()
export class SessionResolver {
  constructor(
    private readonly users: UserService,
    private readonly sessions: SessionService,
    private readonly limiter: LoginRateLimiter,
    private readonly clientIp: ClientIpResolver,
  ) {}

  @Public()
  @Mutation(() => AuthPayload, {
    // nullable so that each aliased login in one request runs (and is counted) on its own,
    // instead of the first failure aborting the rest
    nullable: true,
    description:
      'Sign in. Wrong password and unknown email fail alike (null and an error); attempts are rate-limited per IP and per email.',
  })
  async login(
    @Args() { email, password }: LoginArgs,
    @Context() context: GraphqlContext,
  ): Promise<AuthPayload> {
    const attempt = await this.limiter.attempt(
      this.clientIp.of(context.req),
      normalizeEmail(email),
    );
    const user = await this.users.authenticate(email, password);
    await this.limiter.succeeded(attempt);
    const tokens = await this.sessions.start(user.id);
    return { ...tokens, user: markOwnView(user) };
  }

  @RateLimit('refreshSession')
  @Public()
  @Mutation(() => AuthPayload, {
    description:
      'Exchange a refresh token for a new pair. Each refresh token works once; replaying a used one ends the session.',
  })
  async refreshSession(@Args() { refreshToken }: RefreshSessionArgs): Promise<AuthPayload> {
    const { userId, ...tokens } = await this.sessions.rotate(refreshToken);
    return { ...tokens, user: markOwnView(await this.users.get(userId)) };
  }

  @Authenticated()
  @Mutation(() => Boolean, {
    description: 'End this session (or all of them); its tokens stop working at once.',
  })
  async logout(
    @Args() { everywhere }: LogoutArgs,
    @CurrentViewer() viewer: Viewer,
    @Context() context: GraphqlContext<Viewer>,
  ): Promise<boolean> {
    if (everywhere) await this.sessions.endAllFor(viewer.userId, SessionEndReason.LOGOUT);
    else await this.sessions.end(viewer.sessionId, SessionEndReason.LOGOUT);
    forgetViewer(context);
    return true;
  }
}
