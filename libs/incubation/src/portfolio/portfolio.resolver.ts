import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Role, Roles, Viewer } from '@cc/auth';
import { ParseIdPipe } from '@cc/graphql';
import { PortfolioArgs } from './dto/portfolio.args';
import { PortfolioConnection } from './portfolio.connection';
import { Portfolio, PortfolioService } from './portfolio.service';
import { IncubatorAggregate } from './portfolio.types';

@Resolver()
export class PortfolioResolver {
  constructor(private readonly portfolioService: PortfolioService) {}

  @Roles(Role.INCUBATOR)
  @Query(() => PortfolioConnection, {
    description:
      'Your incubator’s teams: project states, latest KPIs and trend, milestones, sales, sell-through and coupling contributions. CSV: GET /incubation/portfolio.csv.',
  })
  portfolio(@Args() args: PortfolioArgs, @CurrentViewer() viewer: Viewer): Promise<Portfolio> {
    return this.portfolioService.portfolio(viewer, args);
  }

  @Roles(Role.OFFICIAL, Role.ADMIN)
  @Query(() => [IncubatorAggregate], {
    description: 'Each incubator of a city you are an OFFICIAL for, in aggregate (no team named).',
  })
  incubatorAggregates(
    @Args('cityId', { type: () => ID }, ParseIdPipe) cityId: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<IncubatorAggregate[]> {
    return this.portfolioService.aggregates(viewer, cityId);
  }
}
