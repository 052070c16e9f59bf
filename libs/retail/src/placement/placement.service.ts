import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Viewer } from '@cc/auth';
import { isUniqueViolation } from '@cc/database';
import { Connection, FieldError, LoaderRegistry, paginate } from '@cc/graphql';
import { IdentityLoaders } from '@cc/identity';
import { periodOf } from '@cc/impact';
import { enterMarketEvent, ProjectService, ProjectState } from '@cc/marketplace';
import { OutboxEntry, OutboxWriter, ProjectEventKind, projectEvent } from '@cc/queue';
import { Outlet } from '../outlet/outlet.entity';
import { OutletService } from '../outlet/outlet.service';
import { Product } from '../product/product.entity';
import { ProductService } from '../product/product.service';
import { RetailAccess } from '../retail-access';
import { couplingChange, PLACEMENT_INDICATORS } from '../retail-coupling';
import { RetailErrorCode, RetailException } from '../retail.exception';
import {
  MakersTermsInput,
  OfferPlacementInput,
  PlacementsArgs,
  RequestPlacementInput,
} from './dto/placement.inputs';
import {
  allowedPlacementActions,
  initialPlacementState,
  movePlacement,
  PlacementAction,
  PlacementSide,
  PlacementState,
} from './placement-state';
import {
  commercialTermsErrors,
  equalRoyaltySplit,
  heritageRoyaltyErrors,
  RoyaltyTerms,
  royaltySplitErrors,
} from './placement-terms';
import { PlacementTermsType } from './placement-terms.enum';
import { Placement } from './placement.entity';

export interface PlacementParty {
  placement: Placement;
  product: Product;
  sides: Set<PlacementSide>;
}

@Injectable()
export class PlacementService {
  private readonly logger = new Logger(PlacementService.name);

  constructor(
    @InjectRepository(Placement) private readonly placements: Repository<Placement>,
    private readonly products: ProductService,
    private readonly outlets: OutletService,
    private readonly projects: ProjectService,
    private readonly identity: IdentityLoaders,
    private readonly access: RetailAccess,
    private readonly outbox: OutboxWriter,
  ) {}

  /** The makers offer their product to an outlet, with terms and their royalty split. */
  async offer(viewer: Viewer, input: OfferPlacementInput): Promise<Placement> {
    const product = await this.products.get(input.productId);
    await this.access.assertMaker(viewer, product);
    const outlet = await this.outlets.get(input.outletId);
    const royalty = await this.makersTerms(product, input, commercialTermsErrors(input.terms));
    await this.assertSellable(product);
    return this.insert({
      ...this.commercial(input.terms),
      ...royalty,
      productId: product.id,
      projectId: product.projectId,
      outletId: outlet.id,
      organizationId: outlet.organizationId,
      initiatedBy: PlacementSide.MAKERS,
      state: initialPlacementState(PlacementSide.MAKERS),
      note: input.note ?? '',
      proposedByUserId: viewer.userId,
    });
  }

  /** A retailer asks the makers for their product at one of its outlets. */
  async request(viewer: Viewer, input: RequestPlacementInput): Promise<Placement> {
    const outlet = await this.outlets.get(input.outletId);
    await this.access.assertOutletMember(viewer, outlet);
    const product = await this.products.get(input.productId);
    const errors = commercialTermsErrors(input.terms);
    if (errors.length) throw RetailException.invalidFields(RetailErrorCode.INVALID_TERMS, errors);
    await this.assertSellable(product);
    return this.insert({
      ...this.commercial(input.terms),
      royaltySplit: null,
      heritageOwnerOrganizationId: null,
      heritageRoyaltyBp: 0,
      productId: product.id,
      projectId: product.projectId,
      outletId: outlet.id,
      organizationId: outlet.organizationId,
      initiatedBy: PlacementSide.RETAILER,
      state: initialPlacementState(PlacementSide.RETAILER),
      note: input.note ?? '',
      proposedByUserId: viewer.userId,
    });
  }

  /**
   * The counterpart accepts. Makers accepting a retailer's request set their royalty split (equal
   * shares by default) and any heritage royalty. The first active placement of a product puts
   * its project IN_MARKET.
   */
  async accept(viewer: Viewer, id: string, makersInput: MakersTermsInput = {}): Promise<Placement> {
    const party = await this.getForParty(viewer, id);
    const side = this.actingSide(party, PlacementAction.ACCEPT);
    let royalty: Partial<RoyaltyTerms> = {};
    if (side === PlacementSide.MAKERS) {
      royalty = await this.makersTerms(party.product, makersInput, []);
    } else {
      const given = (
        ['royaltySplit', 'heritageOwnerOrganizationId', 'heritageRoyaltyBp'] as const
      ).filter((field) => makersInput[field] !== undefined);
      if (given.length) {
        throw RetailException.invalidFields(
          RetailErrorCode.INVALID_TERMS,
          given.map((field) => ({
            field,
            message: 'set by the makers, not by the retailer accepting their offer',
          })),
        );
      }
    }
    await this.assertSellable(party.product);
    // The placement and its events (the project's entry into the market among them) commit
    // together; the event is the guarantee, retried by the worker until the project is IN_MARKET.
    const placement = await this.move(
      party,
      PlacementAction.ACCEPT,
      viewer,
      { ...royalty, answeredByUserId: viewer.userId, activatedAt: new Date() },
      async (manager, placement) =>
        this.outbox.addAll(manager, [
          enterMarketEvent({ projectId: placement.projectId, placementId: placement.id }),
          ...(await this.placementEvents(manager, placement, 'placement started')),
          projectEvent({
            kind: ProjectEventKind.PLACEMENT_STARTED,
            projectId: placement.projectId,
            ref: placement.id,
          }),
        ]),
    );
    // Fast path, so the answer already shows the project IN_MARKET; a failure here is repaired
    // by the event above.
    await this.projects.enterMarket(placement.projectId).catch((error: unknown) => {
      this.logger.warn(
        { err: error, projectId: placement.projectId },
        'project did not enter the market at once; its outbox event will retry',
      );
    });
    return placement;
  }

  async decline(viewer: Viewer, id: string, reason?: string): Promise<Placement> {
    const party = await this.getForParty(viewer, id);
    return this.move(party, PlacementAction.DECLINE, viewer, {
      answeredByUserId: viewer.userId,
      ...this.closing(viewer, reason),
    });
  }

  async withdraw(viewer: Viewer, id: string): Promise<Placement> {
    const party = await this.getForParty(viewer, id);
    return this.move(party, PlacementAction.WITHDRAW, viewer, this.closing(viewer));
  }

  /** Either side ends an active placement; sales made while it was active can still be reported. */
  async end(viewer: Viewer, id: string, reason?: string): Promise<Placement> {
    const party = await this.getForParty(viewer, id);
    return this.move(
      party,
      PlacementAction.END,
      viewer,
      this.closing(viewer, reason),
      (manager, p) =>
        this.placementEvents(manager, p, 'placement ended').then((events) =>
          this.outbox.addAll(manager, events),
        ),
    );
  }

  /** Products in market moved for the outlet's city in the current period. */
  private async placementEvents(
    manager: EntityManager,
    placement: Placement,
    reason: string,
  ): Promise<OutboxEntry<unknown>[]> {
    // On the move's own connection: it holds the placement's row lock, and a second pooled
    // connection could wait forever behind concurrent moves that hold the rest of the pool while
    // they wait for that lock (10 accepts of one offer at once hung the api this way).
    const outlet = await manager.findOneByOrFail(Outlet, { id: placement.outletId });
    return couplingChange({
      cityId: outlet.cityId,
      periods: [periodOf(new Date()).key],
      indicators: PLACEMENT_INDICATORS,
      reason,
    });
  }

  /** The placement, for the makers of its product and the members of its retailer only. */
  async getForParty(viewer: Viewer, id: string): Promise<PlacementParty> {
    const placement = await this.placements.findOneBy({ id });
    if (!placement)
      throw RetailException.notFound(RetailErrorCode.PLACEMENT_NOT_FOUND, 'Placement', id);
    const product = await this.products.get(placement.productId);
    const sides = await this.access.sidesOf(viewer, placement, product);
    if (sides.size === 0 && !viewer.isAdmin) {
      throw RetailException.notFound(RetailErrorCode.PLACEMENT_NOT_FOUND, 'Placement', id);
    }
    return { placement, product, sides };
  }

  /** Placements of a product the viewer makes, or of an outlet / organization the viewer is in. */
  async list(viewer: Viewer, { filter, ...page }: PlacementsArgs): Promise<Connection<Placement>> {
    if (!filter.productId && !filter.outletId && !filter.organizationId) {
      throw RetailException.invalid(
        RetailErrorCode.NOT_PLACEMENT_PARTY,
        'filter',
        'name a productId you make, or an outletId or organizationId you belong to',
      );
    }
    const query = this.placements.createQueryBuilder('placement');
    if (filter.productId) {
      await this.access.assertMaker(viewer, await this.products.get(filter.productId));
      query.andWhere('placement.product_id = :productId', { productId: filter.productId });
    }
    if (filter.outletId) {
      await this.access.assertOutletMember(viewer, await this.outlets.get(filter.outletId));
      query.andWhere('placement.outlet_id = :outletId', { outletId: filter.outletId });
    }
    if (filter.organizationId) {
      await this.access.assertOutletMember(viewer, { organizationId: filter.organizationId });
      query.andWhere('placement.organization_id = :organizationId', {
        organizationId: filter.organizationId,
      });
    }
    if (filter.state) query.andWhere('placement.state = :state', { state: filter.state });
    return paginate(query, page, {
      column: 'placement.created_at',
      direction: 'DESC',
      valueOf: (placement) => placement.createdAt.toISOString(),
    });
  }

  private actingSide({ placement, sides }: PlacementParty, action: PlacementAction): PlacementSide {
    let wrongSide: PlacementSide | undefined;
    for (const side of sides) {
      const move = movePlacement(placement.state, action, side, placement.initiatedBy);
      if (move.ok) return side;
      if (move.reason === 'ILLEGAL') throw illegal(placement.state, action);
      wrongSide = move.side;
    }
    throw RetailException.forbidden(
      RetailErrorCode.NOT_PLACEMENT_PARTY,
      `Only the ${wrongSide ?? 'other'} side may ${action.toLowerCase()} this placement; ${
        wrongSide === PlacementSide.RETAILER
          ? "it is for a member of the outlet's organization to answer"
          : "it is for a member of the product's project team to answer"
      }`,
      { action, requiredSide: wrongSide },
    );
  }

  /** Compare-and-set on the state, so two answers at once cannot both win. */
  private async move(
    party: PlacementParty,
    action: PlacementAction,
    viewer: Viewer,
    changes: Partial<Placement>,
    alongside?: (manager: EntityManager, moved: Placement) => Promise<void>,
  ): Promise<Placement> {
    const side = this.actingSide(party, action);
    const move = movePlacement(party.placement.state, action, side, party.placement.initiatedBy);
    if (!move.ok) throw illegal(party.placement.state, action);
    // The move and what it tells other domains (`alongside`) commit together.
    await this.placements.manager.transaction(async (manager) => {
      const result = await manager.update(
        Placement,
        { id: party.placement.id, state: party.placement.state },
        { ...changes, state: move.to },
      );
      if (!result.affected) {
        const current = await manager.findOneByOrFail(Placement, { id: party.placement.id });
        throw illegal(current.state, action);
      }
      if (alongside)
        await alongside(
          manager,
          await manager.findOneByOrFail(Placement, { id: party.placement.id }),
        );
    });
    this.logger.log(
      { placementId: party.placement.id, action, by: viewer.userId },
      'placement moved',
    );
    return this.placements.findOneByOrFail({ id: party.placement.id });
  }

  private closing(viewer: Viewer, reason?: string): Partial<Placement> {
    return {
      closedAt: new Date(),
      closedByUserId: viewer.userId,
      closingReason: reason?.trim() || null,
    };
  }

  private commercial(terms: OfferPlacementInput['terms']): Partial<Placement> {
    return {
      termsType: terms.type,
      wholesaleUnitPriceFen:
        terms.type === PlacementTermsType.WHOLESALE ? (terms.wholesaleUnitPriceFen ?? null) : null,
      consignmentCommissionBp:
        terms.type === PlacementTermsType.CONSIGNMENT
          ? (terms.consignmentCommissionBp ?? null)
          : null,
    };
  }

  /** Validates (or defaults) the makers' royalty split and heritage royalty, with any other errors. */
  private async makersTerms(
    product: Product,
    input: MakersTermsInput,
    otherErrors: FieldError[],
  ): Promise<RoyaltyTerms> {
    const members = await this.access.makerUserIds(product);
    const royaltySplit =
      input.royaltySplit?.map(({ userId, shareBp }) => ({ userId, shareBp })) ??
      equalRoyaltySplit(members);
    const splitErrors = royaltySplitErrors(royaltySplit, members);
    const heritageErrors = heritageRoyaltyErrors(
      input.heritageOwnerOrganizationId,
      input.heritageRoyaltyBp,
    );
    if (!heritageErrors.length && input.heritageOwnerOrganizationId) {
      const owner = await this.identity
        .organization(new LoaderRegistry())
        .load(input.heritageOwnerOrganizationId);
      if (!owner) {
        heritageErrors.push({
          field: 'heritageOwnerOrganizationId',
          message: `Organization ${input.heritageOwnerOrganizationId} does not exist`,
        });
      }
    }
    const errors = [...otherErrors, ...splitErrors, ...heritageErrors];
    if (errors.length) {
      const code = otherErrors.length
        ? RetailErrorCode.INVALID_TERMS
        : splitErrors.length
          ? RetailErrorCode.INVALID_ROYALTY_SPLIT
          : RetailErrorCode.UNKNOWN_HERITAGE_OWNER;
      throw RetailException.invalidFields(code, errors);
    }
    return {
      royaltySplit,
      heritageOwnerOrganizationId: input.heritageOwnerOrganizationId ?? null,
      heritageRoyaltyBp: input.heritageRoyaltyBp ?? 0,
    };
  }

  private async assertSellable(product: Product): Promise<void> {
    const project = await this.projects.getVisible(undefined, product.projectId);
    if (project.state === ProjectState.CANCELLED || project.state === ProjectState.CLOSED) {
      throw RetailException.conflict(
        RetailErrorCode.ILLEGAL_PLACEMENT_TRANSITION,
        `The product's project is ${project.state}; only products of projects that are not CANCELLED or CLOSED can be placed`,
        { projectState: project.state },
      );
    }
  }

  private async insert(fields: Partial<Placement>): Promise<Placement> {
    try {
      return await this.placements.save(this.placements.create(fields));
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_placement_open_per_product_outlet')) {
        throw RetailException.conflict(
          RetailErrorCode.PLACEMENT_ALREADY_OPEN,
          'This product already has an open (proposed or active) placement at this outlet; end or withdraw that one first (endPlacement, withdrawPlacement)',
          { productId: fields.productId, outletId: fields.outletId },
        );
      }
      throw error;
    }
  }
}

function illegal(state: PlacementState, action: PlacementAction): RetailException {
  const allowed = allowedPlacementActions(state);
  return RetailException.conflict(
    RetailErrorCode.ILLEGAL_PLACEMENT_TRANSITION,
    `A placement that is ${state} cannot be ${PAST[action]}; allowed now: ${allowed.length ? allowed.join(', ') : 'nothing'}`,
    { currentState: state, action, allowedActions: allowed },
  );
}

const PAST: Record<PlacementAction, string> = {
  [PlacementAction.ACCEPT]: 'accepted',
  [PlacementAction.DECLINE]: 'declined',
  [PlacementAction.WITHDRAW]: 'withdrawn',
  [PlacementAction.END]: 'ended',
};
