import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public, Role, Roles } from '@cc/auth';
import { LoaderRegistry, Loaders, ParseIdPipe } from '@cc/graphql';
import { CatalogLoaders } from '../catalog.loaders';
import { City } from './city.entity';
import { CityService } from './city.service';
import { District } from './district.entity';
import { CreateDistrictInput, UpdateDistrictInput } from './dto/district.input';

@Resolver(() => District)
export class DistrictResolver {
  constructor(
    private readonly cityService: CityService,
    private readonly loaders: CatalogLoaders,
  ) {}

  @Public()
  @Query(() => [District], { description: "A city's districts, by name." })
  districts(@Args('cityId', { type: () => ID }, ParseIdPipe) cityId: string): Promise<District[]> {
    return this.cityService.districtsOf(cityId);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => District, { description: 'Add a district; its name is unique in the city.' })
  createDistrict(@Args('input') input: CreateDistrictInput): Promise<District> {
    return this.cityService.createDistrict(input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => District)
  updateDistrict(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('input') input: UpdateDistrictInput,
  ): Promise<District> {
    return this.cityService.updateDistrict(id, input);
  }

  @ResolveField(() => City)
  async city(@Parent() district: District, @Loaders() loaders: LoaderRegistry): Promise<City> {
    const city = await this.loaders.city(loaders).load(district.cityId);
    if (!city) throw new Error(`district ${district.id} has no city ${district.cityId}`);
    return city;
  }
}
