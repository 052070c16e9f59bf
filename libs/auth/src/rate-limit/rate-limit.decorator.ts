import { RateLimitName } from '@cc/config';
import { SetMetadata } from '@nestjs/common';

export const RATE_LIMIT_KEY = 'cc:rateLimit';

/** Spends from the named budget (see DEFAULT_RATE_LIMITS) each time the operation runs. */
export const RateLimit = (name: Exclude<RateLimitName, 'ip' | 'account'>) =>
  SetMetadata(RATE_LIMIT_KEY, name);
