import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';

import { Role, Roles } from '@cc/auth';
import { WorkerCanary } from './worker-canary.entity';
import { WorkerCanaryService } from './worker-canary.service';
import { ParseIdPipe } from '@cc/graphql';

@Resolver(() => WorkerCanary)
export class WorkerCanaryResolver {
  constructor(private readonly canaries: WorkerCanaryService) {}

  @Roles(Role.ADMIN)
  @Mutation(() => WorkerCanary, { description: 'Send a canary job through the queue to a worker.' })
  launchWorkerCanary(): Promise<WorkerCanary> {
    return this.canaries.launch();
  }

  @Roles(Role.ADMIN)
  @Query(() => WorkerCanary)
  workerCanary(@Args('id', { type: () => ID }, ParseIdPipe) id: string): Promise<WorkerCanary> {
    return this.canaries.get(id);
  }
}
