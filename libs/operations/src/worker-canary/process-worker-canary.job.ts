import { hostname } from 'node:os';
import { InjectRepository } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { Repository } from 'typeorm';
import { JobHandler, JobProcessor, QueueName } from '@cc/queue';
import { WorkerCanary, WorkerCanaryStatus } from './worker-canary.entity';

export interface ProcessWorkerCanaryJobData {
  canaryId: string;
}

@JobProcessor(QueueName.SYSTEM)
export class ProcessWorkerCanaryJob implements JobHandler<ProcessWorkerCanaryJobData> {
  static jobId(data: ProcessWorkerCanaryJobData): string {
    return `worker-canary.${data.canaryId}`;
  }

  constructor(
    @InjectRepository(WorkerCanary) private readonly canaries: Repository<WorkerCanary>,
  ) {}

  async handle(job: Job<ProcessWorkerCanaryJobData>): Promise<void> {
    // Idempotent: a retried job rewrites the same row with the same outcome.
    await this.canaries.update(
      { id: job.data.canaryId },
      {
        status: WorkerCanaryStatus.PROCESSED,
        processedAt: new Date(),
        processedBy: `${hostname()}:${process.pid}`,
        attempts: job.attemptsMade + 1,
      },
    );
  }
}
