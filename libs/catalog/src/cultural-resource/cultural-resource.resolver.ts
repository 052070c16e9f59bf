import { Args, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public } from '@cc/auth';
import { ConnectionArgs, LoaderRegistry, Loaders } from '@cc/graphql';
import { CatalogLoaders } from '../catalog.loaders';
import { CatalogService } from '../catalog.service';
import { City } from '../city/city.entity';
import { District } from '../city/district.entity';
import { CityConnection, CulturalResourceConnection } from './cultural-resource.connection';
import { CulturalResource } from './cultural-resource.entity';
import { CulturalResourcesArgs } from './dto/cultural-resources.args';

@Resolver(() => CulturalResource)
export class CulturalResourceResolver {
  constructor(
    private readonly catalog: CatalogService,
    private readonly loaders: CatalogLoaders,
  ) {}

  @Public()
  @Query(() => CityConnection)
  cities(@Args() args: ConnectionArgs) {
    return this.catalog.listCities(args);
  }

  @Public()
  @Query(() => CulturalResourceConnection)
  culturalResources(@Args() { filter, ...page }: CulturalResourcesArgs) {
    return this.catalog.listCulturalResources(filter ?? {}, page);
  }

  @ResolveField(() => City)
  async city(
    @Parent() resource: CulturalResource,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<City | null> {
    return this.loaders.city(loaders).load(resource.cityId);
  }

  @ResolveField(() => District, { nullable: true })
  async district(
    @Parent() resource: CulturalResource,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<District | null> {
    return resource.districtId ? this.loaders.district(loaders).load(resource.districtId) : null;
  }
}
