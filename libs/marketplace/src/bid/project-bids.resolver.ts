import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Viewer } from '@cc/auth';
import { LoaderRegistry, Loaders } from '@cc/graphql';
import { Project } from '../project/project.entity';
import { BidAccess } from './bid-access';
import { ACTIVE_BID_STATES, BidState } from './bid-state.enum';
import { Bid } from './bid.entity';

/** The sealed-bid fields of a project, each filtered by BidAccess. */
@Resolver(() => Project)
export class ProjectBidsResolver {
  constructor(private readonly access: BidAccess) {}

  @ResolveField(() => [Bid], {
    description:
      "Owners see every bid; a manufacturer sees its own organization's; anyone else sees none.",
  })
  bids(
    @Parent() project: Project,
    @Loaders() loaders: LoaderRegistry,
    @CurrentViewer({ optional: true }) viewer?: Viewer,
  ): Promise<Bid[]> {
    return this.access.visibleBids(loaders, viewer, project);
  }

  @ResolveField(() => Int, { description: 'Bids not withdrawn. A count reveals no terms.' })
  async bidCount(@Parent() project: Project, @Loaders() loaders: LoaderRegistry): Promise<number> {
    const bids = await this.access.bidsOfProject(loaders, project.id);
    return bids.filter((bid) => bid.state !== BidState.WITHDRAWN).length;
  }

  @ResolveField(() => Bid, {
    nullable: true,
    description: "Your organization's live bid on this project.",
  })
  async myBid(
    @Parent() project: Project,
    @Loaders() loaders: LoaderRegistry,
    @CurrentViewer({ optional: true }) viewer?: Viewer,
  ): Promise<Bid | null> {
    const organizations = await this.access.organizationIdsOf(loaders, viewer);
    const bids = await this.access.bidsOfProject(loaders, project.id);
    return (
      bids.find(
        (bid) => organizations.has(bid.organizationId) && ACTIVE_BID_STATES.includes(bid.state),
      ) ??
      bids.find(
        (bid) => organizations.has(bid.organizationId) && bid.state === BidState.ACCEPTED,
      ) ??
      null
    );
  }
}
