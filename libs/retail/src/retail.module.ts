import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CatalogModule } from '@cc/catalog';
import { IdentityAudienceModule, IdentityModule } from '@cc/identity';
import { NotificationModule } from '@cc/notification';
import { DeliveredUnitsModule, MarketplaceModule } from '@cc/marketplace';
import { OutletResolver } from './outlet/outlet.resolver';
import { Outlet } from './outlet/outlet.entity';
import { OutletService } from './outlet/outlet.service';
import { PlacementResolver } from './placement/placement.resolver';
import { PlacementClosingService } from './placement/placement-closing.service';
import { ProjectClosingResolver } from './placement/project-closing.resolver';
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
import { SalePlausibility } from './sale/sale-plausibility';
import { ProjectSalesReader } from './sale/project-sales.reader';
import { RetailFactsService } from './indicators/retail-facts.service';
import { RetailIndicatorSource } from './indicators/retail-indicator.source';
import { ProcessSalesImportJob } from './sales-import/process-sales-import.job';
import { SalesImportChunk } from './sales-import/sales-import-chunk.entity';
import { SalesImportError } from './sales-import/sales-import-error.entity';
import { SalesImportUploadGuard } from './sales-import/sales-import-upload.guard';
import { SalesImportController } from './sales-import/sales-import.controller';
import { SalesImport } from './sales-import/sales-import.entity';
import { SalesImportProcessor } from './sales-import/sales-import.processor';
import {
  SalesImportErrorResolver,
  SalesImportResolver,
} from './sales-import/sales-import.resolver';
import { SalesImportService } from './sales-import/sales-import.service';
import { MAX_SALES_IMPORT_BYTES, SalesImportStorage } from './sales-import/sales-import.storage';
import { SettlementResolver } from './settlement/settlement.resolver';
import { SettlementService } from './settlement/settlement.service';
import { OutletMatchResolver, ProductMatchResolver } from './matching/match-parties.resolver';
import { SaleAnomaly } from './sale-anomaly/sale-anomaly.entity';
import { SaleAnomalyNoticeJob } from './sale-anomaly/sale-anomaly-notice.job';
import { SaleAnomalyResolver } from './sale-anomaly/sale-anomaly.resolver';
import { SaleAnomalyService } from './sale-anomaly/sale-anomaly.service';

export const RETAIL_ENTITIES = [
  Product,
  Outlet,
  Placement,
  Sale,
  SaleAnomaly,
  SalesImport,
  SalesImportError,
  SalesImportChunk,
];

/**
 * What the worker runs: the sales import job and the held-sale notices. Needs only the database and the queue, so the
 * worker, which has no auth or GraphQL, imports this rather than `RetailModule`.
 * It also provides `RetailIndicatorSource`, retail's platform indicators, so the worker's
 * coupling recompute (and the API's what-if) find it.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(RETAIL_ENTITIES),
    CatalogModule,
    DeliveredUnitsModule,
    NotificationModule,
    IdentityAudienceModule,
  ],
  providers: [
    SaleAnomalyNoticeJob,
    SalesImportProcessor,
    ProcessSalesImportJob,
    RetailIndicatorSource,
    RetailFactsService,
    ProjectSalesReader,
    SalePlausibility,
  ],
  exports: [SalesImportProcessor, ProjectSalesReader, RetailFactsService, SalePlausibility],
})
export class RetailWorkerModule {}

/**
 * The marketing end of the chain: products made from delivered projects, retailers' outlets,
 * placements (wholesale or consignment), sales one by one or in bulk, and settlements.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(RETAIL_ENTITIES),
    RetailWorkerModule,
    // Uploads stream straight into PostgreSQL (see SalesImportStorage), one file per request.
    MulterModule.registerAsync({
      inject: [DataSource],
      useFactory: (db: DataSource) => ({
        storage: new SalesImportStorage(db),
        limits: { files: 1, fileSize: MAX_SALES_IMPORT_BYTES, fields: 10 },
        // browsers send the file name as raw UTF-8; busboy would read it as Latin-1
        defParamCharset: 'utf8',
      }),
    }),
    CatalogModule,
    IdentityModule,
    MarketplaceModule,
  ],
  controllers: [SalesImportController],
  providers: [
    RetailAccess,
    RetailLoaders,
    ProductService,
    ProductResolver,
    OutletService,
    OutletResolver,
    PlacementService,
    PlacementResolver,
    PlacementClosingService,
    ProjectClosingResolver,
    SaleService,
    SaleResolver,
    SaleAnomalyService,
    SaleAnomalyResolver,
    SettlementService,
    SettlementResolver,
    SalesImportService,
    SalesImportResolver,
    SalesImportErrorResolver,
    SalesImportUploadGuard,
    OutletMatchResolver,
    ProductMatchResolver,
  ],
})
export class RetailModule {}
