import { Injectable, Logger } from '@nestjs/common';
import { ProductionService, ProductionStage } from '@cc/marketplace';
import { ProjectEventKind } from '@cc/queue';
import { Application } from '../application/application.entity';
import { MilestoneTicker } from './milestone-ticker';

const PROTOTYPE_STAGES = new Set([
  ProductionStage.SAMPLE_APPROVED,
  ProductionStage.MASS_PRODUCTION,
  ProductionStage.DELIVERED,
]);

/**
 * A team admitted after its project already reached a milestone (a bid accepted, a sample
 * approved) gets it ticked at admission, from the marketplace's records, naming the same
 * events the live path would. Placements and sales are ticked by their next event.
 */
@Injectable()
export class MilestoneCatchUp {
  private readonly logger = new Logger(MilestoneCatchUp.name);

  constructor(
    private readonly production: ProductionService,
    private readonly ticker: MilestoneTicker,
  ) {}

  async afterAdmission(application: Application): Promise<void> {
    try {
      for (const order of await this.production.ordersOfProjects(application.projectIds)) {
        await this.ticker.tick(
          {
            kind: ProjectEventKind.BID_ACCEPTED,
            projectId: order.projectId,
            ref: order.bidId,
            occurredAt: order.createdAt.toISOString(),
          },
          application.id,
        );
        if (PROTOTYPE_STAGES.has(order.stage)) {
          await this.ticker.tick(
            {
              kind: ProjectEventKind.SAMPLE_APPROVED,
              projectId: order.projectId,
              ref: order.id,
              occurredAt: order.updatedAt.toISOString(),
            },
            application.id,
          );
        }
      }
    } catch (error) {
      // The admission stands; the next platform event ticks what this missed.
      this.logger.error({ err: error, applicationId: application.id }, 'milestone catch-up failed');
    }
  }
}
