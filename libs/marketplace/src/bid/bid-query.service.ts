import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Viewer } from '@cc/auth';
import { Connection, ConnectionArgs, LoaderRegistry, paginate } from '@cc/graphql';
import { MarketplaceException } from '../marketplace.exception';
import { ProjectService } from '../project/project.service';
import { ManufacturerRecords } from '../review/manufacturer-record.repository';
import { BidAccess } from './bid-access';
import { BidComparisonRow, compareBid } from './bid-comparison';
import { ACTIVE_BID_STATES } from './bid-state.enum';
import { Bid } from './bid.entity';

/** Reads of bids, each through BidAccess. */
@Injectable()
export class BidQueryService {
  constructor(
    @InjectRepository(Bid) private readonly bids: Repository<Bid>,
    private readonly access: BidAccess,
    private readonly projects: ProjectService,
    private readonly records: ManufacturerRecords,
  ) {}

  async get(loaders: LoaderRegistry, viewer: Viewer, id: string): Promise<Bid> {
    const bid = await this.bids.findOneBy({ id });
    if (!bid) throw MarketplaceException.bidNotFound(id);
    const project = await this.projects.getVisible(viewer, bid.projectId);
    if (!(await this.access.canSee(loaders, viewer, bid, project)))
      throw MarketplaceException.bidNotFound(id);
    return bid;
  }

  /** Bids of the viewer's organizations, newest first. */
  async mine(
    loaders: LoaderRegistry,
    viewer: Viewer,
    args: ConnectionArgs,
  ): Promise<Connection<Bid>> {
    const organizations = [...(await this.access.organizationIdsOf(loaders, viewer))];
    const query = this.bids
      .createQueryBuilder('bid')
      .where('bid.organization_id = ANY(:organizations::uuid[])', { organizations });
    return paginate(query, args, {
      column: 'bid.created_at',
      direction: 'DESC',
      valueOf: (bid) => bid.createdAt.toISOString(),
    });
  }

  /** Live bids side by side, for the project's owners only; cheapest total first. */
  async comparison(
    loaders: LoaderRegistry,
    viewer: Viewer,
    projectId: string,
  ): Promise<BidComparisonRow[]> {
    const project = await this.projects.getOwned(viewer, projectId);
    const live = (await this.access.bidsOfProject(loaders, project.id)).filter((bid) =>
      ACTIVE_BID_STATES.includes(bid.state),
    );
    const records = await this.records.of(live.map((bid) => bid.organizationId));
    const rows = live.map((bid) => {
      const record = records.get(bid.organizationId);
      return compareBid(project, bid, {
        rating: record?.rating ?? null,
        onTimeRate: record?.onTimeRate ?? null,
      });
    });
    return rows.sort((a, b) => (a.totalCostFen ?? Infinity) - (b.totalCostFen ?? Infinity));
  }
}
