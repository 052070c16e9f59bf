import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Role, Roles, Viewer } from '@cc/auth';
import { LoaderRegistry, Loaders } from '@cc/graphql';
import { Outlet } from '../outlet/outlet.entity';
import { RetailLoaders } from '../retail.loaders';
import { Sale } from '../sale/sale.entity';
import { ReviewSaleAnomalyInput, SaleAnomaliesArgs } from './dto/sale-anomaly.inputs';
import { SaleAnomalyConnection } from './sale-anomaly.connection';
import { SaleAnomaly } from './sale-anomaly.entity';
import { SaleAnomalyService } from './sale-anomaly.service';

@Resolver(() => SaleAnomaly)
export class SaleAnomalyResolver {
  constructor(
    private readonly anomalies: SaleAnomalyService,
    private readonly retail: RetailLoaders,
  ) {}

  @Roles(Role.OFFICIAL)
  @Query(() => SaleAnomalyConnection, {
    description:
      "Sales held for review in the cities you are an official for, oldest first: they count in the city's metrics only once accepted.",
  })
  saleAnomalies(@Args() args: SaleAnomaliesArgs, @CurrentViewer() viewer: Viewer) {
    return this.anomalies.list(viewer, args);
  }

  @Roles(Role.OFFICIAL)
  @Mutation(() => SaleAnomaly, {
    description:
      'Accept a held sale of your city (it counts from now) or reject it (it never counts). Final; the retailer is told.',
  })
  reviewSaleAnomaly(
    @Args('input') input: ReviewSaleAnomalyInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<SaleAnomaly> {
    return this.anomalies.review(viewer, input);
  }

  // The anomaly exists only for officials of the sale's city and the seller: both may see it.
  @ResolveField(() => Sale)
  async sale(@Parent() anomaly: SaleAnomaly, @Loaders() loaders: LoaderRegistry) {
    return this.retail.sale(loaders).load(anomaly.saleId);
  }

  @ResolveField(() => Outlet)
  outlet(@Parent() anomaly: SaleAnomaly, @Loaders() loaders: LoaderRegistry) {
    return this.retail.outlet(loaders).load(anomaly.outletId);
  }
}
