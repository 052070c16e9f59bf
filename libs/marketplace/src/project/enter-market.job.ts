import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Job } from 'bullmq';
import { DataSource } from 'typeorm';
import { matchingChanged, MatchSubject } from '@cc/matching';
import { JobHandler, JobProcessor, OutboxEntry, OutboxWriter, QueueName } from '@cc/queue';
import { Project } from './project.entity';
import { canTransition, ProjectState } from './project-state';

export interface EnterMarketJobData {
  projectId: string;
  /** The placement whose acceptance puts the project in the market (names the event). */
  placementId: string;
}

/** States from which a project may enter the market. */
const ENTERING = Object.values(ProjectState).filter((state) =>
  canTransition(state, ProjectState.IN_MARKET),
);

/**
 * "A placement was accepted": the project enters the market (→ IN_MARKET). Retail writes the
 * event in the transaction that activates the placement (`enterMarketEvent`); the outbox relay
 * delivers it and BullMQ retries it with back-off while the database is unreachable.
 * Idempotent: a compare-and-set on the state, so a project already IN_MARKET (or CLOSED) is left
 * as it is, and one that can no longer enter (cancelled meanwhile) is logged, not retried.
 */
@Injectable()
@JobProcessor(QueueName.DOMAIN_EVENTS)
export class EnterMarketJob implements JobHandler<EnterMarketJobData, string> {
  private readonly logger = new Logger(EnterMarketJob.name);

  static jobId(data: EnterMarketJobData): string {
    return `enter-market.${data.placementId}`;
  }

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxWriter,
  ) {}

  async handle(job: Job<EnterMarketJobData, string>): Promise<string> {
    const { projectId } = job.data;
    const moved = await this.dataSource.transaction(async (manager) => {
      const result = await manager
        .createQueryBuilder()
        .update(Project)
        .set({ state: ProjectState.IN_MARKET })
        .where('id = :projectId AND state IN (:...from)', { projectId, from: ENTERING })
        .execute();
      if (!result.affected) return false;
      await this.outbox.addAll(manager, [
        matchingChanged(MatchSubject.PROJECT, projectId, 'project IN_MARKET'),
      ]);
      return true;
    });
    if (moved) return ProjectState.IN_MARKET;
    const project = await this.dataSource.getRepository(Project).findOneBy({ id: projectId });
    if (project?.state !== ProjectState.IN_MARKET && project?.state !== ProjectState.CLOSED) {
      this.logger.warn(
        { ...job.data, state: project?.state ?? 'missing' },
        'project could not enter the market',
      );
    }
    return project?.state ?? 'missing';
  }
}

/** The event for the outbox, written where retail activates the placement. */
export function enterMarketEvent(data: EnterMarketJobData): OutboxEntry<EnterMarketJobData> {
  return { job: EnterMarketJob, data };
}
