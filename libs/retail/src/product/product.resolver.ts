import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Public, Role, Roles, Viewer } from '@cc/auth';
import { CatalogLoaders, City, CulturalResource } from '@cc/catalog';
import { LoaderRegistry, Loaders, ParseIdPipe } from '@cc/graphql';
import { MarketplaceLoaders, Project } from '@cc/marketplace';
import { RetailLoaders } from '../retail.loaders';
import { SellThrough, sellThrough } from '../sale/sell-through';
import { CreateProductInput, UpdateProductInput } from './dto/product.inputs';
import { ProductsArgs } from './dto/products.args';
import { ProductConnection } from './product.connection';
import { Product } from './product.entity';
import { ProductService } from './product.service';

@Resolver(() => Product)
export class ProductResolver {
  constructor(
    private readonly productService: ProductService,
    private readonly retail: RetailLoaders,
    private readonly catalog: CatalogLoaders,
    private readonly marketplace: MarketplaceLoaders,
  ) {}

  @Public()
  @Query(() => ProductConnection, {
    description: 'Market-ready products, newest first; filter to those that fit an outlet.',
  })
  products(@Args() args: ProductsArgs, @CurrentViewer({ optional: true }) viewer?: Viewer) {
    return this.productService.list(viewer, args);
  }

  @Public()
  @Query(() => Product)
  product(@Args('id', { type: () => ID }, ParseIdPipe) id: string): Promise<Product> {
    return this.productService.get(id);
  }

  @Roles(Role.TALENT)
  @Mutation(() => Product, {
    description: 'Create the product (SKU) of a project you own that has delivered units.',
  })
  createProduct(
    @Args('input') input: CreateProductInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Product> {
    return this.productService.create(viewer, input);
  }

  @Roles(Role.TALENT)
  @Mutation(() => Product, { description: 'Edit the name, brand, description or price.' })
  updateProduct(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('input') input: UpdateProductInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Product> {
    return this.productService.update(viewer, id, input);
  }

  @ResolveField(() => Int, { description: "Units delivered by the project's production order." })
  unitsDelivered(@Parent() product: Product, @Loaders() loaders: LoaderRegistry): Promise<number> {
    return this.retail.unitsDelivered(loaders).load(product.projectId);
  }

  @ResolveField(() => SellThrough, { description: 'Units sold at every outlet ÷ units delivered.' })
  async sellThrough(
    @Parent() product: Product,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<SellThrough> {
    const [sold, delivered] = await Promise.all([
      this.retail.unitsSoldOfProduct(loaders).load(product.id),
      this.retail.unitsDelivered(loaders).load(product.projectId),
    ]);
    return sellThrough(sold, delivered);
  }

  @ResolveField(() => Project, { description: 'The project the product was made from.' })
  project(
    @Parent() product: Product,
    @Loaders() loaders: LoaderRegistry,
    @CurrentViewer({ optional: true }) viewer?: Viewer,
  ): Promise<Project> {
    return this.marketplace.visibleProject(loaders, viewer, product.projectId);
  }

  @ResolveField(() => City)
  city(@Parent() product: Product, @Loaders() loaders: LoaderRegistry): Promise<City | null> {
    return this.catalog.city(loaders).load(product.cityId);
  }

  @ResolveField(() => [CulturalResource], { description: "The project's cultural resources." })
  async culturalResources(
    @Parent() product: Product,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<CulturalResource[]> {
    const resources = await this.catalog
      .culturalResource(loaders)
      .loadMany(product.culturalResourceIds);
    return resources.filter(
      (resource): resource is CulturalResource => resource !== null && !(resource instanceof Error),
    );
  }
}
