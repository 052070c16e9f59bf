import { Injectable, Logger } from '@nestjs/common';
import { LoaderRegistry } from '@cc/graphql';
import { IdentityLoaders } from '@cc/identity';
import { NotificationKind, NotificationMessage, NotificationService } from '@cc/notification';
import { Bid } from './bid/bid.entity';
import { ProductionOrder } from './production/production-order.entity';
import { ProductionStage } from './production/production-stage.enum';
import { Project } from './project/project.entity';

const yuan = (fen: number) => `¥${(fen / 100).toFixed(2)}`;

/**
 * Tells the people a marketplace change concerns, after it committed. A failure is logged, not
 * thrown: the change stands, and notifications are a courtesy on top of it.
 */
@Injectable()
export class MarketplaceNotifier {
  private readonly logger = new Logger(MarketplaceNotifier.name);

  constructor(
    private readonly notifications: NotificationService,
    private readonly identity: IdentityLoaders,
  ) {}

  async bidSubmitted(project: Project, bid: Bid): Promise<void> {
    const lowest = Math.min(...bid.priceTiers.map((tier) => tier.unitPriceFen));
    await this.send(await this.ownersOf(project), {
      kind: NotificationKind.BID_SUBMITTED,
      title: `New bid on “${project.title}”`,
      body: `A manufacturer bid from ${yuan(lowest)} per unit, ${bid.leadTimeDays} days lead time.`,
      payload: { projectId: project.id, bidId: bid.id },
    });
  }

  async bidsDecided(project: Project, accepted: Bid, rejected: Bid[]): Promise<void> {
    await this.send(await this.membersOf([accepted.organizationId]), {
      kind: NotificationKind.BID_ACCEPTED,
      title: `Your bid on “${project.title}” was accepted`,
      body: 'A production order is open: submit a sample to start.',
      payload: { projectId: project.id, bidId: accepted.id },
    });
    for (const bid of rejected) {
      await this.send(await this.membersOf([bid.organizationId]), {
        kind: NotificationKind.BID_REJECTED,
        title: `Your bid on “${project.title}” was not chosen`,
        body: 'The project owners accepted another offer.',
        payload: { projectId: project.id, bidId: bid.id },
      });
    }
  }

  async milestone(
    project: Project,
    order: ProductionOrder,
    stage: ProductionStage,
    actorId: string,
  ): Promise<void> {
    const recipients = [
      ...(await this.ownersOf(project)),
      ...(await this.membersOf([order.organizationId])),
    ];
    await this.send(
      recipients.filter((id) => id !== actorId),
      {
        kind: NotificationKind.PRODUCTION_MILESTONE,
        title: `“${project.title}”: ${stage.toLowerCase().replace(/_/g, ' ')}`,
        body: `Production of ${order.quantityOrdered} units reached ${stage}.`,
        payload: { projectId: project.id, orderId: order.id, stage },
      },
    );
  }

  async overDeliveryAgreed(
    project: Project,
    order: ProductionOrder,
    actorId: string,
  ): Promise<void> {
    await this.send(
      (await this.membersOf([order.organizationId])).filter((id) => id !== actorId),
      {
        kind: NotificationKind.PRODUCTION_MILESTONE,
        title: `“${project.title}”: over-delivery agreed`,
        body: `You may deliver up to ${order.overDeliveryAgreedUnits} units beyond the ${order.quantityOrdered} ordered.`,
        payload: { projectId: project.id, orderId: order.id, stage: order.stage },
      },
    );
  }

  /** The bidders of a project cancelled while open: their bids are rejected. */
  async projectCancelledToBidders(project: Project, bids: Bid[]): Promise<void> {
    for (const bid of bids) {
      await this.send(await this.membersOf([bid.organizationId]), {
        kind: NotificationKind.BID_REJECTED,
        title: `“${project.title}” was cancelled`,
        body: 'The project owners cancelled the project; your bid is closed.',
        payload: { projectId: project.id, bidId: bid.id },
      });
    }
  }

  /** The manufacturer of an order whose project was cancelled: the reason and who bears what. */
  async orderCancelled(
    project: Project,
    order: ProductionOrder,
    reason: string,
    actorId: string,
  ): Promise<void> {
    const fulfilled = order.stage !== ProductionStage.CANCELLED;
    const owed = order.owedToManufacturerFen
      ? ` The owners owe you ${yuan(order.owedToManufacturerFen)}.`
      : ' Nothing is owed by either side.';
    await this.send(
      (await this.membersOf([order.organizationId])).filter((id) => id !== actorId),
      {
        kind: NotificationKind.PRODUCTION_MILESTONE,
        title: `“${project.title}” was cancelled`,
        body: fulfilled
          ? `Reason: ${reason}. Your delivered order stands.`
          : `Reason: ${reason}. The production order is cancelled at ${order.cancelledAtStage}.${owed}`,
        payload: { projectId: project.id, orderId: order.id, stage: order.stage },
      },
    );
  }

  private async ownersOf(project: Project): Promise<string[]> {
    if (!project.ownerTeamId) return [project.ownerUserId];
    const members = await this.identity.teamMembers(new LoaderRegistry()).load(project.ownerTeamId);
    return [project.ownerUserId, ...members.map((member) => member.userId)];
  }

  private async membersOf(organizationIds: string[]): Promise<string[]> {
    const loader = this.identity.organizationMembers(new LoaderRegistry());
    const members = await loader.loadMany(organizationIds);
    return members.flatMap((list) =>
      Array.isArray(list) ? list.map((member) => member.userId) : [],
    );
  }

  private async send(recipients: string[], message: NotificationMessage): Promise<void> {
    try {
      await this.notifications.notify([...new Set(recipients)], message);
    } catch (error) {
      this.logger.error({ err: error, kind: message.kind }, 'could not notify');
    }
  }
}
