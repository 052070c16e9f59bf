import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { QueueWorkerHost } from './queue-worker.host';
import { QueueService } from './queue.service';

@Global()
@Module({ providers: [QueueService], exports: [QueueService] })
export class QueueModule {
  /** Adds the consumer. Only the worker app imports this. */
  static forWorker(): DynamicModule {
    return {
      module: QueueModule,
      imports: [DiscoveryModule],
      providers: [QueueService, QueueWorkerHost],
      exports: [QueueService, QueueWorkerHost],
    };
  }
}
