import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { Public, Role, Roles } from '@cc/auth';
import { ConnectionArgs, LoaderRegistry, Loaders, ParseIdPipe } from '@cc/graphql';
import { CatalogLoaders } from '../catalog.loaders';
import { CityConnection } from './city.connection';
import { City } from './city.entity';
import { CityService } from './city.service';
import { District } from './district.entity';
import { CreateCityInput, UpdateCityInput } from './dto/city.input';

@Resolver(() => City)
export class CityResolver {
  constructor(
    private readonly cityService: CityService,
    private readonly loaders: CatalogLoaders,
  ) {}

  @Public()
  @Query(() => CityConnection, { description: 'Every city, by name.' })
  cities(@Args() args: ConnectionArgs) {
    return this.cityService.list(args);
  }

  @Public()
  @Query(() => City)
  city(@Args('id', { type: () => ID }, ParseIdPipe) id: string): Promise<City> {
    return this.cityService.get(id);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => City, { description: 'Add a city. The code must be unique.' })
  createCity(@Args('input') input: CreateCityInput): Promise<City> {
    return this.cityService.create(input);
  }

  @Roles(Role.ADMIN)
  @Mutation(() => City)
  updateCity(
    @Args('id', { type: () => ID }, ParseIdPipe) id: string,
    @Args('input') input: UpdateCityInput,
  ): Promise<City> {
    return this.cityService.update(id, input);
  }

  @ResolveField(() => [District], { description: 'By name.' })
  districts(@Parent() city: City, @Loaders() loaders: LoaderRegistry): Promise<District[]> {
    // Their `city` is this one: primed, so `districts { city }` asks for no city again.
    this.loaders.city(loaders).prime(city.id, city);
    return this.loaders.districtsOfCity(loaders).load(city.id);
  }
}
