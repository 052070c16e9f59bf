import { RateLimitName } from '@cc/config';
import { ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

const RATE_LIMIT_KEY = 'cc:rateLimit';

/**
 * Spends from the named budget (see DEFAULT_RATE_LIMITS) each time the operation (a GraphQL
 * resolver, or a REST route whose guard reads it with `rateLimitOf`) runs.
 */
export const RateLimit = (name: Exclude<RateLimitName, 'ip' | 'account'>) =>
  SetMetadata(RATE_LIMIT_KEY, name);

/** The budget the handler about to run was given with `@RateLimit`, if any. */
export function rateLimitOf(
  reflector: Reflector,
  context: ExecutionContext,
): RateLimitName | undefined {
  return reflector.get<RateLimitName | undefined>(RATE_LIMIT_KEY, context.getHandler());
}
