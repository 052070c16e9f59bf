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
import { deliveryOutcome } from './delivery';
import { ProductionStage, STAGES_BEFORE } from './production-stage.enum';

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

  /** The production orders of these projects, oldest first (for other domains' reporting). */
  ordersOfProjects(projectIds: readonly string[]): Promise<ProductionOrder[]> {
    if (!projectIds.length) return Promise.resolve([]);
    return this.orders
      .createQueryBuilder('o')
      .where('o.project_id = ANY(:ids)', { ids: [...projectIds] })
      .orderBy('o.created_at', 'ASC')
      .getMany();
  }

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

  /**
   * Moves the order one stage on. The manufacturer moves production; only a project owner
   * approves the sample, which puts the project IN_PRODUCTION. Deliveries add units: below the
   * ordered quantity the order is PARTIALLY_DELIVERED, at it DELIVERED, and beyond it (plus any
   * over-delivery the owners agreed to) the delivery is refused.
   */
  async advance(
    viewer: Viewer,
    orderId: string,
    to: ProductionStage,
    quantity?: number,
  ): Promise<ProductionOrder> {
    const delivering = to === ProductionStage.DELIVERED;
    if (delivering && !isUnitCount(quantity)) {
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
        'Only a member of the manufacturer organization moves production; ask an owner of it to invite you (inviteMember)',
      );
    }
    assertMayMove(order, to);
    const delivered = delivering ? quantity! : 0;
    const stage = delivering ? this.deliveredStage(order, delivered) : to;
    await this.dataSource.transaction(async (manager) => {
      const moved = await manager.update(
        ProductionOrder,
        { id: order.id, stage: order.stage, quantityDelivered: order.quantityDelivered },
        {
          stage,
          quantityDelivered: order.quantityDelivered + delivered,
          deliveredAt: delivering ? (order.deliveredAt ?? new Date()) : order.deliveredAt,
        },
      );
      if (!moved.affected) {
        throw MarketplaceException.conflict(
          MarketplaceErrorCode.ILLEGAL_MILESTONE,
          'The order changed meanwhile; reload it and try again',
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
      if (stage === ProductionStage.DELIVERED && order.stage !== ProductionStage.DELIVERED) {
        // The order is complete: on time if every ordered unit arrived by the due date.
        await this.records.addDelivery(
          manager,
          order.organizationId,
          Date.now() <= order.dueAt.getTime(),
        );
      }
      await manager.insert(ProductionMilestone, {
        orderId: order.id,
        stage,
        byUserId: viewer.userId,
        quantity: delivering ? delivered : null,
      });
      const project = await manager.findOneByOrFail(Project, { id: order.projectId });
      if (delivering) await this.events.delivered(manager, project, order.organizationId);
      if (stage === ProductionStage.SAMPLE_APPROVED)
        await this.events.sampleApproved(manager, project, order.id);
    });
    const [project, moved] = await Promise.all([
      this.projects.getVisible(viewer, order.projectId),
      this.orders.findOneByOrFail({ id: order.id }),
    ]);
    await this.notifier.milestone(project, moved, stage, viewer.userId);
    return moved;
  }

  /**
   * The owners agree that the manufacturer may deliver up to `units` beyond the ordered
   * quantity; the manufacturer's deliveries then record their side of the agreement.
   */
  async agreeOverDelivery(
    viewer: Viewer,
    orderId: string,
    units: number,
  ): Promise<ProductionOrder> {
    if (!Number.isInteger(units) || units < 0 || units > 10_000_000) {
      throw MarketplaceException.invalid(
        MarketplaceErrorCode.OVER_DELIVERY,
        'units',
        'units must be a whole number between 0 and 10000000',
      );
    }
    const order = await this.getVisible(viewer, orderId);
    const project = await this.projects.getOwned(viewer, order.projectId);
    if (order.stage === ProductionStage.CANCELLED) throw orderCancelled(order);
    const alreadyOver = Math.max(0, order.quantityDelivered - order.quantityOrdered);
    if (units < alreadyOver) {
      throw MarketplaceException.invalid(
        MarketplaceErrorCode.OVER_DELIVERY,
        'units',
        `${alreadyOver} units beyond the order were already delivered; agree to at least ${alreadyOver}`,
      );
    }
    const moved = await this.orders.update(
      { id: order.id, stage: order.stage, quantityDelivered: order.quantityDelivered },
      { overDeliveryAgreedUnits: units },
    );
    if (!moved.affected) {
      throw MarketplaceException.conflict(
        MarketplaceErrorCode.ILLEGAL_MILESTONE,
        'The order changed meanwhile; reload it and try again',
      );
    }
    const updated = await this.orders.findOneByOrFail({ id: order.id });
    await this.notifier.overDeliveryAgreed(project, updated, viewer.userId);
    return updated;
  }

  private deliveredStage(order: ProductionOrder, units: number): ProductionStage {
    const outcome = deliveryOutcome(order, units);
    if (outcome.ok) return outcome.stage;
    throw MarketplaceException.conflict(
      MarketplaceErrorCode.OVER_DELIVERY,
      `A delivery of ${units} would bring the total to ${outcome.total} of ${order.quantityOrdered} ordered` +
        (order.overDeliveryAgreedUnits ? ` (+${order.overDeliveryAgreedUnits} agreed)` : '') +
        `; deliver at most ${outcome.room} more, or the project owners first agree to an over-delivery (agreeOverDelivery)`,
      {
        quantityOrdered: order.quantityOrdered,
        quantityDelivered: order.quantityDelivered,
        overDeliveryAgreedUnits: order.overDeliveryAgreedUnits,
        maxDeliverable: outcome.room,
      },
    );
  }
}

function isUnitCount(quantity: number | undefined): quantity is number {
  return Number.isInteger(quantity) && quantity! >= 1 && quantity! <= 10_000_000;
}

const STAGE_ACTION: Partial<Record<ProductionStage, string>> = {
  [ProductionStage.SAMPLE_SUBMITTED]: 'Submitting a sample',
  [ProductionStage.SAMPLE_APPROVED]: 'Approving the sample',
  [ProductionStage.MASS_PRODUCTION]: 'Starting mass production',
  [ProductionStage.DELIVERED]: 'Recording a delivery',
};

/** Refuses a move the order's stage does not allow, naming the stage(s) that would. */
function assertMayMove(order: ProductionOrder, to: ProductionStage): void {
  if (order.stage === ProductionStage.CANCELLED) throw orderCancelled(order);
  const required = STAGES_BEFORE[to];
  if (required.includes(order.stage)) return;
  throw MarketplaceException.conflict(
    MarketplaceErrorCode.ILLEGAL_MILESTONE,
    `${STAGE_ACTION[to] ?? `Moving to ${to}`} needs the order to be ${required.join(' or ')} (it is ${order.stage})`,
    { currentStage: order.stage, requiredStages: required },
  );
}

function orderCancelled(order: ProductionOrder): MarketplaceException {
  return MarketplaceException.conflict(
    MarketplaceErrorCode.ORDER_CANCELLED,
    `The order was cancelled with its project (reason: ${order.cancellationReason}); a cancelled order is final (publish a new project to produce it again)`,
    { currentStage: order.stage },
  );
}
