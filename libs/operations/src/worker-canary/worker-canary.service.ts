import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CommonException } from '@cc/graphql';
import { QueueService } from '@cc/queue';
import { ProcessWorkerCanaryJob } from './process-worker-canary.job';
import { WorkerCanary } from './worker-canary.entity';

@Injectable()
export class WorkerCanaryService {
  constructor(
    @InjectRepository(WorkerCanary) private readonly canaries: Repository<WorkerCanary>,
    private readonly queue: QueueService,
  ) {}

  async launch(): Promise<WorkerCanary> {
    const canary = await this.canaries.save(this.canaries.create({}));
    await this.queue.add(ProcessWorkerCanaryJob, { canaryId: canary.id }, { attempts: 3 });
    return canary;
  }

  async get(id: string): Promise<WorkerCanary> {
    const canary = await this.canaries.findOneBy({ id });
    if (!canary) throw CommonException.notFound('WorkerCanary', id);
    return canary;
  }
}
