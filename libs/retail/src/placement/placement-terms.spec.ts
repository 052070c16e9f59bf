import {
  commercialTermsErrors,
  equalRoyaltySplit,
  heritageRoyaltyErrors,
  royaltySplitErrors,
} from './placement-terms';
import { PlacementTermsType } from './placement-terms.enum';

describe('placement terms', () => {
  it('needs exactly the field of the chosen terms', () => {
    expect(
      commercialTermsErrors({ type: PlacementTermsType.WHOLESALE, wholesaleUnitPriceFen: 500 }),
    ).toEqual([]);
    expect(
      commercialTermsErrors({
        type: PlacementTermsType.CONSIGNMENT,
        consignmentCommissionBp: 3330,
      }),
    ).toEqual([]);
    expect(
      commercialTermsErrors({
        type: PlacementTermsType.CONSIGNMENT,
        consignmentCommissionBp: 3330,
        wholesaleUnitPriceFen: 1,
      }).map((error) => error.field),
    ).toEqual(['terms.wholesaleUnitPriceFen']);
    expect(
      commercialTermsErrors({ type: PlacementTermsType.WHOLESALE, wholesaleUnitPriceFen: 0 }).map(
        (error) => error.field,
      ),
    ).toEqual(['terms.wholesaleUnitPriceFen']);
  });

  it('splits equally by default, the odd basis points to the first members', () => {
    expect(equalRoyaltySplit(['a', 'b', 'c'])).toEqual([
      { userId: 'a', shareBp: 3334 },
      { userId: 'b', shareBp: 3333 },
      { userId: 'c', shareBp: 3333 },
    ]);
    expect(equalRoyaltySplit(['a'])).toEqual([{ userId: 'a', shareBp: 10_000 }]);
    expect(
      royaltySplitErrors(equalRoyaltySplit(['a', 'b', 'c', 'd', 'e', 'f', 'g']), [
        'a',
        'b',
        'c',
        'd',
        'e',
        'f',
        'g',
      ]),
    ).toEqual([]);
  });

  it('names each problem of a split', () => {
    expect(
      royaltySplitErrors(
        [
          { userId: 'a', shareBp: 6000 },
          { userId: 'a', shareBp: 3000 },
          { userId: 'x', shareBp: 0 },
        ],
        ['a', 'b'],
      ),
    ).toEqual([
      { field: 'royaltySplit.1.userId', message: 'a appears twice' },
      {
        field: 'royaltySplit.2.userId',
        message: "x is not one of the project's owners (the team's members)",
      },
      {
        field: 'royaltySplit.2.shareBp',
        message: 'a share is whole basis points between 1 and 10000',
      },
      {
        field: 'royaltySplit',
        message: 'the shares add up to 9000 basis points; they must add up to exactly 10000',
      },
    ]);
    expect(royaltySplitErrors([], ['a'])).toEqual([
      { field: 'royaltySplit', message: 'the royalty split needs at least one talent' },
    ]);
  });

  it('pairs a heritage royalty with its owner', () => {
    expect(heritageRoyaltyErrors(null, 0)).toEqual([]);
    expect(heritageRoyaltyErrors('org', 800)).toEqual([]);
    expect(heritageRoyaltyErrors('org', 0).map((error) => error.field)).toEqual([
      'heritageRoyaltyBp',
    ]);
    expect(heritageRoyaltyErrors(undefined, 800).map((error) => error.field)).toEqual([
      'heritageOwnerOrganizationId',
    ]);
  });
});
