import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Public, Role, Roles, Viewer } from '@cc/auth';
import { ProductionOrder } from '../production/production-order.entity';
import { ReviewInput } from './dto/review.input';
import { ManufacturerRecord } from './manufacturer-record.entity';
import { ManufacturerRecords } from './manufacturer-record.repository';
import { Review } from './review.entity';
import { ReviewService } from './review.service';
import { LoaderRegistry, Loaders, ParseIdPipe } from '@cc/graphql';
import { MarketplaceLoaders } from '../marketplace.loaders';

@Resolver(() => ProductionOrder)
export class ReviewResolver {
  constructor(
    private readonly reviewService: ReviewService,
    private readonly records: ManufacturerRecords,
    private readonly marketplace: MarketplaceLoaders,
  ) {}

  @Roles(Role.TALENT, Role.MANUFACTURER)
  @Mutation(() => Review, {
    description: 'Review the other side of a delivered order (once per side).',
  })
  reviewProductionOrder(
    @Args('orderId', { type: () => ID }, ParseIdPipe) orderId: string,
    @Args('input') input: ReviewInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Review> {
    return this.reviewService.review(viewer, orderId, input);
  }

  @Public()
  @Query(() => ManufacturerRecord, { description: "A manufacturer's rating and on-time record." })
  async manufacturerRecord(
    @Args('organizationId', { type: () => ID }, ParseIdPipe) organizationId: string,
  ): Promise<ManufacturerRecord> {
    const record = (await this.records.of([organizationId])).get(organizationId);
    return (
      record ??
      Object.assign(new ManufacturerRecord(), {
        organizationId,
        reviewCount: 0,
        scoreSum: 0,
        deliveredOrders: 0,
        onTimeOrders: 0,
      })
    );
  }

  @ResolveField(() => [Review])
  reviews(@Parent() order: ProductionOrder, @Loaders() loaders: LoaderRegistry): Promise<Review[]> {
    return this.marketplace.reviewsOfOrder(loaders).load(order.id);
  }
}
