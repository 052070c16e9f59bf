import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogLoaders } from './catalog.loaders';
import { CatalogService } from './catalog.service';
import { City } from './city/city.entity';
import { District } from './city/district.entity';
import { CulturalResource } from './cultural-resource/cultural-resource.entity';
import { CulturalResourceResolver } from './cultural-resource/cultural-resource.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([City, District, CulturalResource])],
  providers: [CatalogService, CatalogLoaders, CulturalResourceResolver],
  exports: [CatalogService, CatalogLoaders],
})
export class CatalogModule {}
