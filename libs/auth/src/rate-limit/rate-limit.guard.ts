import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
import { AppConfig, RateLimitPolicy } from '@cc/config';
import { graphqlContextOf } from '@cc/graphql';
import { ClientIpResolver } from '../access/client-ip';
import { Viewer } from '../viewer';
import { rateLimitOf } from './rate-limit.decorator';
import { rateLimitHits } from './rate-limit-hits';
import { RateLimiter } from './rate-limiter.service';

/**
 * Spends the general budgets (per client IP, and per account when signed in) and the
 * operation's own budget, for every root field before its resolver runs. Nest runs guards per
 * root field, so aliases and the operations of a batch are counted one by one. Runs after the
 * AccessGuard, which has resolved the viewer.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly policy: RateLimitPolicy;

  constructor(
    private readonly limiter: RateLimiter,
    private readonly clientIp: ClientIpResolver,
    private readonly reflector: Reflector,
    config: AppConfig,
  ) {
    this.policy = config.rateLimits;
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType<GqlContextType>() !== 'graphql') return true;
    const graphqlContext = graphqlContextOf<Viewer>(context);
    const subjects = {
      ip: this.clientIp.of(graphqlContext.req),
      accountId: graphqlContext.viewer?.userId,
    };
    await this.limiter.hit(
      rateLimitHits(this.policy, subjects, rateLimitOf(this.reflector, context)),
    );
    return true;
  }
}
