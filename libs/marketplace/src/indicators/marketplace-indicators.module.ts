import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DisciplineReaderModule } from '@cc/identity';
import { ImpactModule } from '@cc/impact';
import { Project } from '../project/project.entity';
import {
  ContributionProjectLoader,
  ContributionProjectResolver,
} from './contribution-project.resolver';
import { MarketplaceIndicatorSource } from './marketplace-indicator.source';
import { MyImpactResolver } from './my-impact.resolver';
import { MyImpactService } from './my-impact.service';

/**
 * The marketplace's side of the coupling metrics: its `PlatformIndicatorSource` (found by the
 * impact module's registry at start-up), the `project` of a contribution and the talents'
 * `myImpact`. Imported by `MarketplaceModule` (the API) and by the worker, which computes the
 * snapshots and must therefore see the source too.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Project]), ImpactModule, DisciplineReaderModule],
  providers: [
    MarketplaceIndicatorSource,
    ContributionProjectLoader,
    ContributionProjectResolver,
    MyImpactService,
    MyImpactResolver,
  ],
})
export class MarketplaceIndicatorsModule {}
