import { Injectable, Logger } from '@nestjs/common';
import { notifyCouplingInputsChanged, periodOf } from '@cc/impact';
import { QueueService } from '@cc/queue';

export const ACTIVE_INCUBATED_VENTURES = 'active_incubated_ventures';

/**
 * Domain events out of incubation: an admission, withdrawal or graduation moves the city's
 * `active_incubated_ventures`, so the impact worker recomputes (debounced). Sent after commit;
 * a failed enqueue is logged and the nightly rebuild catches up.
 */
@Injectable()
export class IncubationEvents {
  private readonly logger = new Logger(IncubationEvents.name);

  constructor(private readonly queue: QueueService) {}

  async venturesChanged(cityId: string, reason: string): Promise<void> {
    try {
      await notifyCouplingInputsChanged(this.queue, {
        cityId,
        period: periodOf(new Date()).key,
        indicators: [ACTIVE_INCUBATED_VENTURES],
        reason,
      });
    } catch (error) {
      this.logger.error({ err: error, cityId, reason }, 'could not enqueue coupling event');
    }
  }
}
