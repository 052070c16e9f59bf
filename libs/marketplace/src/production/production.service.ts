import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AccessPolicy, Viewer } from '@cc/auth';
import { MarketplaceEvents } from '../marketplace-events';
import { MarketplaceNotifier } from '../marketplace-notifier';
import { MarketplaceErrorCode, MarketplaceException } from '../marketplace.exception';
import { Project } from '../project/project.entity';
import { ProjectState } from '../project/project-state';
import { ProjectService } from '../project/project.service';
import { ManufacturerRecords } from '../review/manufacturer-record.repository';
import { ProductionMilestone } from './production-milestone.entity';
import { ProductionOrder } from './production-order.entity';
import { NEXT_PRODUCTION_STAGE, ProductionStage } from './production-stage.enum';

/** Who may move an order into each stage. */
const OWNER_STAGES = new Set([ProductionStage.SAMPLE_APPROVED]);

@Injectable()
export class ProductionService {
  constructor(
    @InjectRepository(ProductionOrder) private readonly orders: Repository<ProductionOrder>,
    @InjectRepository(ProductionMilestone)
    private readonly milestones: Repository<ProductionMilestone>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessPolicy,
    private readonly projects: ProjectService,
    private readonly events: MarketplaceEvents,
    private readonly records: ManufacturerRecords,
    private readonly notifier: MarketplaceNotifier,
  ) {}

  /** Visible to the manufacturer's members and the project's owners. */
  async getVisible(viewer: Viewer, id: string): Promise<ProductionOrder> {
    const order = await this.orders.findOneBy({ id });
    if (!order || !(await this.canSee(viewer, order))) throw MarketplaceException.orderNotFound(id);
    return order;
  }

  async canSee(viewer: Viewer, order: ProductionOrder): Promise<boolean> {
    if (await this.access.isOrganizationMember(viewer, order.organizationId)) return true;
    const project = await this.projects.getVisible(viewer, order.projectId);
    return this.projects.isOwner(viewer, project);
  }

  /** The project's production order, for other domains (retail reads delivered units). */
  orderOfProject(projectId: string): Promise<ProductionOrder | null> {
    return this.orders.findOneBy({ projectId });
  }

  orderOfBid(bidId: string): Promise<ProductionOrder | null> {
    return this.orders.findOneBy({ bidId });
  }

  history(orderId: string): Promise<ProductionMilestone[]> {
    return this.milestones.find({ where: { orderId }, order: { createdAt: 'ASC' } });
  }

  /**
   * Moves the order one stage on. The manufacturer moves production; only a project owner
   * approves the sample, which puts the project IN_PRODUCTION. Deliveries add units.
   */
  async advance(
    viewer: Viewer,
    orderId: string,
    to: ProductionStage,
    quantity?: number,
  ): Promise<ProductionOrder> {
    if (
      to === ProductionStage.DELIVERED &&
      !(Number.isInteger(quantity) && quantity! >= 1 && quantity! <= 10_000_000)
    ) {
      throw MarketplaceException.invalid(
        MarketplaceErrorCode.ILLEGAL_MILESTONE,
        'quantity',
        'quantity must be a whole number of units between 1 and 10000000',
      );
    }
    const order = await this.getVisible(viewer, orderId);
    if (OWNER_STAGES.has(to)) {
      await this.projects.getOwned(viewer, order.projectId);
    } else if (!(await this.access.isOrganizationMember(viewer, order.organizationId))) {
      throw MarketplaceException.forbidden(
        MarketplaceErrorCode.NOT_ORDER_MANUFACTURER,
        'Only the manufacturer moves production',
      );
    }
    if (order.stage === ProductionStage.CANCELLED) {
      throw MarketplaceException.conflict(
        MarketplaceErrorCode.ORDER_CANCELLED,
        `The order was cancelled with its project (reason: ${order.cancellationReason}); a cancelled order cannot move`,
        { currentStage: order.stage },
      );
    }
    if (NEXT_PRODUCTION_STAGE[order.stage] !== to) {
      throw MarketplaceException.conflict(
        MarketplaceErrorCode.ILLEGAL_MILESTONE,
        `The order is at ${order.stage}; the next milestone is ${NEXT_PRODUCTION_STAGE[order.stage]}`,
        { currentStage: order.stage, nextStage: NEXT_PRODUCTION_STAGE[order.stage] },
      );
    }
    const delivered = to === ProductionStage.DELIVERED ? (quantity ?? 0) : 0;
    await this.dataSource.transaction(async (manager) => {
      const moved = await manager.update(
        ProductionOrder,
        { id: order.id, stage: order.stage, quantityDelivered: order.quantityDelivered },
        {
          stage: to,
          quantityDelivered: order.quantityDelivered + delivered,
          deliveredAt:
            to === ProductionStage.DELIVERED
              ? (order.deliveredAt ?? new Date())
              : order.deliveredAt,
        },
      );
      if (!moved.affected) {
        throw MarketplaceException.conflict(
          MarketplaceErrorCode.ILLEGAL_MILESTONE,
          'The order changed meanwhile; reload it',
        );
      }
      if (to === ProductionStage.SAMPLE_APPROVED) {
        // The project advances with production, in the same transaction.
        const started = await manager.update(
          Project,
          { id: order.projectId, state: ProjectState.AWARDED },
          { state: ProjectState.IN_PRODUCTION },
        );
        if (!started.affected) {
          const current = await manager.findOneByOrFail(Project, { id: order.projectId });
          throw MarketplaceException.conflict(
            MarketplaceErrorCode.ILLEGAL_TRANSITION,
            `Approving the sample needs the project to be AWARDED (it is ${current.state})`,
            { currentState: current.state, requiredStates: [ProjectState.AWARDED] },
          );
        }
      }
      if (to === ProductionStage.DELIVERED && !order.deliveredAt) {
        await this.records.addDelivery(
          manager,
          order.organizationId,
          Date.now() <= order.dueAt.getTime(),
        );
      }
      await manager.insert(ProductionMilestone, {
        orderId: order.id,
        stage: to,
        byUserId: viewer.userId,
        quantity: to === ProductionStage.DELIVERED ? delivered : null,
      });
    });
    const [project, moved] = await Promise.all([
      this.projects.getVisible(viewer, order.projectId),
      this.orders.findOneByOrFail({ id: order.id }),
    ]);
    if (to === ProductionStage.DELIVERED) await this.events.delivered(project);
    await this.notifier.milestone(project, moved, to, viewer.userId);
    return moved;
  }
}
