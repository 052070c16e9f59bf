import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { couplingInputsChanged, periodOf } from '@cc/impact';
import { OutboxWriter } from '@cc/queue';

export const ACTIVE_INCUBATED_VENTURES = 'active_incubated_ventures';

/**
 * Domain events out of incubation: an admission, withdrawal or graduation moves the city's
 * `active_incubated_ventures`, so the impact worker recomputes (debounced). Written to the
 * outbox in the transaction of the change (`manager`): the event exists exactly when the
 * change committed, and neither a Redis outage nor a crash after the commit loses it.
 */
@Injectable()
export class IncubationEvents {
  constructor(private readonly outbox: OutboxWriter) {}

  venturesChanged(manager: EntityManager, cityId: string, reason: string): Promise<void> {
    return this.outbox.addAll(manager, [
      couplingInputsChanged({
        cityId,
        period: periodOf(new Date()).key,
        indicators: [ACTIVE_INCUBATED_VENTURES],
        reason,
      }),
    ]);
  }
}
