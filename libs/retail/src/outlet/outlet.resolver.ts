import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Public, Role, Roles, Viewer } from '@cc/auth';
import { CatalogLoaders, City, District } from '@cc/catalog';
import { LoaderRegistry, Loaders, ParseIdPipe } from '@cc/graphql';
import { IdentityLoaders, Organization } from '@cc/identity';
import { RetailLoaders } from '../retail.loaders';
import { SellThrough, sellThrough } from '../sale/sell-through';
import { CreateOutletInput, UpdateOutletInput } from './dto/outlet.inputs';
import { OutletsArgs } from './dto/outlets.args';
import { OutletConnection } from './outlet.connection';
import { Outlet } from './outlet.entity';
import { OutletService } from './outlet.service';

@Resolver(() => Outlet)
export class OutletResolver {
  constructor(
    private readonly outletService: OutletService,
    private readonly retail: RetailLoaders,
    private readonly catalog: CatalogLoaders,
    private readonly identity: IdentityLoaders,
  ) {}

  @Public()
  @Query(() => OutletConnection, {
    description: 'Outlets by name; filter to those a product fits.',
  })
  outlets(@Args() args: OutletsArgs) {
    return this.outletService.list(args);
  }

  @Public()
  @Query(() => Outlet)
  outlet(@Args('id', { type: () => ID }, ParseIdPipe) id: string): Promise<Outlet> {
    return this.outletService.get(id);
  }

  @Roles(Role.RETAILER)
  @Mutation(() => Outlet, { description: 'Open an outlet for your RETAILER organization.' })
  createOutlet(
    @Args('input') input: CreateOutletInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Outlet> {
    return this.outletService.create(viewer, input);
  }

  @Roles(Role.RETAILER)
  @Mutation(() => Outlet, { description: 'Edit an outlet of your organization.' })
  updateOutlet(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('input') input: UpdateOutletInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Outlet> {
    return this.outletService.update(viewer, id, input);
  }

  @ResolveField(() => Organization, { nullable: true })
  organization(
    @Parent() outlet: Outlet,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<Organization | null> {
    return this.identity.organization(loaders).load(outlet.organizationId);
  }

  @ResolveField(() => City)
  city(@Parent() outlet: Outlet, @Loaders() loaders: LoaderRegistry): Promise<City | null> {
    return this.catalog.city(loaders).load(outlet.cityId);
  }

  @ResolveField(() => District)
  district(@Parent() outlet: Outlet, @Loaders() loaders: LoaderRegistry): Promise<District | null> {
    return this.catalog.district(loaders).load(outlet.districtId);
  }

  @ResolveField(() => SellThrough, {
    description:
      'Units sold here ÷ units delivered of the products ever placed here (no stock is tracked per outlet).',
  })
  async sellThrough(
    @Parent() outlet: Outlet,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<SellThrough> {
    const [sold, projectIds] = await Promise.all([
      this.retail.unitsSoldAtOutlet(loaders).load(outlet.id),
      this.retail.placedProjectsOfOutlet(loaders).load(outlet.id),
    ]);
    const delivered = await this.retail.unitsDelivered(loaders).loadMany(projectIds);
    const total = delivered.reduce<number>(
      (sum, units) => sum + (typeof units === 'number' ? units : 0),
      0,
    );
    return sellThrough(sold, total);
  }
}
