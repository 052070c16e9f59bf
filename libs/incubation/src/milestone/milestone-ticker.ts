import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProjectEventData, ProjectEventKind } from '@cc/queue';
import { ProjectSalesReader } from '@cc/retail';
import { MilestoneKind } from './milestone-kind.enum';

/** Which milestone each project event reaches. */
export const MILESTONE_OF_EVENT: Record<ProjectEventKind, MilestoneKind> = {
  [ProjectEventKind.SAMPLE_APPROVED]: MilestoneKind.PROTOTYPE,
  [ProjectEventKind.BID_ACCEPTED]: MilestoneKind.FIRST_PRODUCTION_ORDER,
  [ProjectEventKind.PLACEMENT_STARTED]: MilestoneKind.FIRST_PLACEMENT,
  [ProjectEventKind.SALE_RECORDED]: MilestoneKind.FIRST_1000_UNITS_SOLD,
};

/** Units a team's project must have sold (all time) for FIRST_1000_UNITS_SOLD. */
export const UNITS_SOLD_MILESTONE = 1_000;

const EVIDENCE: Record<ProjectEventKind, string> = {
  [ProjectEventKind.SAMPLE_APPROVED]: 'Sample approved on production order',
  [ProjectEventKind.BID_ACCEPTED]: 'Bid accepted',
  [ProjectEventKind.PLACEMENT_STARTED]: 'Product placed at an outlet, placement',
  [ProjectEventKind.SALE_RECORDED]: `${UNITS_SOLD_MILESTONE} units sold, reached with sale`,
};

/**
 * Ticks milestones from platform events, in one statement: for every admitted team with the
 * project (or only the given application), the cohort's milestone of the event's kind is
 * completed, recording the event. The first event wins; a repeat or a milestone already marked
 * by hand changes nothing. A sale ticks FIRST_1000_UNITS_SOLD only once the project's units
 * sold reach the threshold.
 */
@Injectable()
export class MilestoneTicker {
  private readonly logger = new Logger(MilestoneTicker.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly sales: ProjectSalesReader,
  ) {}

  async tick(event: ProjectEventData, applicationId?: string): Promise<number> {
    const kind = MILESTONE_OF_EVENT[event.kind];
    if (!kind) return 0;
    if (event.kind === ProjectEventKind.SALE_RECORDED) {
      const reached = await this.saleReachingMilestone(event.projectId, kind, applicationId);
      if (!reached) return 0;
      event = { ...event, ref: reached.saleId, occurredAt: reached.soldAt.toISOString() };
    }
    const rows: unknown[] = await this.db.query(
      `INSERT INTO incubation_milestone_completion
              (milestone_id, application_id, completed_at, evidence, source, event_kind, event_ref, project_id)
       SELECT m.id, a.id, $3::timestamptz, $4, 'PLATFORM_EVENT', $5, $6, $1
         FROM incubation_application a
         JOIN incubation_milestone m ON m.cohort_id = a.cohort_id AND m.kind = $2::incubation_milestone_kind
        WHERE a.project_ids @> ARRAY[$1::uuid] AND a.state = 'ADMITTED'
          AND ($7::uuid IS NULL OR a.id = $7::uuid)
       ON CONFLICT (milestone_id, application_id) DO NOTHING
       RETURNING id`,
      [
        event.projectId,
        kind,
        event.occurredAt,
        `${EVIDENCE[event.kind]} ${event.ref} (project ${event.projectId})`,
        event.kind,
        event.ref,
        applicationId ?? null,
      ],
    );
    if (rows.length) {
      this.logger.log(`${event.kind} on ${event.projectId} ticked ${rows.length} milestone(s)`);
    }
    return rows.length;
  }

  /**
   * The sale that took the project to UNITS_SOLD_MILESTONE units, whichever sale's event is being
   * handled: events are handled in any order (a burst is relayed in one batch), so the sale whose
   * event arrives once the total is reached need not be the one that reached it. A cheap check
   * first, in incubation's own tables: an admitted team still waiting for the milestone; only
   * then retail reads the project's sales in order (once the milestone is ticked, never again).
   */
  private async saleReachingMilestone(
    projectId: string,
    kind: MilestoneKind,
    applicationId?: string,
  ): Promise<{ saleId: string; soldAt: Date } | null> {
    const waiting: unknown[] = await this.db.query(
      `SELECT 1
         FROM incubation_application a
         JOIN incubation_milestone m ON m.cohort_id = a.cohort_id AND m.kind = $2::incubation_milestone_kind
        WHERE a.project_ids @> ARRAY[$1::uuid] AND a.state = 'ADMITTED'
          AND ($3::uuid IS NULL OR a.id = $3::uuid)
          AND NOT EXISTS (SELECT 1 FROM incubation_milestone_completion c
                           WHERE c.milestone_id = m.id AND c.application_id = a.id)
        LIMIT 1`,
      [projectId, kind, applicationId ?? null],
    );
    if (!waiting.length) return null;
    return this.sales.saleReaching(projectId, UNITS_SOLD_MILESTONE);
  }
}
