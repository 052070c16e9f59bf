import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlContextType } from '@nestjs/graphql';
import { AppConfig, RateLimitName, RateLimitPolicy, RateLimitRule } from '@cc/config';
import { graphqlContextOf } from '@cc/graphql';
import { ClientIpResolver } from '../access/client-ip';
import { Viewer } from '../viewer';
import { RATE_LIMIT_KEY } from './rate-limit.decorator';
import { RateLimitHit, RateLimiter } from './rate-limiter.service';

/** Budgets against credential guessing: counted in process while Redis is unreachable. */
export const CREDENTIAL_RATE_LIMITS: ReadonlySet<RateLimitName> = new Set([
  'signUp',
  'changePassword',
  'refreshSession',
]);

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
      ip: `ip:${this.clientIp.of(graphqlContext.req)}`,
      account: graphqlContext.viewer ? `account:${graphqlContext.viewer.userId}` : undefined,
    };
    const named = this.reflector.get<RateLimitName | undefined>(
      RATE_LIMIT_KEY,
      context.getHandler(),
    );
    const hits: RateLimitHit[] = [];
    const spend = (name: RateLimitName, rule: RateLimitRule) => {
      const subject = subjects[rule.per];
      if (subject) {
        const guardsCredentials = CREDENTIAL_RATE_LIMITS.has(name);
        hits.push({ key: `rate:${name}:${subject}`, ...rule, guardsCredentials });
      }
    };
    spend('ip', this.policy.ip);
    spend('account', this.policy.account);
    if (named) spend(named, this.policy[named]);
    await this.limiter.hit(hits);
    return true;
  }
}
