import fc from 'fast-check';
import { BP, largestRemainder, splitSettlement, SplitTerms } from './settlement-split';

const three = [
  { userId: 'a', shareBp: 3334 },
  { userId: 'b', shareBp: 3333 },
  { userId: 'c', shareBp: 3333 },
];

const consignment = (commission: number, heritage = 0, split = three): SplitTerms => ({
  termsType: 'CONSIGNMENT',
  consignmentCommissionBp: commission,
  wholesaleUnitPriceFen: null,
  heritageRoyaltyBp: heritage,
  royaltySplit: split,
});

const sumOf = (split: ReturnType<typeof splitSettlement>) =>
  split.retailerKeptFen +
  split.heritageRoyaltyFen +
  split.talentShares.reduce((sum, share) => sum + share.amountFen, 0);

/** A royalty split of n talents: positive shares adding up to 10000. */
const royaltySplit = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc
    .uniqueArray(fc.integer({ min: 1, max: 9_999 }), { minLength: n - 1, maxLength: n - 1 })
    .map((cuts) => {
      const points = [0, ...cuts.sort((a, b) => a - b), 10_000];
      return points.slice(1).map((point, index) => ({
        userId: `talent-${index}`,
        shareBp: point - points[index],
      }));
    }),
);

const terms = fc.oneof(
  fc.record({
    termsType: fc.constant('CONSIGNMENT' as const),
    consignmentCommissionBp: fc.integer({ min: 0, max: 10_000 }),
    wholesaleUnitPriceFen: fc.constant(null),
    heritageRoyaltyBp: fc.integer({ min: 0, max: 10_000 }),
    royaltySplit,
  }),
  fc.record({
    termsType: fc.constant('WHOLESALE' as const),
    consignmentCommissionBp: fc.constant(null),
    wholesaleUnitPriceFen: fc.integer({ min: 1, max: 100_000_000 }),
    heritageRoyaltyBp: fc.integer({ min: 0, max: 10_000 }),
    royaltySplit,
  }),
);

describe('largestRemainder', () => {
  it('gives the leftover fen to the largest remainders, ties to the earlier party', () => {
    expect(largestRemainder(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(largestRemainder(2n, [1n, 1n, 1n])).toEqual([1n, 1n, 0n]);
    expect(largestRemainder(10n, [1n, 2n, 3n])).toEqual([2n, 3n, 5n]);
    expect(largestRemainder(0n, [5n, 0n])).toEqual([0n, 0n]);
  });

  it('refuses what it cannot split', () => {
    expect(() => largestRemainder(-1n, [1n])).toThrow(RangeError);
    expect(() => largestRemainder(1n, [0n, 0n])).toThrow(RangeError);
    expect(() => largestRemainder(1n, [-1n, 2n])).toThrow(RangeError);
  });

  it('always adds up, and every part is its exact share rounded down or up', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 15 }),
        (total, weights) => {
          fc.pre(weights.some((weight) => weight > 0n));
          const parts = largestRemainder(total, weights);
          const sum = weights.reduce((acc, weight) => acc + weight, 0n);
          expect(parts.reduce((acc, part) => acc + part, 0n)).toBe(total);
          parts.forEach((part, index) => {
            const floor = (total * weights[index]) / sum;
            expect(part === floor || part === floor + 1n).toBe(true);
          });
        },
      ),
    );
  });
});

describe('splitSettlement', () => {
  it('splits awkward numbers exactly: 3 talents, 33.3% commission', () => {
    // 7 units at 99.99 yuan: 69 993 fen.
    const split = splitSettlement(consignment(3330), { unitsSold: 7, salesTotalFen: 69_993 });
    // Exact: retailer 23 307.669, makers 46 685.331 → talents 15 564.89…, 15 560.22…, 15 560.22….
    expect(split).toEqual({
      salesTotalFen: 69_993,
      retailerKeptFen: 23_308,
      makersProceedsFen: 46_685,
      heritageRoyaltyFen: 0,
      talentShares: [
        { userId: 'a', shareBp: 3334, amountFen: 15_565 },
        { userId: 'b', shareBp: 3333, amountFen: 15_560 },
        { userId: 'c', shareBp: 3333, amountFen: 15_560 },
      ],
    });
    expect(sumOf(split)).toBe(69_993);
  });

  it('takes the heritage royalty from the makers’ proceeds', () => {
    const split = splitSettlement(consignment(3000, 1000, [{ userId: 'solo', shareBp: 10_000 }]), {
      unitsSold: 1,
      salesTotalFen: 10_000,
    });
    expect(split).toMatchObject({
      retailerKeptFen: 3000,
      makersProceedsFen: 7000,
      heritageRoyaltyFen: 700,
      talentShares: [{ userId: 'solo', shareBp: 10_000, amountFen: 6300 }],
    });
  });

  it('pays wholesale per unit sold and leaves the retailer the margin, even a negative one', () => {
    const wholesale: SplitTerms = {
      termsType: 'WHOLESALE',
      wholesaleUnitPriceFen: 6_001,
      consignmentCommissionBp: null,
      heritageRoyaltyBp: 500,
      royaltySplit: three,
    };
    const split = splitSettlement(wholesale, { unitsSold: 3, salesTotalFen: 38_400 });
    expect(split.makersProceedsFen).toBe(18_003);
    expect(split.retailerKeptFen).toBe(38_400 - 18_003);
    expect(split.heritageRoyaltyFen).toBe(900); // 900.15
    expect(sumOf(split)).toBe(38_400);
    const clearance = splitSettlement(wholesale, { unitsSold: 3, salesTotalFen: 15_000 });
    expect(clearance.retailerKeptFen).toBe(-3_003);
    expect(sumOf(clearance)).toBe(15_000);
  });

  it('always adds up to the sales total, and gives every party its exact share rounded down or up', () => {
    fc.assert(
      fc.property(
        terms,
        fc.integer({ min: 0, max: 100_000 }),
        fc.integer({ min: 0, max: 2 ** 40 }),
        (splitTerms, unitsSold, salesTotalFen) => {
          const split = splitSettlement(splitTerms, { unitsSold, salesTotalFen });
          expect(sumOf(split)).toBe(salesTotalFen);
          expect(split.retailerKeptFen + split.makersProceedsFen).toBe(salesTotalFen);
          const total = BigInt(salesTotalFen);
          const h = BigInt(splitTerms.heritageRoyaltyBp);
          const within = (amount: number, numerator: bigint, denominator: bigint) => {
            const floor = numerator / denominator;
            const exact = numerator % denominator === 0n;
            return BigInt(amount) === floor || (!exact && BigInt(amount) === floor + 1n);
          };
          if (splitTerms.termsType === 'CONSIGNMENT') {
            const c = BigInt(splitTerms.consignmentCommissionBp!);
            expect(within(split.retailerKeptFen, total * c, BP)).toBe(true);
            expect(within(split.heritageRoyaltyFen, total * (BP - c) * h, BP * BP)).toBe(true);
            split.talentShares.forEach((share) => {
              const numerator = total * (BP - c) * (BP - h) * BigInt(share.shareBp);
              expect(within(share.amountFen, numerator, BP * BP * BP)).toBe(true);
            });
          } else {
            const proceeds = BigInt(unitsSold) * BigInt(splitTerms.wholesaleUnitPriceFen!);
            expect(BigInt(split.makersProceedsFen)).toBe(proceeds);
            expect(within(split.heritageRoyaltyFen, proceeds * h, BP)).toBe(true);
            split.talentShares.forEach((share) => {
              const numerator = proceeds * (BP - h) * BigInt(share.shareBp);
              expect(within(share.amountFen, numerator, BP * BP)).toBe(true);
            });
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('refuses malformed terms', () => {
    expect(() =>
      splitSettlement(consignment(3330, 0, [{ userId: 'a', shareBp: 9_999 }]), {
        unitsSold: 1,
        salesTotalFen: 1,
      }),
    ).toThrow(/add up to 9999/);
    expect(() => splitSettlement(consignment(3330), { unitsSold: 1, salesTotalFen: 1.5 })).toThrow(
      RangeError,
    );
  });
});
