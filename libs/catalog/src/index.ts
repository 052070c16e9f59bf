export { CatalogErrorCode, CatalogException } from './catalog.exception';
export { CatalogLoaders } from './catalog.loaders';
export { CatalogModule } from './catalog.module';
export { CatalogService } from './catalog.service';
export { City } from './city/city.entity';
export { District } from './city/district.entity';
export { CulturalResourceKind } from './cultural-resource/cultural-resource-kind.enum';
export { CulturalResource } from './cultural-resource/cultural-resource.entity';
