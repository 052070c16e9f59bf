import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { Connection, ConnectionArgs, paginate } from '@cc/graphql';
import { City } from './city/city.entity';
import { District } from './city/district.entity';
import { CulturalResource } from './cultural-resource/cultural-resource.entity';
import { CulturalResourceFilterInput } from './cultural-resource/dto/cultural-resource-filter.input';

@Injectable()
export class CatalogService {
  constructor(
    @InjectRepository(City) private readonly cities: Repository<City>,
    @InjectRepository(District) private readonly districts: Repository<District>,
    @InjectRepository(CulturalResource) private readonly resources: Repository<CulturalResource>,
  ) {}

  listCities(args: ConnectionArgs): Promise<Connection<City>> {
    return paginate(this.cities.createQueryBuilder('city'), args, {
      column: 'city.name',
      direction: 'ASC',
      valueOf: (city) => city.name,
    });
  }

  listCulturalResources(
    filter: CulturalResourceFilterInput,
    args: ConnectionArgs,
  ): Promise<Connection<CulturalResource>> {
    const query = this.resources.createQueryBuilder('resource');
    if (filter.cityId) query.andWhere('resource.city_id = :cityId', { cityId: filter.cityId });
    if (filter.districtId)
      query.andWhere('resource.district_id = :districtId', { districtId: filter.districtId });
    if (filter.kind) query.andWhere('resource.kind = :kind', { kind: filter.kind });
    return paginate(query, args, {
      column: 'resource.name',
      direction: 'ASC',
      valueOf: (resource) => resource.name,
    });
  }

  citiesByIds(ids: readonly string[]): Promise<City[]> {
    return this.cities.findBy({ id: In([...ids]) });
  }

  culturalResourcesByIds(ids: readonly string[]): Promise<CulturalResource[]> {
    return ids.length ? this.resources.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  districtsByIds(ids: readonly string[]): Promise<District[]> {
    return this.districts.findBy({ id: In([...ids]) });
  }
}
