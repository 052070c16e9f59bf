import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { RunQuery } from '@cc/database';
import { City } from './city/city.entity';
import { District } from './city/district.entity';
import { CulturalResource } from './cultural-resource/cultural-resource.entity';

/**
 * Batch reads of the catalog, for the DataLoaders and for other domains that check references
 * (a project's city and resources, an organization's district). Management lives in
 * CityService and CulturalResourceService.
 */
@Injectable()
export class CatalogService {
  constructor(
    @InjectRepository(City) private readonly cities: Repository<City>,
    @InjectRepository(District) private readonly districts: Repository<District>,
    @InjectRepository(CulturalResource) private readonly resources: Repository<CulturalResource>,
  ) {}

  citiesByIds(ids: readonly string[]): Promise<City[]> {
    return ids.length ? this.cities.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /** Cities by their codes (official statistics name cities by code). */
  citiesByCodes(codes: readonly string[]): Promise<City[]> {
    return codes.length ? this.cities.findBy({ code: In([...codes]) }) : Promise.resolve([]);
  }

  culturalResourcesByIds(ids: readonly string[]): Promise<CulturalResource[]> {
    return ids.length ? this.resources.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /**
   * Each resource's city, on the caller's connection when given (see `RunQuery`): retail's facts
   * ask for it inside a sale's transaction. Resources no longer catalogued are absent.
   */
  async citiesOfResources(ids: readonly string[], run?: RunQuery): Promise<Map<string, string>> {
    if (!ids.length) return new Map();
    const sql = `SELECT id::text AS id, city_id::text AS "cityId" FROM cultural_resource
                  WHERE id = ANY($1::uuid[])`;
    const rows = (run ? await run(sql, [ids]) : await this.resources.query(sql, [ids])) as {
      id: string;
      cityId: string;
    }[];
    return new Map(rows.map((row) => [row.id, row.cityId]));
  }

  /** How many cultural resources each of these cities catalogues (cities with none are absent). */
  async culturalResourceCountsByCity(cityIds: readonly string[]): Promise<Map<string, number>> {
    if (!cityIds.length) return new Map();
    const rows: { city_id: string; count: number }[] = await this.resources
      .createQueryBuilder('resource')
      .select('resource.city_id', 'city_id')
      .addSelect('count(*)::int', 'count')
      .where('resource.city_id IN (:...cityIds)', { cityIds: [...cityIds] })
      .groupBy('resource.city_id')
      .getRawMany();
    return new Map(rows.map((row) => [row.city_id, row.count]));
  }

  districtsByIds(ids: readonly string[]): Promise<District[]> {
    return ids.length ? this.districts.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  /** Every district of these cities, by name. */
  districtsByCityIds(cityIds: readonly string[]): Promise<District[]> {
    return cityIds.length
      ? this.districts.find({ where: { cityId: In([...cityIds]) }, order: { name: 'ASC' } })
      : Promise.resolve([]);
  }
}
