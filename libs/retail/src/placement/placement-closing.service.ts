import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Viewer } from '@cc/auth';
import { periodOf } from '@cc/impact';
import { OutboxEntry, OutboxWriter } from '@cc/queue';
import { OutletService } from '../outlet/outlet.service';
import { couplingChange, PLACEMENT_INDICATORS } from '../retail-coupling';
import { OPEN_PLACEMENT_STATES, PlacementState } from './placement-state';

export interface ClosedPlacement {
  id: string;
  outletId: string;
  state: PlacementState;
}

/** What closing a project does to its placements (see `ProjectClosingResolver`). */
@Injectable()
export class PlacementClosingService {
  private readonly logger = new Logger(PlacementClosingService.name);

  constructor(
    private readonly outlets: OutletService,
    private readonly outbox: OutboxWriter,
  ) {}

  /**
   * The project was closed (in `manager`'s transaction): active placements end, open offers are
   * withdrawn and open requests declined, in one statement so none slips between states.
   */
  async closeAllOfProject(
    manager: EntityManager,
    projectId: string,
    viewer: Viewer,
    reason?: string,
  ): Promise<ClosedPlacement[]> {
    const [rows]: [{ id: string; outlet_id: string; state: PlacementState }[], number] =
      await manager.query(
        `UPDATE placement
            SET state = (CASE state WHEN 'ACTIVE' THEN 'ENDED' WHEN 'OFFERED' THEN 'WITHDRAWN'
                         ELSE 'DECLINED' END)::placement_state,
                closed_at = now(), closed_by_user_id = $2, closing_reason = $3, updated_at = now()
          WHERE project_id = $1 AND state = ANY($4::placement_state[])
      RETURNING id, outlet_id, state`,
        [
          projectId,
          viewer.userId,
          reason?.trim() || 'the project was closed',
          OPEN_PLACEMENT_STATES,
        ],
      );
    this.logger.log({ projectId, placements: rows.length, by: viewer.userId }, 'project closed');
    await this.outbox.addAll(manager, await this.endedEvents(rows));
    return rows.map((row) => ({ id: row.id, outletId: row.outlet_id, state: row.state }));
  }

  /** Products in market moved in each ended placement's city. */
  private async endedEvents(
    rows: { outlet_id: string; state: PlacementState }[],
  ): Promise<OutboxEntry<unknown>[]> {
    const outlets = new Set(
      rows.filter((row) => row.state === PlacementState.ENDED).map((row) => row.outlet_id),
    );
    const cities = new Set<string>();
    for (const outletId of outlets) cities.add((await this.outlets.get(outletId)).cityId);
    return [...cities].flatMap((cityId) =>
      couplingChange({
        cityId,
        periods: [periodOf(new Date()).key],
        indicators: PLACEMENT_INDICATORS,
        reason: 'project closed',
      }),
    );
  }
}
