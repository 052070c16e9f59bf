import { Injectable } from '@nestjs/common';
import { couplingInputsChanged, periodOf } from '@cc/impact';
import { OutboxWriter } from '@cc/queue';

export const ACTIVE_INCUBATED_VENTURES = 'active_incubated_ventures';

/**
 * Domain events out of incubation: an admission, withdrawal or graduation moves the city's
 * `active_incubated_ventures`, so the impact worker recomputes (debounced). Written to the
 * outbox right after the change (`addAlone`), so a Redis outage does not lose it.
 */
@Injectable()
export class IncubationEvents {
  constructor(private readonly outbox: OutboxWriter) {}

  venturesChanged(cityId: string, reason: string): Promise<void> {
    return this.outbox.addAlone([
      couplingInputsChanged({
        cityId,
        period: periodOf(new Date()).key,
        indicators: [ACTIVE_INCUBATED_VENTURES],
        reason,
      }),
    ]);
  }
}
