import { Module } from '@nestjs/common';
import { CatalogModule } from '@cc/catalog';
import { MarketplaceMatchingSource } from './marketplace-matching.source';

/** The marketplace's matching source, for the worker (which does not import MarketplaceModule). */
@Module({ imports: [CatalogModule], providers: [MarketplaceMatchingSource] })
export class MarketplaceMatchingModule {}
