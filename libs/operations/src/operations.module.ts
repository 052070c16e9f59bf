import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProcessWorkerCanaryJob } from './worker-canary/process-worker-canary.job';
import { WorkerCanary } from './worker-canary/worker-canary.entity';
import { WorkerCanaryResolver } from './worker-canary/worker-canary.resolver';
import { WorkerCanaryService } from './worker-canary/worker-canary.service';

@Module({
  imports: [TypeOrmModule.forFeature([WorkerCanary])],
  providers: [WorkerCanaryService, WorkerCanaryResolver, ProcessWorkerCanaryJob],
})
export class OperationsModule {}
