import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LoaderRegistry, Loaders } from '@cc/graphql';
import { OutletMatch, ProductMatch } from '@cc/matching';
import { Outlet } from '../outlet/outlet.entity';
import { Product } from '../product/product.entity';
import { RetailLoaders } from '../retail.loaders';

/** Adds the outlet to matching's ranked rows, batched per request. */
@Resolver(() => OutletMatch)
export class OutletMatchResolver {
  constructor(private readonly retail: RetailLoaders) {}

  @ResolveField(() => Outlet, { nullable: true })
  outlet(@Parent() match: OutletMatch, @Loaders() loaders: LoaderRegistry): Promise<Outlet | null> {
    return this.retail.outlet(loaders).load(match.outletId);
  }
}

/** Adds the product to matching's ranked rows, batched per request. */
@Resolver(() => ProductMatch)
export class ProductMatchResolver {
  constructor(private readonly retail: RetailLoaders) {}

  @ResolveField(() => Product, { nullable: true })
  product(
    @Parent() match: ProductMatch,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<Product | null> {
    return this.retail.product(loaders).load(match.productId);
  }
}
