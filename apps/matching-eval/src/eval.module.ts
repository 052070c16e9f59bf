import { Module } from '@nestjs/common';
import { AppConfigModule } from '@cc/config';
import { DatabaseModule } from '@cc/database';
import { IdentityMatchingModule } from '@cc/identity';
import { MarketplaceMatchingModule } from '@cc/marketplace';
import { MatchingCoreModule } from '@cc/matching';
import { RetailMatchingModule } from '@cc/retail';

/** Matching as the worker runs it (scoring, its tables, the domains' sources), without queues. */
@Module({
  imports: [
    AppConfigModule.forRoot(),
    DatabaseModule,
    MatchingCoreModule,
    IdentityMatchingModule,
    MarketplaceMatchingModule,
    RetailMatchingModule,
  ],
})
export class MatchingEvalModule {}
