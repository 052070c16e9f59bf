import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Role, Roles, Viewer } from '@cc/auth';
import { ConnectionArgs, LoaderRegistry, Loaders, ParseIdPipe } from '@cc/graphql';
import { ProductionOrder } from '../production/production-order.entity';
import { MarketplaceLoaders } from '../marketplace.loaders';
import { BidAccess } from './bid-access';
import { BidAwardService } from './bid-award.service';
import { BidComparisonRow } from './bid-comparison';
import { BidConnection } from './bid.connection';
import { BidQueryService } from './bid-query.service';
import { BidRevision } from './bid-revision.entity';
import { Bid } from './bid.entity';
import { BidService } from './bid.service';
import { BidTermsInput, SubmitBidInput } from './dto/bid.inputs';

const bidId = () => Args('bidId', { type: () => ID }, ParseIdPipe);

@Resolver(() => Bid)
export class BidResolver {
  constructor(
    private readonly bidService: BidService,
    private readonly award: BidAwardService,
    private readonly queries: BidQueryService,
    private readonly access: BidAccess,
    private readonly marketplace: MarketplaceLoaders,
  ) {}

  @Roles(Role.MANUFACTURER)
  @Mutation(() => Bid, { description: 'Submit a sealed bid for your manufacturer organization.' })
  submitBid(@Args('input') input: SubmitBidInput, @CurrentViewer() viewer: Viewer): Promise<Bid> {
    return this.bidService.submit(viewer, input);
  }

  @Roles(Role.MANUFACTURER)
  @Mutation(() => Bid, {
    description: 'Change the terms of a live bid; earlier terms stay in its revisions.',
  })
  reviseBid(
    @bidId() id: string,
    @Args('input') input: BidTermsInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Bid> {
    return this.bidService.revise(viewer, id, input);
  }

  @Roles(Role.MANUFACTURER)
  @Mutation(() => Bid)
  withdrawBid(@bidId() id: string, @CurrentViewer() viewer: Viewer): Promise<Bid> {
    return this.bidService.withdraw(viewer, id);
  }

  @Roles(Role.TALENT)
  @Mutation(() => ProductionOrder, {
    description:
      'Accept one bid: the others are rejected, the project is AWARDED and production opens.',
  })
  async acceptBid(@bidId() id: string, @CurrentViewer() viewer: Viewer): Promise<ProductionOrder> {
    return (await this.award.accept(viewer, id)).order;
  }

  @Authenticated()
  @Query(() => Bid, { description: 'A bid, for its manufacturer and the project owners only.' })
  bid(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @CurrentViewer() viewer: Viewer,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<Bid> {
    return this.queries.get(loaders, viewer, id);
  }

  @Roles(Role.MANUFACTURER)
  @Query(() => BidConnection, { description: "Your organizations' bids, newest first." })
  myBids(
    @Args() args: ConnectionArgs,
    @CurrentViewer() viewer: Viewer,
    @Loaders() loaders: LoaderRegistry,
  ) {
    return this.queries.mine(loaders, viewer, args);
  }

  @Roles(Role.TALENT)
  @Query(() => [BidComparisonRow], {
    description: "Your project's live bids side by side, cheapest total first.",
  })
  bidComparison(
    @Args('projectId', { type: () => ID }, ParseIdPipe) projectId: string,
    @CurrentViewer() viewer: Viewer,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<BidComparisonRow[]> {
    return this.queries.comparison(loaders, viewer, projectId);
  }

  @ResolveField(() => ProductionOrder, {
    nullable: true,
    description: 'The order opened when this bid was accepted.',
  })
  productionOrder(
    @Parent() bid: Bid,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ProductionOrder | null> {
    return this.marketplace.orderOfBid(loaders).load(bid.id);
  }

  @ResolveField(() => [BidRevision], { description: 'Every version of the terms, oldest first.' })
  revisions(@Parent() bid: Bid, @Loaders() loaders: LoaderRegistry): Promise<BidRevision[]> {
    return this.access.revisionsOf(loaders, bid.id);
  }
}
