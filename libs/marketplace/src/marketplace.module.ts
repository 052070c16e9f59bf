import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@cc/catalog';
import { IdentityModule } from '@cc/identity';
import { NotificationModule } from '@cc/notification';
import { BidAccess } from './bid/bid-access';
import { BidAwardService } from './bid/bid-award.service';
import { BidQueryService } from './bid/bid-query.service';
import { BidRevision } from './bid/bid-revision.entity';
import { Bid } from './bid/bid.entity';
import { BidResolver } from './bid/bid.resolver';
import { BidService } from './bid/bid.service';
import { ProjectBidsResolver } from './bid/project-bids.resolver';
import { MarketplaceIndicatorsModule } from './indicators/marketplace-indicators.module';
import { MarketplaceEvents } from './marketplace-events';
import { MarketplaceNotifier } from './marketplace-notifier';
import { MarketplaceLoaders } from './marketplace.loaders';
import { ProductionMilestone } from './production/production-milestone.entity';
import { ProductionOrder } from './production/production-order.entity';
import { ProductionResolver } from './production/production.resolver';
import { ProductionService } from './production/production.service';
import { Project } from './project/project.entity';
import { ProjectCulturalResource } from './project/project-cultural-resource.entity';
import { ManufacturerRecord } from './review/manufacturer-record.entity';
import { ManufacturerRecords } from './review/manufacturer-record.repository';
import { Review } from './review/review.entity';
import { ReviewResolver } from './review/review.resolver';
import { ReviewService } from './review/review.service';
import { ProjectOwnerResolver } from './project/project-owner.resolver';
import { ProjectResolver } from './project/project.resolver';
import { ProjectService } from './project/project.service';
import { ProjectMatchResolver } from './matching/project-match.resolver';
import { ProjectCancellationService } from './project/project-cancellation.service';
import { EnterMarketJob } from './project/enter-market.job';

@Module({
  imports: [
    TypeOrmModule.forFeature([
      Project,
      ProjectCulturalResource,
      Bid,
      BidRevision,
      ProductionOrder,
      ProductionMilestone,
      Review,
      ManufacturerRecord,
    ]),
    CatalogModule,
    IdentityModule,
    NotificationModule,
    MarketplaceIndicatorsModule,
  ],
  providers: [
    MarketplaceEvents,
    MarketplaceNotifier,
    ProjectService,
    ProjectCancellationService,
    ProjectResolver,
    ProjectOwnerResolver,
    BidService,
    BidAwardService,
    BidQueryService,
    BidAccess,
    BidResolver,
    ProjectBidsResolver,
    ProductionService,
    ProductionResolver,
    ReviewService,
    ReviewResolver,
    ManufacturerRecords,
    ProjectMatchResolver,
    MarketplaceLoaders,
  ],
  exports: [ProjectService, ProductionService, MarketplaceLoaders],
})
export class MarketplaceModule {}

/** What the worker runs of the marketplace: the project's entry into the market. */
@Module({ providers: [EnterMarketJob] })
export class MarketplaceWorkerModule {}
