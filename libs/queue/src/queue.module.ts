import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { QueueWorkerHost } from './queue-worker.host';
import { OutboxRelay } from './outbox/outbox.relay';
import { OutboxWriter } from './outbox/outbox.writer';
import { QueueService } from './queue.service';

@Global()
@Module({ providers: [QueueService, OutboxWriter], exports: [QueueService, OutboxWriter] })
export class QueueModule {
  /** Adds the consumer and the outbox relay. Only the worker app imports this. */
  static forWorker(): DynamicModule {
    return {
      module: QueueModule,
      imports: [DiscoveryModule],
      providers: [QueueService, OutboxWriter, QueueWorkerHost, OutboxRelay],
      exports: [QueueService, OutboxWriter, QueueWorkerHost, OutboxRelay],
    };
  }
}
