import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Role, Roles, Viewer } from '@cc/auth';
import { Connection, ParseIdPipe } from '@cc/graphql';
import { MatchQueryService } from './match-query.service';
import {
  ManufacturerMatch,
  ManufacturerMatchConnection,
  MatchExplanation,
  RecommendedManufacturersArgs,
  RecommendedOutletsArgs,
  RecommendedProductsArgs,
  OutletMatch,
  OutletMatchConnection,
  ProductMatch,
  ProductMatchConnection,
  ProjectMatch,
  ProjectMatchConnection,
  RecommendedProjectsArgs,
  SuggestedTeammatesArgs,
  TeammateSuggestion,
} from './match.types';

@Resolver()
export class MatchingResolver {
  constructor(private readonly matches: MatchQueryService) {}

  @Authenticated()
  @Query(() => ManufacturerMatchConnection, {
    description:
      "Manufacturers ranked for a project open for bids, best first, each with its score's components and reasons. For the project's owners.",
  })
  recommendedManufacturers(
    @Args() args: RecommendedManufacturersArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Connection<ManufacturerMatch>> {
    return this.matches.manufacturersFor(viewer, args.projectId, args.first, args.after);
  }

  @Roles(Role.MANUFACTURER)
  @Query(() => ProjectMatchConnection, {
    description:
      "A manufacturer's feed: projects open for bids ranked on the same score seen from its side. For the organization's members.",
  })
  recommendedProjects(
    @Args() args: RecommendedProjectsArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Connection<ProjectMatch>> {
    return this.matches.projectsFor(viewer, args.organizationId, args.first, args.after);
  }

  @Authenticated()
  @Query(() => OutletMatchConnection, {
    description:
      "Outlets of the product's city ranked for it, best first (another city's are excluded: OTHER_CITY). For the product's makers.",
  })
  recommendedOutlets(
    @Args() args: RecommendedOutletsArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Connection<OutletMatch>> {
    return this.matches.outletsFor(viewer, args.productId, args.first, args.after);
  }

  @Roles(Role.RETAILER)
  @Query(() => ProductMatchConnection, {
    description:
      "Products of the outlet's city ranked for it, best first. For the outlet's organization.",
  })
  recommendedProducts(
    @Args() args: RecommendedProductsArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Connection<ProductMatch>> {
    return this.matches.productsFor(viewer, args.outletId, args.first, args.after);
  }

  @Roles(Role.TALENT)
  @Query(() => [TeammateSuggestion], {
    description:
      "Talents whose disciplines complement a team's (give teamId) or a project's owners' (give projectId). Invite one to add them.",
  })
  suggestedTeammates(
    @Args() args: SuggestedTeammatesArgs,
    @CurrentViewer() viewer: Viewer,
  ): Promise<TeammateSuggestion[]> {
    return this.matches.teammatesFor(viewer, args, args.first);
  }

  @Authenticated()
  @Query(() => MatchExplanation, {
    description:
      'The score of any pair, computed now: a project and a manufacturer organization, a product and an outlet, or a project or team and a talent (user). Either order. Excluded pairs say why.',
  })
  explainMatch(
    @Args('a', { type: () => ID }, ParseIdPipe) a: string,
    @Args('b', { type: () => ID }, ParseIdPipe) b: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<MatchExplanation> {
    return this.matches.explain(viewer, a, b);
  }
}
