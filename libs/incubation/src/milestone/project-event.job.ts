import { Job } from 'bullmq';
import {
  JobHandler,
  JobProcessor,
  PROJECT_EVENT_JOB,
  ProjectEventData,
  projectEventJobId,
  QueueName,
} from '@cc/queue';
import { MilestoneTicker } from './milestone-ticker';

/**
 * The consumer of project events (`publishProjectEvent` in @cc/queue): ticks the incubation
 * milestones they reach. Its class name is the job name `PROJECT_EVENT_JOB` (a spec checks).
 */
@JobProcessor(QueueName.DOMAIN_EVENTS)
export class ProjectEventJob implements JobHandler<ProjectEventData, number> {
  static readonly jobName = PROJECT_EVENT_JOB;

  static jobId(data: ProjectEventData): string {
    return projectEventJobId(data);
  }

  constructor(private readonly ticker: MilestoneTicker) {}

  handle(job: Job<ProjectEventData, number>): Promise<number> {
    return this.ticker.tick(job.data);
  }
}
