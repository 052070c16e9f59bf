import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AccessPolicy, Viewer } from '@cc/auth';
import { LoaderRegistry } from '@cc/graphql';
import { IdentityLoaders } from '@cc/identity';
import { periodEnd, periodStart, tryParsePeriod } from '@cc/impact';
import { Outlet } from '../outlet/outlet.entity';
import { Placement } from '../placement/placement.entity';
import { Product } from '../product/product.entity';
import { RetailErrorCode, RetailException } from '../retail.exception';
import { splitSettlement } from './settlement-split';
import {
  ROUNDING_RULE,
  SettlementLine,
  SettlementPartyKind,
  SettlementRole,
  SettlementStatement,
} from './settlement-statement.types';

interface Party {
  kind: SettlementPartyKind;
  /** Each role the party has, with the SQL condition on `p` (placement) / `pr` (product) selecting its placements. */
  roles: { role: SettlementRole; where: string }[];
}

interface SalesRow {
  placement_id: string;
  sales: number;
  units: string;
  amount: string;
}

const ROLE_ORDER = [
  SettlementRole.RETAILER,
  SettlementRole.HERITAGE_OWNER,
  SettlementRole.MAKERS,
  SettlementRole.TALENT,
];

@Injectable()
export class SettlementService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly identity: IdentityLoaders,
    private readonly policy: AccessPolicy,
  ) {}

  /**
   * A party's statement for a period. The party is an organization (as retailer of its outlets
   * and as heritage owner), a team (the makers of its projects) or a user (a talent's royalty
   * shares). Members see their organization's and team's statements; a talent sees their own;
   * an ADMIN sees any.
   */
  async statement(
    viewer: Viewer,
    partyId: string,
    periodText: string,
  ): Promise<SettlementStatement> {
    const period = tryParsePeriod(periodText);
    if (!period) {
      throw RetailException.invalid(
        RetailErrorCode.INVALID_PERIOD,
        'period',
        `"${periodText}" is not a period: use a quarter (2026-Q3), a month (2026-09) or a year (2026)`,
      );
    }
    const party = await this.party(viewer, partyId);
    const start = periodStart(period);
    const end = periodEnd(period);

    const lines: SettlementLine[] = [];
    for (const { role, where } of party.roles) {
      const rows: SalesRow[] = await this.db.query(
        `SELECT s.placement_id, COUNT(*)::int AS sales, SUM(s.quantity)::bigint AS units,
                SUM(s.amount_fen)::bigint AS amount
           FROM sale s
           JOIN placement p ON p.id = s.placement_id
           JOIN product pr ON pr.id = p.product_id
          WHERE ${where} AND s.counted AND s.sold_at >= $2 AND s.sold_at < $3
          GROUP BY s.placement_id`,
        [partyId, start, end],
      );
      lines.push(...(await this.linesFor(role, partyId, rows)));
    }
    lines.sort(
      (a, b) =>
        ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) ||
        a.outletName.localeCompare(b.outletName) ||
        a.productSku.localeCompare(b.productSku) ||
        a.placementId.localeCompare(b.placementId),
    );

    // Totals count each placement once, even when the party holds two roles on it.
    const distinct = new Map(lines.map((line) => [line.placementId, line]));
    const sum = (pick: (line: SettlementLine) => number, of: Iterable<SettlementLine>) =>
      [...of].reduce((total, line) => total + pick(line), 0);
    return {
      partyId,
      partyKind: party.kind,
      period: period.key,
      periodStart: start,
      periodEnd: end,
      lines,
      salesTotalFen: sum((line) => line.salesTotalFen, distinct.values()),
      retailerKeptFen: sum((line) => line.retailerKeptFen, distinct.values()),
      makersProceedsFen: sum((line) => line.makersProceedsFen, distinct.values()),
      heritageRoyaltyFen: sum((line) => line.heritageRoyaltyFen, distinct.values()),
      talentRoyaltiesFen: sum(
        (line) => line.talentRoyalties.reduce((total, talent) => total + talent.amountFen, 0),
        distinct.values(),
      ),
      partyAmountFen: sum((line) => line.partyAmountFen, lines),
      roundingRule: ROUNDING_RULE,
    };
  }

  private async linesFor(
    role: SettlementRole,
    partyId: string,
    rows: SalesRow[],
  ): Promise<SettlementLine[]> {
    if (!rows.length) return [];
    const placements = await this.db
      .getRepository(Placement)
      .findBy({ id: In(rows.map((row) => row.placement_id)) });
    const byId = new Map(placements.map((placement) => [placement.id, placement]));
    const products = new Map(
      (
        await this.db
          .getRepository(Product)
          .findBy({ id: In([...new Set(placements.map((p) => p.productId))]) })
      ).map((product) => [product.id, product]),
    );
    const outlets = new Map(
      (
        await this.db
          .getRepository(Outlet)
          .findBy({ id: In([...new Set(placements.map((p) => p.outletId))]) })
      ).map((outlet) => [outlet.id, outlet]),
    );
    return rows.map((row) => {
      const placement = byId.get(row.placement_id)!;
      const product = products.get(placement.productId)!;
      const outlet = outlets.get(placement.outletId)!;
      const split = splitSettlement(
        {
          termsType: placement.termsType,
          wholesaleUnitPriceFen: placement.wholesaleUnitPriceFen,
          consignmentCommissionBp: placement.consignmentCommissionBp,
          heritageRoyaltyBp: placement.heritageRoyaltyBp,
          royaltySplit: placement.royaltySplit ?? [],
        },
        { unitsSold: Number(row.units), salesTotalFen: Number(row.amount) },
      );
      const partyAmountFen =
        role === SettlementRole.RETAILER
          ? split.retailerKeptFen
          : role === SettlementRole.HERITAGE_OWNER
            ? split.heritageRoyaltyFen
            : role === SettlementRole.MAKERS
              ? split.makersProceedsFen
              : split.talentShares
                  .filter((share) => share.userId === partyId)
                  .reduce((total, share) => total + share.amountFen, 0);
      return {
        role,
        placementId: placement.id,
        productId: product.id,
        productSku: product.sku,
        productName: product.name,
        outletId: outlet.id,
        outletName: outlet.name,
        termsType: placement.termsType,
        wholesaleUnitPriceFen: placement.wholesaleUnitPriceFen,
        consignmentCommissionBp: placement.consignmentCommissionBp,
        heritageRoyaltyBp: placement.heritageRoyaltyBp,
        salesCount: row.sales,
        unitsSold: Number(row.units),
        salesTotalFen: split.salesTotalFen,
        retailerKeptFen: split.retailerKeptFen,
        makersProceedsFen: split.makersProceedsFen,
        heritageRoyaltyFen: split.heritageRoyaltyFen,
        talentRoyalties: split.talentShares,
        partyAmountFen,
      };
    });
  }

  private async party(viewer: Viewer, partyId: string): Promise<Party> {
    const loaders = new LoaderRegistry();
    const organization = await this.identity.organization(loaders).load(partyId);
    if (organization) {
      await this.assertAllowed(viewer, () =>
        this.policy.assertOrganizationMember(viewer, partyId, { allowAdmin: true }),
      );
      return {
        kind: SettlementPartyKind.ORGANIZATION,
        roles: [
          { role: SettlementRole.RETAILER, where: 'p.organization_id = $1' },
          { role: SettlementRole.HERITAGE_OWNER, where: 'p.heritage_owner_organization_id = $1' },
        ],
      };
    }
    const teamMembers = await this.identity.teamMembers(loaders).load(partyId);
    if (teamMembers.length) {
      if (!viewer.isAdmin && !teamMembers.some((member) => member.userId === viewer.userId)) {
        throw notYours();
      }
      return {
        kind: SettlementPartyKind.TEAM,
        roles: [{ role: SettlementRole.MAKERS, where: 'pr.owner_team_id = $1' }],
      };
    }
    const user = await this.identity.user(loaders).load(partyId);
    if (user) {
      if (!viewer.isAdmin && viewer.userId !== partyId) throw notYours();
      return {
        kind: SettlementPartyKind.USER,
        roles: [
          {
            role: SettlementRole.TALENT,
            where: `p.royalty_split @> jsonb_build_array(jsonb_build_object('userId', $1::text))`,
          },
        ],
      };
    }
    throw RetailException.notFound(RetailErrorCode.PARTY_NOT_FOUND, 'Party', partyId);
  }

  private async assertAllowed(viewer: Viewer, check: () => Promise<unknown>): Promise<void> {
    try {
      await check();
    } catch {
      throw notYours();
    }
  }
}

function notYours(): RetailException {
  return RetailException.forbidden(
    RetailErrorCode.NOT_YOUR_STATEMENT,
    'Only the party itself (its members, for an organization or team) may read its statement',
  );
}
