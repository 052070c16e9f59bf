import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Viewer } from '@cc/auth';
import { ACTIVE_BID_STATES, BidState } from '../bid/bid-state.enum';
import { Bid } from '../bid/bid.entity';
import { MarketplaceNotifier } from '../marketplace-notifier';
import { MarketplaceErrorCode, MarketplaceException } from '../marketplace.exception';
import { settleCancellation } from '../production/order-cancellation';
import { ProductionMilestone } from '../production/production-milestone.entity';
import { ProductionOrder } from '../production/production-order.entity';
import { BEFORE_PRODUCTION, ProductionStage } from '../production/production-stage.enum';
import type { CancelProjectInput } from './dto/cancel-project.input';
import { Project } from './project.entity';
import { canTransition, ProjectState } from './project-state';
import { ProjectService } from './project.service';

interface Cancelled {
  project: Project;
  order: ProductionOrder | null;
  rejectedBids: Bid[];
}

/**
 * Cancelling a project at any stage before the market, in one transaction with the project row
 * locked: open bids are rejected; an unfinished production order is cancelled with the reason,
 * the stage it reached and who bears what; a fully delivered order stands (it was fulfilled).
 * The bidders or the manufacturer are told after the commit. An IN_MARKET project is closed,
 * not cancelled.
 */
@Injectable()
export class ProjectCancellationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectService,
    private readonly notifier: MarketplaceNotifier,
  ) {}

  async cancel(viewer: Viewer, id: string, input: CancelProjectInput = {}): Promise<Project> {
    await this.projects.getOwned(viewer, id);
    const reason = input.reason?.trim() ?? '';
    const cancelled = await this.dataSource.transaction(async (manager) => {
      const project = await manager
        .createQueryBuilder(Project, 'project')
        .setLock('pessimistic_write')
        .where('project.id = :id', { id })
        .getOneOrFail();
      if (!canTransition(project.state, ProjectState.CANCELLED)) {
        throw MarketplaceException.cannotCancel(project.state);
      }
      const order = await manager.findOne(ProductionOrder, {
        where: { projectId: id },
        lock: { mode: 'pessimistic_write' },
      });
      if (order && !reason) {
        throw MarketplaceException.invalid(
          MarketplaceErrorCode.CANCELLATION_NEEDS_REASON,
          'reason',
          `cancelling a project that is ${project.state} needs a reason: its manufacturer is told`,
        );
      }
      const cancelledOrder =
        order && (await this.cancelOrder(manager, viewer, order, reason, input));
      const rejectedBids = await this.rejectOpenBids(manager, project);
      await manager.update(Project, { id }, { state: ProjectState.CANCELLED });
      return {
        project: { ...project, state: ProjectState.CANCELLED },
        order: cancelledOrder,
        rejectedBids,
      };
    });
    await this.tell(cancelled, reason, viewer.userId);
    return this.projects.getOwned(viewer, id);
  }

  /** Cancels an unfinished order with its settlement; a delivered order is left as it is. */
  private async cancelOrder(
    manager: EntityManager,
    viewer: Viewer,
    order: ProductionOrder,
    reason: string,
    input: CancelProjectInput,
  ): Promise<ProductionOrder> {
    const compensation = input.compensationFen ?? 0;
    if (order.stage === ProductionStage.DELIVERED || order.stage === ProductionStage.CANCELLED) {
      if (compensation) throw compensationRefused(order.stage);
      return order;
    }
    if (compensation && BEFORE_PRODUCTION.includes(order.stage)) {
      throw compensationRefused(order.stage);
    }
    const undeliveredValue =
      Math.max(0, order.quantityOrdered - order.quantityDelivered) * order.unitPriceFen;
    if (compensation > undeliveredValue) {
      throw MarketplaceException.invalid(
        MarketplaceErrorCode.INVALID_COMPENSATION,
        'compensationFen',
        `compensation must not exceed the value of the undelivered units, ${undeliveredValue} fen`,
      );
    }
    const changes: Partial<ProductionOrder> = {
      stage: ProductionStage.CANCELLED,
      cancelledAt: new Date(),
      cancelledByUserId: viewer.userId,
      cancellationReason: reason,
      cancelledAtStage: order.stage,
      ...(({ settlement, compensationFen, owedToManufacturerFen }) => ({
        cancellationSettlement: settlement,
        cancellationCompensationFen: compensationFen,
        owedToManufacturerFen,
      }))(
        settleCancellation(order.stage, order.quantityDelivered, order.unitPriceFen, compensation),
      ),
    };
    await manager.update(ProductionOrder, { id: order.id }, changes);
    await manager.insert(ProductionMilestone, {
      orderId: order.id,
      stage: ProductionStage.CANCELLED,
      byUserId: viewer.userId,
      quantity: null,
    });
    return { ...order, ...changes };
  }

  private async rejectOpenBids(manager: EntityManager, project: Project): Promise<Bid[]> {
    const open = await manager.find(Bid, {
      where: { projectId: project.id, state: In([...ACTIVE_BID_STATES]) },
    });
    if (open.length) {
      await manager.update(
        Bid,
        { id: In(open.map((bid) => bid.id)) },
        { state: BidState.REJECTED },
      );
    }
    return open.map((bid) => ({ ...bid, state: BidState.REJECTED }));
  }

  private async tell(
    { project, order, rejectedBids }: Cancelled,
    reason: string,
    actorId: string,
  ): Promise<void> {
    if (rejectedBids.length) await this.notifier.projectCancelledToBidders(project, rejectedBids);
    if (order) await this.notifier.orderCancelled(project, order, reason, actorId);
  }
}

function compensationRefused(stage: ProductionStage): MarketplaceException {
  return MarketplaceException.invalid(
    MarketplaceErrorCode.INVALID_COMPENSATION,
    'compensationFen',
    `compensation applies once production started (an order at SAMPLE_APPROVED, MASS_PRODUCTION or partly delivered); this order is ${stage}`,
  );
}
