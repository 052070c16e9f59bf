import { Injectable, Logger } from '@nestjs/common';
import { notifyCouplingInputsChanged, periodOf } from '@cc/impact';
import { MatchSubject, notifyMatchingChanged } from '@cc/matching';
import { ProjectEventKind, publishProjectEvent, QueueService } from '@cc/queue';
import { Project } from './project/project.entity';

/** Which coupling indicators each marketplace change can move. */
const INDICATORS = {
  published: ['projects_published', 'cross_disciplinary_share', 'local_culture_share'],
  awarded: ['bids_awarded'],
  delivered: ['sell_through', 'products_in_market'],
} as const;

/**
 * Domain events out of the marketplace, sent after the change committed. They go on the queue,
 * so the impact domain recomputes (debounced) without the marketplace calling into it. A failed
 * enqueue is logged, not thrown: the committed change stands and the nightly rebuild catches up.
 */
@Injectable()
export class MarketplaceEvents {
  private readonly logger = new Logger(MarketplaceEvents.name);

  constructor(private readonly queue: QueueService) {}

  projectPublished(project: Project): Promise<void> {
    return this.emit(project, INDICATORS.published, 'project published');
  }

  async bidAwarded(project: Project, bidId: string): Promise<void> {
    await this.projectChanged(project, 'bid accepted');
    await this.emit(project, INDICATORS.awarded, 'bid accepted');
    await publishProjectEvent(this.queue, {
      kind: ProjectEventKind.BID_ACCEPTED,
      projectId: project.id,
      ref: bidId,
    });
  }

  sampleApproved(project: Project, orderId: string): Promise<void> {
    return publishProjectEvent(this.queue, {
      kind: ProjectEventKind.SAMPLE_APPROVED,
      projectId: project.id,
      ref: orderId,
    });
  }

  /** Matching rescores a project whose state changed (only projects open for bids are matched). */
  projectChanged(project: Project, reason: string): Promise<void> {
    return notifyMatchingChanged(this.queue, MatchSubject.PROJECT, project.id, reason);
  }

  /** A manufacturer's track record moved (a review, a delivery): matching rescores it. */
  manufacturerRecordChanged(organizationId: string, reason: string): Promise<void> {
    return notifyMatchingChanged(this.queue, MatchSubject.MANUFACTURER, organizationId, reason);
  }

  delivered(project: Project): Promise<void> {
    return this.emit(project, INDICATORS.delivered, 'production delivered');
  }

  private async emit(
    project: Project,
    indicators: readonly string[],
    reason: string,
  ): Promise<void> {
    try {
      await notifyCouplingInputsChanged(this.queue, {
        cityId: project.cityId,
        period: periodOf(new Date()).key,
        indicators: [...indicators],
        reason: `${reason}: ${project.id}`,
      });
    } catch (error) {
      this.logger.error(
        { err: error, projectId: project.id, reason },
        'could not enqueue coupling event',
      );
    }
  }
}
