import { Module } from '@nestjs/common';
import { AppConfigModule } from '@cc/config';
import { DatabaseModule } from '@cc/database';
import { HealthModule } from '@cc/health';
import { ImpactModule } from '@cc/impact';
import { IncubationWorkerModule } from '@cc/incubation';
import { LoggingModule } from '@cc/logging';
import { MarketplaceIndicatorsModule } from '@cc/marketplace';
import { OperationsModule } from '@cc/operations';
import { QueueModule } from '@cc/queue';
import { RedisModule } from '@cc/redis';
import { RetailWorkerModule } from '@cc/retail';
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
    // Retail's jobs (sales CSV imports).
    RetailWorkerModule,
    // Incubation: project events tick milestones; its platform indicator source.
    IncubationWorkerModule,
  ],
  providers: [WorkerHealthServer],
})
export class WorkerModule {}
