import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CatalogModule } from '@cc/catalog';
import { IdentityModule } from '@cc/identity';
import { BidAccess } from './bid/bid-access';
import { BidAwardService } from './bid/bid-award.service';
import { BidQueryService } from './bid/bid-query.service';
import { BidRevision } from './bid/bid-revision.entity';
import { Bid } from './bid/bid.entity';
import { BidResolver } from './bid/bid.resolver';
import { BidService } from './bid/bid.service';
import { ProjectBidsResolver } from './bid/project-bids.resolver';
import { MarketplaceEvents } from './marketplace-events';
import { ProductionMilestone } from './production/production-milestone.entity';
import { ProductionOrder } from './production/production-order.entity';
import { ProductionResolver } from './production/production.resolver';
import { ProductionService } from './production/production.service';
import { Project } from './project/project.entity';
import { ProjectOwnerResolver } from './project/project-owner.resolver';
import { ProjectResolver } from './project/project.resolver';
import { ProjectService } from './project/project.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Project, Bid, BidRevision, ProductionOrder, ProductionMilestone]),
    CatalogModule,
    IdentityModule,
  ],
  providers: [
    MarketplaceEvents,
    ProjectService,
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
  ],
  exports: [ProjectService, ProductionService],
})
export class MarketplaceModule {}
