import {
  Args,
  Float,
  ID,
  Int,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import { Authenticated, CurrentViewer, Role, Roles, Viewer } from '@cc/auth';
import { LoaderRegistry, Loaders, ParseIdPipe } from '@cc/graphql';
import { IdentityLoaders, Organization } from '@cc/identity';
import { Outlet } from '../outlet/outlet.entity';
import { Product } from '../product/product.entity';
import { RetailAccess } from '../retail-access';
import { RetailLoaders } from '../retail.loaders';
import {
  MakersTermsInput,
  OfferPlacementInput,
  PlacementsArgs,
  RequestPlacementInput,
} from './dto/placement.inputs';
import { PlacementConnection } from './placement.connection';
import { Placement } from './placement.entity';
import { PlacementAction, placementActionsFor } from './placement-state';
import { PlacementService } from './placement.service';

const placementId = () => Args('id', { type: () => ID }, ParseIdPipe);
const reason = () =>
  Args('reason', { type: () => String, nullable: true, description: 'Shown to the other side.' });

@Resolver(() => Placement)
export class PlacementResolver {
  constructor(
    private readonly placementService: PlacementService,
    private readonly retail: RetailLoaders,
    private readonly identity: IdentityLoaders,
    private readonly access: RetailAccess,
  ) {}

  @Roles(Role.TALENT)
  @Mutation(() => Placement, {
    description: 'Offer your product to an outlet; the retailer accepts or declines.',
  })
  offerPlacement(
    @Args('input') input: OfferPlacementInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Placement> {
    return this.placementService.offer(viewer, input);
  }

  @Roles(Role.RETAILER)
  @Mutation(() => Placement, {
    description:
      "Ask for a product at one of your outlets; the product's makers accept or decline.",
  })
  requestPlacement(
    @Args('input') input: RequestPlacementInput,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Placement> {
    return this.placementService.request(viewer, input);
  }

  @Roles(Role.TALENT, Role.RETAILER)
  @Mutation(() => Placement, {
    description:
      'Accept a proposal made by the other side. Makers accepting a request may set their royalty split (equal shares by default) and a heritage royalty.',
  })
  acceptPlacement(
    @placementId() id: string,
    @CurrentViewer() viewer: Viewer,
    @Args('input', { type: () => MakersTermsInput, nullable: true }) input?: MakersTermsInput,
  ): Promise<Placement> {
    return this.placementService.accept(viewer, id, input ?? {});
  }

  @Roles(Role.TALENT, Role.RETAILER)
  @Mutation(() => Placement, { description: 'Decline a proposal made by the other side.' })
  declinePlacement(
    @placementId() id: string,
    @CurrentViewer() viewer: Viewer,
    @reason() why?: string,
  ): Promise<Placement> {
    return this.placementService.decline(viewer, id, why);
  }

  @Roles(Role.TALENT, Role.RETAILER)
  @Mutation(() => Placement, { description: 'Take back your own proposal before it is answered.' })
  withdrawPlacement(
    @placementId() id: string,
    @CurrentViewer() viewer: Viewer,
  ): Promise<Placement> {
    return this.placementService.withdraw(viewer, id);
  }

  @Roles(Role.TALENT, Role.RETAILER)
  @Mutation(() => Placement, { description: 'End an active placement (either side).' })
  endPlacement(
    @placementId() id: string,
    @CurrentViewer() viewer: Viewer,
    @reason() why?: string,
  ): Promise<Placement> {
    return this.placementService.end(viewer, id, why);
  }

  @Authenticated()
  @Query(() => Placement, { description: "For the product's makers and the outlet's retailer." })
  async placement(@placementId() id: string, @CurrentViewer() viewer: Viewer): Promise<Placement> {
    return (await this.placementService.getForParty(viewer, id)).placement;
  }

  @Authenticated()
  @Query(() => PlacementConnection, {
    description: 'Placements of a product you make, or of an outlet or organization of yours.',
  })
  placements(@Args() args: PlacementsArgs, @CurrentViewer() viewer: Viewer) {
    return this.placementService.list(viewer, args);
  }

  @ResolveField(() => [PlacementAction], { description: 'What the viewer may do with it now.' })
  async viewerActions(
    @Parent() placement: Placement,
    @CurrentViewer({ optional: true }) viewer: Viewer | undefined,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<PlacementAction[]> {
    if (!viewer) return [];
    const product = await this.retail.product(loaders).load(placement.productId);
    if (!product) return [];
    const sides = await this.access.viewerSidesOf(loaders, viewer, placement, product);
    const actions = new Set<PlacementAction>();
    for (const side of sides) {
      for (const action of placementActionsFor(placement.state, side, placement.initiatedBy)) {
        actions.add(action);
      }
    }
    return [...actions];
  }

  @ResolveField(() => Product)
  product(@Parent() placement: Placement, @Loaders() loaders: LoaderRegistry) {
    return this.retail.product(loaders).load(placement.productId);
  }

  @ResolveField(() => Outlet)
  outlet(@Parent() placement: Placement, @Loaders() loaders: LoaderRegistry) {
    return this.retail.outlet(loaders).load(placement.outletId);
  }

  @ResolveField(() => Organization, { nullable: true })
  heritageOwner(
    @Parent() placement: Placement,
    @Loaders() loaders: LoaderRegistry,
  ): Promise<Organization | null> | null {
    return placement.heritageOwnerOrganizationId
      ? this.identity.organization(loaders).load(placement.heritageOwnerOrganizationId)
      : null;
  }

  @ResolveField(() => Int, { description: 'Units sold under this placement.' })
  async unitsSold(@Parent() placement: Placement, @Loaders() loaders: LoaderRegistry) {
    return (await this.retail.salesOfPlacement(loaders).load(placement.id)).units;
  }

  @ResolveField(() => Float, { description: 'Sales under this placement, in whole fen.' })
  async salesTotalFen(@Parent() placement: Placement, @Loaders() loaders: LoaderRegistry) {
    return (await this.retail.salesOfPlacement(loaders).load(placement.id)).amountFen;
  }
}
