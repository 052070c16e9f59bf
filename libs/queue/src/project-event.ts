import type { OutboxEntry, OutboxJob } from './outbox/outbox.writer';
import { QueueName } from './queue.constants';

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

/** Where project events go: producers address the consumer by name (see PROJECT_EVENT_JOB). */
export const PROJECT_EVENT: OutboxJob<ProjectEventData> = {
  queue: QueueName.DOMAIN_EVENTS,
  name: PROJECT_EVENT_JOB,
  jobId: projectEventJobId,
};

/**
 * A project event for the outbox, written in the transaction of the change:
 * `await this.outbox.addAll(manager, [projectEvent({ kind, projectId, ref })])`. One job per
 * event (its id is the kind and ref), so an event relayed twice is stored once.
 */
export function projectEvent(
  event: Omit<ProjectEventData, 'occurredAt'> & { occurredAt?: Date },
): OutboxEntry<ProjectEventData> {
  return {
    job: PROJECT_EVENT,
    data: {
      kind: event.kind,
      projectId: event.projectId,
      ref: event.ref,
      occurredAt: (event.occurredAt ?? new Date()).toISOString(),
    },
  };
}
