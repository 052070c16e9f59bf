import { Injectable } from '@nestjs/common';
import { CatalogService } from '@cc/catalog';
import { CommonException } from '@cc/graphql';

/** Checks that a city exists and a district lies in it, naming the offending input field. */
@Injectable()
export class LocationValidator {
  constructor(private readonly catalog: CatalogService) {}

  async assertCity(cityId: string, field = 'cityId'): Promise<void> {
    const [city] = await this.catalog.citiesByIds([cityId]);
    if (!city) throw CommonException.validation([{ field, message: `no city has id ${cityId}` }]);
  }

  async assertDistrictIn(districtId: string, cityId: string, field = 'districtId'): Promise<void> {
    const [district] = await this.catalog.districtsByIds([districtId]);
    if (!district || district.cityId !== cityId) {
      throw CommonException.validation([
        { field, message: `district ${districtId} is not in city ${cityId}` },
      ]);
    }
  }
}
