import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@cc/catalog';
import { IdentityModule } from '@cc/identity';
import { MarketplaceModule } from '@cc/marketplace';
import { OutletResolver } from './outlet/outlet.resolver';
import { Outlet } from './outlet/outlet.entity';
import { OutletService } from './outlet/outlet.service';
import { PlacementResolver } from './placement/placement.resolver';
import { Placement } from './placement/placement.entity';
import { PlacementService } from './placement/placement.service';
import { ProductResolver } from './product/product.resolver';
import { Product } from './product/product.entity';
import { ProductService } from './product/product.service';
import { RetailAccess } from './retail-access';
import { RetailLoaders } from './retail.loaders';
import { SaleResolver } from './sale/sale.resolver';
import { Sale } from './sale/sale.entity';
import { SaleService } from './sale/sale.service';
import { SettlementResolver } from './settlement/settlement.resolver';
import { SettlementService } from './settlement/settlement.service';

export const RETAIL_ENTITIES = [Product, Outlet, Placement, Sale];

/**
 * The marketing end of the chain: products made from delivered projects, retailers' outlets,
 * placements (wholesale or consignment), sales one by one or in bulk, and settlements.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(RETAIL_ENTITIES),
    CatalogModule,
    IdentityModule,
    MarketplaceModule,
  ],
  providers: [
    RetailAccess,
    RetailLoaders,
    ProductService,
    ProductResolver,
    OutletService,
    OutletResolver,
    PlacementService,
    PlacementResolver,
    SaleService,
    SaleResolver,
    SettlementService,
    SettlementResolver,
  ],
})
export class RetailModule {}
