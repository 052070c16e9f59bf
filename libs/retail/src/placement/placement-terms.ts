import { FieldError } from '@cc/graphql';
import { PlacementTermsType } from './placement-terms.enum';
import { BASIS_POINTS } from './royalty-share';

export const MAX_UNIT_PRICE_FEN = 100_000_000;

export interface CommercialTerms {
  type: PlacementTermsType;
  wholesaleUnitPriceFen?: number | null;
  consignmentCommissionBp?: number | null;
}

export interface RoyaltyTerms {
  royaltySplit: { userId: string; shareBp: number }[];
  heritageOwnerOrganizationId: string | null;
  heritageRoyaltyBp: number;
}

const isWhole = (value: unknown, min: number, max: number): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;

/** Field errors of the commercial terms: exactly the field of the chosen type, in range. */
export function commercialTermsErrors(terms: CommercialTerms, prefix = 'terms'): FieldError[] {
  const errors: FieldError[] = [];
  const price = terms.wholesaleUnitPriceFen;
  const commission = terms.consignmentCommissionBp;
  if (terms.type === PlacementTermsType.WHOLESALE) {
    if (!isWhole(price, 1, MAX_UNIT_PRICE_FEN)) {
      errors.push({
        field: `${prefix}.wholesaleUnitPriceFen`,
        message: `WHOLESALE terms need a unit price in whole fen between 1 and ${MAX_UNIT_PRICE_FEN}`,
      });
    }
    if (commission !== undefined && commission !== null) {
      errors.push({
        field: `${prefix}.consignmentCommissionBp`,
        message: 'WHOLESALE terms have no commission; leave it out',
      });
    }
  } else {
    if (!isWhole(commission, 0, BASIS_POINTS)) {
      errors.push({
        field: `${prefix}.consignmentCommissionBp`,
        message: `CONSIGNMENT terms need the retailer's commission in basis points, 0 to ${BASIS_POINTS} (33.3% is 3330)`,
      });
    }
    if (price !== undefined && price !== null) {
      errors.push({
        field: `${prefix}.wholesaleUnitPriceFen`,
        message: 'CONSIGNMENT terms have no wholesale price; leave it out',
      });
    }
  }
  return errors;
}

/**
 * Field errors of a royalty split: one share per talent, each a member of the makers, adding up
 * to exactly 10000 basis points.
 */
export function royaltySplitErrors(
  split: readonly { userId: string; shareBp: number }[],
  members: readonly string[],
  field = 'royaltySplit',
): FieldError[] {
  const errors: FieldError[] = [];
  if (split.length === 0) {
    return [{ field, message: 'the royalty split needs at least one talent' }];
  }
  const memberSet = new Set(members);
  const seen = new Set<string>();
  split.forEach((share, index) => {
    if (seen.has(share.userId)) {
      errors.push({ field: `${field}.${index}.userId`, message: `${share.userId} appears twice` });
    }
    seen.add(share.userId);
    if (!memberSet.has(share.userId)) {
      errors.push({
        field: `${field}.${index}.userId`,
        message: `${share.userId} is not one of the project's owners (the team's members)`,
      });
    }
    if (!isWhole(share.shareBp, 1, BASIS_POINTS)) {
      errors.push({
        field: `${field}.${index}.shareBp`,
        message: `a share is whole basis points between 1 and ${BASIS_POINTS}`,
      });
    }
  });
  const total = split.reduce((sum, share) => sum + share.shareBp, 0);
  if (total !== BASIS_POINTS) {
    errors.push({
      field,
      message: `the shares add up to ${total} basis points; they must add up to exactly ${BASIS_POINTS}`,
    });
  }
  return errors;
}

/** Field errors of the optional heritage-owner royalty (a share of the makers' proceeds). */
export function heritageRoyaltyErrors(
  heritageOwnerOrganizationId: string | null | undefined,
  heritageRoyaltyBp: number | null | undefined,
): FieldError[] {
  const rate = heritageRoyaltyBp ?? 0;
  if (!isWhole(rate, 0, BASIS_POINTS)) {
    return [
      {
        field: 'heritageRoyaltyBp',
        message: `the heritage royalty is whole basis points between 0 and ${BASIS_POINTS}`,
      },
    ];
  }
  if (rate > 0 && !heritageOwnerOrganizationId) {
    return [
      {
        field: 'heritageOwnerOrganizationId',
        message: 'a heritage royalty needs the organization that owns the heritage IP',
      },
    ];
  }
  if (rate === 0 && heritageOwnerOrganizationId) {
    return [
      {
        field: 'heritageRoyaltyBp',
        message: 'a heritage owner needs a royalty above 0 basis points',
      },
    ];
  }
  return [];
}

/**
 * The default royalty split: equal shares in member order, the basis points that do not divide
 * evenly going one each to the first members (3 members: 3334, 3333, 3333).
 */
export function equalRoyaltySplit(members: readonly string[]): RoyaltyTerms['royaltySplit'] {
  if (members.length === 0) return [];
  const base = Math.floor(BASIS_POINTS / members.length);
  const extra = BASIS_POINTS - base * members.length;
  return members.map((userId, index) => ({ userId, shareBp: base + (index < extra ? 1 : 0) }));
}
