import { Module } from '@nestjs/common';
import { AppConfigModule } from '@cc/config';
import { DatabaseModule } from '@cc/database';
import { HealthModule } from '@cc/health';
import { IdentityMatchingModule } from '@cc/identity';
import { ImpactModule } from '@cc/impact';
import { IncubationWorkerModule } from '@cc/incubation';
import { LoggingModule } from '@cc/logging';
import {
  MarketplaceIndicatorsModule,
  MarketplaceMatchingModule,
  MarketplaceWorkerModule,
} from '@cc/marketplace';
import { MatchingWorkerModule } from '@cc/matching';
import { OperationsModule } from '@cc/operations';
import { QueueModule } from '@cc/queue';
import { RedisModule } from '@cc/redis';
import { RetailMatchingModule, RetailWorkerModule } from '@cc/retail';
import { WorkerHealthServer } from './worker-health.server';

/** The only process that consumes queues. No GraphQL here. */
@Module({
  imports: [
    AppConfigModule.forRoot(),
    LoggingModule,
    DatabaseModule,
    RedisModule,
    QueueModule.forWorker(),
    HealthModule,
    OperationsModule,
    ImpactModule,
    // The platform indicator sources: the worker's recompute collects from them.
    MarketplaceIndicatorsModule,
    // A placement accepted puts its project IN_MARKET (an outbox event).
    MarketplaceWorkerModule,
    // Retail's jobs (sales CSV imports).
    RetailWorkerModule,
    // Incubation: project events tick milestones; its platform indicator source.
    IncubationWorkerModule,
    // Matching's jobs, and the sources it reads the other domains through.
    MatchingWorkerModule,
    IdentityMatchingModule,
    MarketplaceMatchingModule,
    RetailMatchingModule,
  ],
  providers: [WorkerHealthServer],
})
export class WorkerModule {}
