import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogLoaders } from './catalog.loaders';
import { CatalogService } from './catalog.service';
import { City } from './city/city.entity';
import { CityResolver } from './city/city.resolver';
import { CityService } from './city/city.service';
import { District } from './city/district.entity';
import { DistrictResolver } from './city/district.resolver';
import { CulturalResource } from './cultural-resource/cultural-resource.entity';
import { CulturalResourceResolver } from './cultural-resource/cultural-resource.resolver';
import { CulturalResourceService } from './cultural-resource/cultural-resource.service';

@Module({
  imports: [TypeOrmModule.forFeature([City, District, CulturalResource])],
  providers: [
    CatalogService,
    CatalogLoaders,
    CityService,
    CulturalResourceService,
    CityResolver,
    DistrictResolver,
    CulturalResourceResolver,
  ],
  exports: [CatalogService, CatalogLoaders],
})
export class CatalogModule {}
