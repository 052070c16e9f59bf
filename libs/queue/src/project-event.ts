import { Logger } from '@nestjs/common';
import { DEFAULT_JOB_OPTIONS, QueueName } from './queue.constants';
import { QueueService } from './queue.service';

/** Things that happen to a project which other domains (incubation milestones) react to. */
export enum ProjectEventKind {
  /** A bid was accepted: the project has its first production order. `ref` is the bid id. */
  BID_ACCEPTED = 'BID_ACCEPTED',
  /** The owners approved the manufacturer's sample: a prototype exists. `ref` is the order id. */
  SAMPLE_APPROVED = 'SAMPLE_APPROVED',
  /** A product of the project was placed at an outlet. `ref` is the placement id. */
  PLACEMENT_STARTED = 'PLACEMENT_STARTED',
  /** A sale of the project's product was recorded. `ref` is the sale id. */
  SALE_RECORDED = 'SALE_RECORDED',
}

export interface ProjectEventData {
  kind: ProjectEventKind;
  projectId: string;
  /** The id of what happened (bid, order, placement): with the kind, it names the event. */
  ref: string;
  occurredAt: string;
}

/**
 * The job name of project events on the DOMAIN_EVENTS queue. The consumer's job class
 * (`ProjectEventJob` in @cc/incubation) carries this name; producers need only this file, so
 * the marketplace and retail do not depend on the consumer. BullMQ hands each job to one
 * processor: a second subscriber would need its own job name.
 */
export const PROJECT_EVENT_JOB = 'ProjectEventJob';

export function projectEventJobId(data: ProjectEventData): string {
  return `project-event.${data.kind}.${data.ref}`;
}

const logger = new Logger('ProjectEvents');

/**
 * Publishes a project event after the change committed (one job per event: repeated
 * publishing of the same event is stored once). A failed enqueue is logged, not thrown.
 */
export async function publishProjectEvent(
  queue: QueueService,
  event: Omit<ProjectEventData, 'occurredAt'> & { occurredAt?: Date },
): Promise<void> {
  const data: ProjectEventData = {
    kind: event.kind,
    projectId: event.projectId,
    ref: event.ref,
    occurredAt: (event.occurredAt ?? new Date()).toISOString(),
  };
  try {
    await queue.queue(QueueName.DOMAIN_EVENTS).add(PROJECT_EVENT_JOB, data, {
      ...DEFAULT_JOB_OPTIONS,
      jobId: projectEventJobId(data),
    });
  } catch (error) {
    logger.error({ err: error, ...data }, 'could not enqueue the project event');
  }
}
