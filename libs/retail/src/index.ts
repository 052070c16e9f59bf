export { RetailErrorCode, RetailException } from './retail.exception';
export { RETAIL_ENTITIES, RetailModule, RetailWorkerModule } from './retail.module';
export { Outlet } from './outlet/outlet.entity';
export { OutletType } from './outlet/outlet-type.enum';
export { Placement } from './placement/placement.entity';
export { PlacementSide, PlacementState } from './placement/placement-state';
export { PlacementTermsType } from './placement/placement-terms.enum';
export { Product } from './product/product.entity';
export { Sale } from './sale/sale.entity';
export { SalesImport } from './sales-import/sales-import.entity';
export { SalesImportStatus } from './sales-import/sales-import-status.enum';
export {
  ProcessSalesImportJob,
  ProcessSalesImportJobData,
} from './sales-import/process-sales-import.job';
export { RetailIndicatorSource } from './indicators/retail-indicator.source';
export { RetailFactsService } from './indicators/retail-facts.service';
export { RETAIL_INDICATORS } from './indicators/retail-indicator.rows';
export { ProjectPlacements, ProjectSales, ProjectSalesReader } from './sale/project-sales.reader';
export { RetailMatchingModule } from './matching/retail-matching.module';
