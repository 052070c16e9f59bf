import { Global, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { APP_GUARD, DiscoveryModule, ModuleRef } from '@nestjs/core';
import { RedisModule } from '@cc/redis';
import { AccessDeclarations } from './access/access-declarations';
import { AccessGuard } from './access/access.guard';
import { ClientIpResolver } from './access/client-ip';
import { SocketAuthenticator } from './access/socket-authenticator';
import { AccessPolicy } from './policy/access-policy.service';
import { MembershipDirectory } from './policy/membership-directory';
import { RateLimitGuard } from './rate-limit/rate-limit.guard';
import { RateLimiter } from './rate-limit/rate-limiter.service';
import { AccessTokenService } from './token/access-token.service';
import { ViewerSource } from './viewer-source';

/**
 * Authentication and authorization for the API: the deny-by-default guard, access tokens,
 * client-address resolution and the object-level `AccessPolicy`. The app must also provide a
 * `ViewerSource` and a `MembershipDirectory` (the identity module does); start-up fails
 * without them.
 */
@Global()
@Module({
  // Redis for the rate-limit counters (RedisModule is global; importing it keeps AuthModule whole)
  imports: [DiscoveryModule, RedisModule],
  providers: [
    AccessTokenService,
    AccessPolicy,
    ClientIpResolver,
    AccessDeclarations,
    SocketAuthenticator,
    RateLimiter,
    // in this order: the rate limits count against the viewer the AccessGuard resolved
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: RateLimitGuard },
  ],
  exports: [
    AccessTokenService,
    AccessPolicy,
    ClientIpResolver,
    AccessDeclarations,
    SocketAuthenticator,
    RateLimiter,
  ],
})
export class AuthModule implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthModule.name);

  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly declarations: AccessDeclarations,
  ) {}

  onApplicationBootstrap(): void {
    // Fail fast: without these every signed-in request would fail at run time.
    this.moduleRef.get(ViewerSource, { strict: false });
    this.moduleRef.get(MembershipDirectory, { strict: false });
    for (const operation of this.declarations.undeclared()) {
      this.logger.error(
        `${operation.type}.${operation.name} (${operation.handler}) declares no access rule; every call to it is refused`,
      );
    }
  }
}
