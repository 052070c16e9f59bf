import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { byKeys, groupByKeys, LoaderRegistry } from '@cc/graphql';
import { CatalogService } from './catalog.service';
import { City } from './city/city.entity';
import { District } from './city/district.entity';
import { CulturalResource } from './cultural-resource/cultural-resource.entity';

/** Batches catalog look-ups within one request; other domains reuse these for their city fields. */
@Injectable()
export class CatalogLoaders {
  constructor(private readonly catalog: CatalogService) {}

  city(loaders: LoaderRegistry): DataLoader<string, City | null> {
    return loaders.get('catalog.cityById', async (ids: readonly string[]) =>
      byKeys(ids, await this.catalog.citiesByIds(ids), (city) => city.id),
    );
  }

  culturalResource(loaders: LoaderRegistry): DataLoader<string, CulturalResource | null> {
    return loaders.get('catalog.culturalResourceById', async (ids: readonly string[]) =>
      byKeys(ids, await this.catalog.culturalResourcesByIds(ids), (resource) => resource.id),
    );
  }

  district(loaders: LoaderRegistry): DataLoader<string, District | null> {
    return loaders.get('catalog.districtById', async (ids: readonly string[]) =>
      byKeys(ids, await this.catalog.districtsByIds(ids), (district) => district.id),
    );
  }

  /** A city's districts, by name. */
  districtsOfCity(loaders: LoaderRegistry): DataLoader<string, District[]> {
    return loaders.get('catalog.districtsByCityId', async (cityIds: readonly string[]) =>
      groupByKeys(cityIds, await this.catalog.districtsByCityIds(cityIds), (d) => d.cityId),
    );
  }
}
