import { Injectable } from '@nestjs/common';
import { AccessPolicy, Viewer } from '@cc/auth';
import { LoaderRegistry } from '@cc/graphql';
import { IdentityLoaders } from '@cc/identity';
import { Outlet } from './outlet/outlet.entity';
import { PlacementSide } from './placement/placement-state';
import { Placement } from './placement/placement.entity';
import { RetailErrorCode, RetailException } from './retail.exception';

/** Who the makers of a product are, for ownership checks and royalty splits. */
export interface Makers {
  ownerUserId: string;
  ownerTeamId: string | null;
}

/**
 * The one place that decides who acts for which side: the makers of a product are its project's
 * owners (the creator and, for a team project, every member of the team); an outlet is run by
 * the members of its RETAILER organization.
 */
@Injectable()
export class RetailAccess {
  constructor(
    private readonly access: AccessPolicy,
    private readonly identity: IdentityLoaders,
  ) {}

  async isMaker(viewer: Viewer, makers: Makers): Promise<boolean> {
    if (makers.ownerUserId === viewer.userId) return true;
    return makers.ownerTeamId !== null && this.access.isTeamMember(viewer, makers.ownerTeamId);
  }

  /** The teams whose products the viewer makes (besides their own). */
  teamIdsOf(viewer: Viewer): Promise<string[]> {
    return this.access.teamIdsOf(viewer);
  }

  async assertMaker(viewer: Viewer, makers: Makers): Promise<void> {
    if (!(await this.isMaker(viewer, makers))) {
      throw RetailException.forbidden(
        RetailErrorCode.NOT_PRODUCT_OWNER,
        "Only the project's owners (its creator and its team's members) may do this; ask a member of its team to invite you (inviteTeamMember)",
      );
    }
  }

  /** The talents among whom royalties can be split: the creator first, then the team in order. */
  async makerUserIds(makers: Makers, loaders = new LoaderRegistry()): Promise<string[]> {
    const ids = [makers.ownerUserId];
    if (makers.ownerTeamId) {
      const members = await this.identity.teamMembers(loaders).load(makers.ownerTeamId);
      for (const member of members) if (!ids.includes(member.userId)) ids.push(member.userId);
    }
    return ids;
  }

  isOutletMember(viewer: Viewer, outlet: Pick<Outlet, 'organizationId'>): Promise<boolean> {
    return this.access.isOrganizationMember(viewer, outlet.organizationId);
  }

  async assertOutletMember(viewer: Viewer, outlet: Pick<Outlet, 'organizationId'>): Promise<void> {
    if (!(await this.isOutletMember(viewer, outlet))) {
      const loaders = new LoaderRegistry();
      const [owner, memberships] = await Promise.all([
        this.identity.organization(loaders).load(outlet.organizationId),
        this.identity.membershipsOfUser(loaders).load(viewer.userId),
      ]);
      const mine = await this.identity
        .organization(loaders)
        .loadMany(memberships.map((membership) => membership.organizationId));
      const names = mine.flatMap((org) => (org && !(org instanceof Error) ? [org.name] : []));
      throw RetailException.forbidden(
        RetailErrorCode.NOT_OUTLET_MEMBER,
        `This outlet belongs to organization ${owner?.name ?? outlet.organizationId}; ` +
          (names.length
            ? `you are a member of ${names.join(', ')}`
            : 'you are a member of no organization') +
          `. Ask an owner of ${owner?.name ?? 'it'} to invite you`,
        { organizationId: outlet.organizationId },
      );
    }
  }

  /** The sides of a placement the viewer acts for (a user may, rarely, be on both). */
  async sidesOf(
    viewer: Viewer,
    placement: Placement,
    product: Makers,
  ): Promise<Set<PlacementSide>> {
    const sides = new Set<PlacementSide>();
    if (await this.isMaker(viewer, product)) sides.add(PlacementSide.MAKERS);
    if (await this.access.isOrganizationMember(viewer, placement.organizationId)) {
      sides.add(PlacementSide.RETAILER);
    }
    return sides;
  }

  /**
   * `sidesOf` for read paths: the viewer's organizations and teams are read once per request
   * (per-request loaders), so a page of placements costs no membership query per row.
   */
  async viewerSidesOf(
    loaders: LoaderRegistry,
    viewer: Viewer,
    placement: Placement,
    product: Makers,
  ): Promise<Set<PlacementSide>> {
    const [memberships, teams] = await Promise.all([
      this.identity.membershipsOfUser(loaders).load(viewer.userId),
      this.identity.teamMembershipsOfUser(loaders).load(viewer.userId),
    ]);
    const sides = new Set<PlacementSide>();
    if (
      product.ownerUserId === viewer.userId ||
      teams.some((member) => member.teamId === product.ownerTeamId)
    ) {
      sides.add(PlacementSide.MAKERS);
    }
    if (memberships.some((member) => member.organizationId === placement.organizationId)) {
      sides.add(PlacementSide.RETAILER);
    }
    return sides;
  }
}
