import { Args, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Role, Roles, Viewer, RateLimit } from '@cc/auth';
import { LoaderRegistry, Loaders } from '@cc/graphql';
import { Outlet } from '../outlet/outlet.entity';
import { Product } from '../product/product.entity';
import { SaleAnomaly } from '../sale-anomaly/sale-anomaly.entity';
import { RetailLoaders } from '../retail.loaders';
import { RecordSaleInput, SalesArgs } from './dto/sale.inputs';
import { RecordSaleResult, SaleConnection } from './sale.connection';
import { Sale } from './sale.entity';
import { SaleService } from './sale.service';

@Resolver(() => Sale)
export class SaleResolver {
  constructor(
    private readonly saleService: SaleService,
    private readonly retail: RetailLoaders,
  ) {}

  @RateLimit('recordSale')
  @Roles(Role.RETAILER)
  @Mutation(() => RecordSaleResult, {
    description:
      'Record one sale at your outlet, for a product placed there (active at soldAt). Idempotent by externalId.',
  })
  recordSale(
    @Args('input') input: RecordSaleInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<RecordSaleResult> {
    return this.saleService.record(viewer, input);
  }

  @Authenticated()
  @Query(() => SaleConnection, {
    description: 'Sales of an outlet of yours, or of a product you make; newest first.',
  })
  sales(@Args() args: SalesArgs, @CurrentViewer() viewer: Viewer) {
    return this.saleService.list(viewer, args);
  }

  @ResolveField(() => Product)
  product(@Parent() sale: Sale, @Loaders() loaders: LoaderRegistry) {
    return this.retail.product(loaders).load(sale.productId);
  }

  @ResolveField(() => SaleAnomaly, {
    nullable: true,
    description:
      'Why the sale was held for review and the decision, if it was held; null when it counted at once.',
  })
  review(@Parent() sale: Sale, @Loaders() loaders: LoaderRegistry) {
    return this.retail.saleReview(loaders).load(sale.id);
  }

  @ResolveField(() => Outlet)
  outlet(@Parent() sale: Sale, @Loaders() loaders: LoaderRegistry) {
    return this.retail.outlet(loaders).load(sale.outletId);
  }
}
