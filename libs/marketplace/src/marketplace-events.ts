import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { couplingInputsChanged, periodOf } from '@cc/impact';
import { matchingChanged, MatchSubject } from '@cc/matching';
import { OutboxWriter, ProjectEventKind, projectEvent } from '@cc/queue';
import { Project } from './project/project.entity';

/** Which coupling indicators each marketplace change can move. */
const INDICATORS = {
  published: ['projects_published', 'cross_disciplinary_share', 'local_culture_share'],
  awarded: ['bids_awarded'],
  delivered: ['sell_through', 'products_in_market'],
} as const;

type ProjectRef = Pick<Project, 'id' | 'cityId'>;

/**
 * Domain events out of the marketplace, written to the outbox in the transaction of the change
 * (`manager`): the impact domain recomputes (debounced), matching rescores and incubation ticks
 * milestones without the marketplace calling into them, and an event is never lost to a Redis
 * outage — it waits in PostgreSQL until the worker's relay moves it.
 */
@Injectable()
export class MarketplaceEvents {
  constructor(private readonly outbox: OutboxWriter) {}

  projectPublished(manager: EntityManager, project: ProjectRef): Promise<void> {
    return this.outbox.addAll(manager, [
      this.coupling(project, INDICATORS.published, 'project published'),
    ]);
  }

  bidAwarded(manager: EntityManager, project: ProjectRef, bidId: string): Promise<void> {
    return this.outbox.addAll(manager, [
      matchingChanged(MatchSubject.PROJECT, project.id, 'bid accepted'),
      this.coupling(project, INDICATORS.awarded, 'bid accepted'),
      projectEvent({ kind: ProjectEventKind.BID_ACCEPTED, projectId: project.id, ref: bidId }),
    ]);
  }

  sampleApproved(manager: EntityManager, project: ProjectRef, orderId: string): Promise<void> {
    return this.outbox.addAll(manager, [
      projectEvent({ kind: ProjectEventKind.SAMPLE_APPROVED, projectId: project.id, ref: orderId }),
    ]);
  }

  /** Matching rescores a project whose state changed (only projects open for bids are matched). */
  projectChanged(manager: EntityManager, project: ProjectRef, reason: string): Promise<void> {
    return this.outbox.addAll(manager, [matchingChanged(MatchSubject.PROJECT, project.id, reason)]);
  }

  /** A manufacturer's track record moved (a review, a delivery): matching rescores it. */
  manufacturerRecordChanged(
    manager: EntityManager,
    organizationId: string,
    reason: string,
  ): Promise<void> {
    return this.outbox.addAll(manager, [
      matchingChanged(MatchSubject.MANUFACTURER, organizationId, reason),
    ]);
  }

  delivered(manager: EntityManager, project: ProjectRef, organizationId: string): Promise<void> {
    return this.outbox.addAll(manager, [
      this.coupling(project, INDICATORS.delivered, 'production delivered'),
      matchingChanged(MatchSubject.MANUFACTURER, organizationId, 'order delivered'),
    ]);
  }

  private coupling(project: ProjectRef, indicators: readonly string[], reason: string) {
    return couplingInputsChanged({
      cityId: project.cityId,
      period: periodOf(new Date()).key,
      indicators: [...indicators],
      reason: `${reason}: ${project.id}`,
    });
  }
}
