import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not } from 'typeorm';
import { Viewer } from '@cc/auth';
import { isUniqueViolation } from '@cc/database';
import { MarketplaceEvents } from '../marketplace-events';
import { MarketplaceNotifier } from '../marketplace-notifier';
import { MarketplaceErrorCode, MarketplaceException } from '../marketplace.exception';
import { ProductionOrder } from '../production/production-order.entity';
import { ProductionStage } from '../production/production-stage.enum';
import { Project } from '../project/project.entity';
import { ProjectState } from '../project/project-state';
import { ProjectService } from '../project/project.service';
import { ACTIVE_BID_STATES, BidState } from './bid-state.enum';
import { Bid } from './bid.entity';
import { unitPriceAt } from './price-tier';

export interface AwardResult {
  bid: Bid;
  order: ProductionOrder;
  rejectedBids: Bid[];
}

/**
 * Accepting a bid, in one transaction: lock the project row, accept the bid, reject the rest,
 * award the project, open the production order. Concurrent accepts queue on the lock and find
 * the project already AWARDED; the partial unique index on accepted bids is the last line.
 */
@Injectable()
export class BidAwardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectService,
    private readonly events: MarketplaceEvents,
    private readonly notifier: MarketplaceNotifier,
  ) {}

  async accept(viewer: Viewer, bidId: string): Promise<AwardResult> {
    const bid = await this.dataSource.getRepository(Bid).findOneBy({ id: bidId });
    if (!bid) throw MarketplaceException.bidNotFound(bidId);
    const project = await this.projects.getOwned(viewer, bid.projectId);
    let result: AwardResult;
    try {
      result = await this.dataSource.transaction(async (manager) => {
        const locked = await manager
          .createQueryBuilder(Project, 'project')
          .setLock('pessimistic_write')
          .where('project.id = :id', { id: project.id })
          .getOneOrFail();
        if (locked.state !== ProjectState.OPEN_FOR_BIDS) {
          throw MarketplaceException.conflict(
            MarketplaceErrorCode.BID_ALREADY_ACCEPTED,
            `Accepting a bid needs the project to be OPEN_FOR_BIDS (it is ${locked.state})`,
            { currentState: locked.state, requiredStates: [ProjectState.OPEN_FOR_BIDS] },
          );
        }
        const current = await manager.findOneByOrFail(Bid, { id: bid.id });
        if (!ACTIVE_BID_STATES.includes(current.state)) {
          throw MarketplaceException.conflict(
            MarketplaceErrorCode.BID_NOT_ACTIVE,
            `Accepting needs the bid to be SUBMITTED or REVISED (it is ${current.state})`,
            {
              currentState: current.state,
            },
          );
        }
        const unitPriceFen = unitPriceAt(current.priceTiers, locked.quantity);
        if (unitPriceFen === null || current.moq > locked.quantity) {
          throw MarketplaceException.conflict(
            MarketplaceErrorCode.BID_NOT_ACTIVE,
            `The bid does not cover the project quantity of ${locked.quantity} units; it needs a price tier at or below ${locked.quantity} and an MOQ of at most ${locked.quantity}`,
          );
        }

        await manager.update(Bid, { id: current.id }, { state: BidState.ACCEPTED });
        const rejectedBids = await manager.find(Bid, {
          where: { projectId: locked.id, id: Not(current.id), state: In([...ACTIVE_BID_STATES]) },
        });
        if (rejectedBids.length) {
          await manager.update(
            Bid,
            { id: In(rejectedBids.map((rejected) => rejected.id)) },
            { state: BidState.REJECTED },
          );
        }
        await manager.update(Project, { id: locked.id }, { state: ProjectState.AWARDED });
        const order = await manager.save(
          manager.create(ProductionOrder, {
            projectId: locked.id,
            bidId: current.id,
            organizationId: current.organizationId,
            quantityOrdered: locked.quantity,
            unitPriceFen,
            stage: ProductionStage.AWAITING_SAMPLE,
            dueAt: locked.deliveryDeadline,
          }),
        );
        await this.events.bidAwarded(manager, project, current.id);
        return {
          bid: { ...current, state: BidState.ACCEPTED },
          order,
          rejectedBids: rejectedBids.map((rejected) => ({ ...rejected, state: BidState.REJECTED })),
        };
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw MarketplaceException.conflict(
          MarketplaceErrorCode.BID_ALREADY_ACCEPTED,
          'Another bid on this project was accepted at the same moment; the project is AWARDED now (reload it to see the winning bid)',
        );
      }
      throw error;
    }
    await this.notifier.bidsDecided(project, result.bid, result.rejectedBids);
    return result;
  }
}
