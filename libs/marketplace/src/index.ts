export { MarketplaceErrorCode, MarketplaceException } from './marketplace.exception';
export { MarketplaceModule, MarketplaceWorkerModule } from './marketplace.module';
export { EnterMarketJob, EnterMarketJobData, enterMarketEvent } from './project/enter-market.job';
export { MarketplaceLoaders } from './marketplace.loaders';
export {
  DeliveredUnitsModule,
  DeliveredUnitsReader,
  ProjectDelivery,
} from './production/delivered-units.reader';
export { MarketplaceIndicatorsModule } from './indicators/marketplace-indicators.module';
export { ProjectCategory } from './project/project-category.enum';
export { Project } from './project/project.entity';
export {
  allowedNextStates,
  canTransition,
  PROJECT_TRANSITIONS,
  ProjectState,
} from './project/project-state';
export { Bid } from './bid/bid.entity';
export { BidState } from './bid/bid-state.enum';
export { ProductionOrder } from './production/production-order.entity';
export { ProductionStage } from './production/production-stage.enum';
export { ProductionService } from './production/production.service';
export { ProjectService } from './project/project.service';
export { MarketplaceMatchingModule } from './matching/marketplace-matching.module';
