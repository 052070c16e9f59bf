import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Connection, ConnectionArgs, paginate } from '@cc/graphql';
import { CatalogException } from '../catalog.exception';
import { isUniqueViolation } from '@cc/database';
import { definedOnly } from '../common/present';
import { City } from './city.entity';
import { District } from './district.entity';
import { CreateCityInput, UpdateCityInput } from './dto/city.input';
import { CreateDistrictInput, UpdateDistrictInput } from './dto/district.input';

/** Cities and their districts: reads for everyone, changes for ADMIN (checked by the resolvers). */
@Injectable()
export class CityService {
  constructor(
    @InjectRepository(City) private readonly cities: Repository<City>,
    @InjectRepository(District) private readonly districts: Repository<District>,
  ) {}

  list(args: ConnectionArgs): Promise<Connection<City>> {
    return paginate(this.cities.createQueryBuilder('city'), args, {
      column: 'city.name',
      direction: 'ASC',
      valueOf: (city) => city.name,
    });
  }

  async get(id: string): Promise<City> {
    const city = await this.cities.findOneBy({ id });
    if (!city) throw CatalogException.cityNotFound(id);
    return city;
  }

  async create(input: CreateCityInput): Promise<City> {
    const { id } = await this.saveCity(this.cities.create(input));
    return this.get(id);
  }

  async update(id: string, input: UpdateCityInput): Promise<City> {
    const city = await this.get(id);
    await this.saveCity(this.cities.merge(city, definedOnly(input)));
    return this.get(id);
  }

  /** The city's districts by name; an unknown city is NOT_FOUND rather than an empty list. */
  async districtsOf(cityId: string): Promise<District[]> {
    await this.get(cityId);
    return this.districts.find({ where: { cityId }, order: { name: 'ASC' } });
  }

  async getDistrict(id: string): Promise<District> {
    const district = await this.districts.findOneBy({ id });
    if (!district) throw CatalogException.districtNotFound(id);
    return district;
  }

  async createDistrict(input: CreateDistrictInput): Promise<District> {
    if (!(await this.cities.existsBy({ id: input.cityId }))) {
      throw CatalogException.unknownCity(input.cityId, 'cityId');
    }
    const { id } = await this.saveDistrict(this.districts.create(input));
    return this.getDistrict(id);
  }

  async updateDistrict(id: string, input: UpdateDistrictInput): Promise<District> {
    const district = await this.getDistrict(id);
    await this.saveDistrict(this.districts.merge(district, definedOnly(input)));
    return this.getDistrict(id);
  }

  /** The unique index on `code` decides, so two concurrent creates cannot both win. */
  private async saveCity(city: City): Promise<City> {
    try {
      return await this.cities.save(city);
    } catch (error) {
      if (isUniqueViolation(error)) throw CatalogException.cityCodeTaken(city.code);
      throw error;
    }
  }

  /** The unique index on (city_id, name) decides. */
  private async saveDistrict(district: District): Promise<District> {
    try {
      return await this.districts.save(district);
    } catch (error) {
      if (isUniqueViolation(error)) throw CatalogException.districtNameTaken(district.name);
      throw error;
    }
  }
}
