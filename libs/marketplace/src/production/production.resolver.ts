import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Role, Roles, Viewer } from '@cc/auth';
import { OrderCancellation } from './order-cancellation';
import { ProductionMilestone } from './production-milestone.entity';
import { ProductionOrder } from './production-order.entity';
import { ProductionStage } from './production-stage.enum';
import { ProductionService } from './production.service';
import { LoaderRegistry, Loaders, ParseIdPipe } from '@cc/graphql';
import { MarketplaceLoaders } from '../marketplace.loaders';

const orderId = () => Args('orderId', { type: () => ID }, ParseIdPipe);

@Resolver(() => ProductionOrder)
export class ProductionResolver {
  constructor(
    private readonly production: ProductionService,
    private readonly marketplace: MarketplaceLoaders,
  ) {}

  @Authenticated()
  @Query(() => ProductionOrder, {
    description: "For the manufacturer's members and the project's owners.",
  })
  productionOrder(
    @orderId() id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ProductionOrder> {
    return this.production.getVisible(viewer, id);
  }

  @Roles(Role.MANUFACTURER)
  @Mutation(() => ProductionOrder)
  submitSample(@orderId() id: string, @CurrentViewer() viewer: Viewer): Promise<ProductionOrder> {
    return this.production.advance(viewer, id, ProductionStage.SAMPLE_SUBMITTED);
  }

  @Roles(Role.TALENT)
  @Mutation(() => ProductionOrder, {
    description: 'Approve the sample; the project goes IN_PRODUCTION.',
  })
  approveSample(@orderId() id: string, @CurrentViewer() viewer: Viewer): Promise<ProductionOrder> {
    return this.production.advance(viewer, id, ProductionStage.SAMPLE_APPROVED);
  }

  @Roles(Role.MANUFACTURER)
  @Mutation(() => ProductionOrder)
  startMassProduction(
    @orderId() id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ProductionOrder> {
    return this.production.advance(viewer, id, ProductionStage.MASS_PRODUCTION);
  }

  @Roles(Role.MANUFACTURER)
  @Mutation(() => ProductionOrder, {
    description:
      'Record a delivery; may repeat, each adds units. Below the ordered quantity the order is PARTIALLY_DELIVERED, at it DELIVERED; beyond it only up to an agreed over-delivery.',
  })
  recordDelivery(
    @orderId() id: string,
    @Args('quantity', { type: () => Int }) quantity: number,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ProductionOrder> {
    return this.production.advance(viewer, id, ProductionStage.DELIVERED, quantity);
  }

  @Roles(Role.TALENT)
  @Mutation(() => ProductionOrder, {
    description:
      'As a project owner, agree that the manufacturer may deliver up to `units` beyond the ordered quantity (0 withdraws an unused agreement).',
  })
  agreeOverDelivery(
    @orderId() id: string,
    @Args('units', { type: () => Int }) units: number,
    @CurrentViewer() viewer: Viewer,
  ): Promise<ProductionOrder> {
    return this.production.agreeOverDelivery(viewer, id, units);
  }

  @ResolveField(() => OrderCancellation, {
    nullable: true,
    description: 'Set when the project was cancelled before the order was fulfilled.',
  })
  cancellation(@Parent() order: ProductionOrder): OrderCancellation | null {
    if (!order.cancelledAt || !order.cancelledAtStage || !order.cancellationSettlement) return null;
    return {
      cancelledAt: order.cancelledAt,
      cancelledByUserId: order.cancelledByUserId!,
      reason: order.cancellationReason ?? '',
      atStage: order.cancelledAtStage,
      settlement: order.cancellationSettlement,
      unitsDelivered: order.quantityDelivered,
      compensationFen: order.cancellationCompensationFen,
      owedToManufacturerFen: order.owedToManufacturerFen,
    };
  }

  @ResolveField(() => [ProductionMilestone])
  milestones(
    @Parent() order: ProductionOrder,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<ProductionMilestone[]> {
    return this.marketplace.milestonesOfOrder(loaders).load(order.id);
  }
}
