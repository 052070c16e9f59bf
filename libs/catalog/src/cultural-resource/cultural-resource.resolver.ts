import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public, Role, Roles } from '@cc/auth';
import { LoaderRegistry, Loaders, ParseIdPipe } from '@cc/graphql';
import { CatalogLoaders } from '../catalog.loaders';
import { City } from '../city/city.entity';
import { District } from '../city/district.entity';
import { CulturalResourceConnection } from './cultural-resource.connection';
import { CulturalResource } from './cultural-resource.entity';
import { CulturalResourceService } from './cultural-resource.service';
import {
  CreateCulturalResourceInput,
  UpdateCulturalResourceInput,
} from './dto/cultural-resource.input';
import { CulturalResourcesArgs } from './dto/cultural-resources.args';

@Resolver(() => CulturalResource)
export class CulturalResourceResolver {
  constructor(
    private readonly resourceService: CulturalResourceService,
    private readonly loaders: CatalogLoaders,
  ) {}

  @Public()
  @Query(() => CulturalResourceConnection, {
    description: 'The catalogue, filtered by city, district, kind and text search.',
  })
  culturalResources(@Args() { filter, orderBy, ...page }: CulturalResourcesArgs) {
    return this.resourceService.list(filter ?? {}, page, orderBy);
  }

  @Public()
  @Query(() => CulturalResource)
  culturalResource(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
  ): Promise<CulturalResource> {
    return this.resourceService.get(id);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CulturalResource, {
    description: 'Add a resource to a city (and optionally one of its districts).',
  })
  createCulturalResource(
    @Args('input') input: CreateCulturalResourceInput,
  ): Promise<CulturalResource> {
    return this.resourceService.create(input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => CulturalResource)
  updateCulturalResource(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('input') input: UpdateCulturalResourceInput,
  ): Promise<CulturalResource> {
    return this.resourceService.update(id, input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => ID, {
    description: 'Delete a resource no project links (else CONFLICT); returns its id.',
  })
  deleteCulturalResource(@Args('id', { type: () => ID }, ParseIdPipe) id: string): Promise<string> {
    return this.resourceService.delete(id);
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
