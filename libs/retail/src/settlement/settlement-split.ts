/**
 * How one placement's sales in a period are shared out. Pure integer arithmetic in fen (BigInt
 * inside, so no amount is ever a float), no framework.
 *
 * Who gets what, from the sales total A of the placement in the period:
 * - CONSIGNMENT with commission c (basis points): the retailer keeps A·c/10000; the rest, the
 *   makers' proceeds P = A − kept, is what the retailer owes.
 * - WHOLESALE at unit price W: the makers' proceeds are P = units·W, exactly; the retailer keeps
 *   A − P (negative when it sold below the wholesale price).
 * - From P, the heritage owner (if any) gets P·h/10000; the talents share the rest by their
 *   royalty split s_i (basis points adding up to 10000).
 *
 * Rounding (largest remainder, Hamilton's method), done once over all the parties that share an
 * amount: each party first gets its exact share rounded down; the fen left over (fewer than the
 * number of parties) go one each to the parties with the largest fractional remainders, ties
 * going to the earlier party in the order retailer, heritage owner, then talents in split order.
 * So every party gets its exact share rounded down or up, never off by a whole fen, and the
 * parts add up to the sales total exactly.
 */

export const BP = 10_000n;

export interface SplitTerms {
  termsType: 'WHOLESALE' | 'CONSIGNMENT';
  wholesaleUnitPriceFen: number | null;
  consignmentCommissionBp: number | null;
  heritageRoyaltyBp: number;
  royaltySplit: readonly { userId: string; shareBp: number }[];
}

export interface SplitSales {
  unitsSold: number;
  salesTotalFen: number;
}

export interface TalentAmount {
  userId: string;
  shareBp: number;
  amountFen: number;
}

export interface SettlementSplit {
  salesTotalFen: number;
  /** Commission (consignment) or margin (wholesale) the retailer keeps. */
  retailerKeptFen: number;
  /** What the retailer owes the makers' side: heritage royalty plus talent royalties. */
  makersProceedsFen: number;
  heritageRoyaltyFen: number;
  talentShares: TalentAmount[];
}

/**
 * Splits `total` in proportion to `weights` by the largest-remainder method. `total` and the
 * weights must be non-negative and the weights must not all be zero; the result adds up to
 * `total`, and part k is floor or ceil of total·w_k/Σw.
 */
export function largestRemainder(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) throw new RangeError('largestRemainder: the total must not be negative');
  if (weights.some((weight) => weight < 0n)) {
    throw new RangeError('largestRemainder: weights must not be negative');
  }
  const sum = weights.reduce((acc, weight) => acc + weight, 0n);
  if (sum === 0n) throw new RangeError('largestRemainder: the weights must not all be zero');
  const parts = weights.map((weight) => (total * weight) / sum);
  const remainders = weights.map((weight) => (total * weight) % sum);
  let leftover = total - parts.reduce((acc, part) => acc + part, 0n);
  const order = weights
    .map((_, index) => index)
    .sort((a, b) =>
      remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : a - b,
    );
  for (const index of order) {
    if (leftover === 0n) break;
    parts[index] += 1n;
    leftover -= 1n;
  }
  return parts;
}

export function splitSettlement(terms: SplitTerms, sales: SplitSales): SettlementSplit {
  assertWhole(sales.salesTotalFen, 'salesTotalFen');
  assertWhole(sales.unitsSold, 'unitsSold');
  if (terms.royaltySplit.length === 0) throw new RangeError('the royalty split is empty');
  const total = BigInt(sales.salesTotalFen);
  const heritage = BigInt(terms.heritageRoyaltyBp);
  const shares = terms.royaltySplit.map((share) => BigInt(share.shareBp));
  const shareSum = shares.reduce((acc, share) => acc + share, 0n);
  if (shareSum !== BP) throw new RangeError(`the royalty shares add up to ${shareSum}, not 10000`);
  if (heritage < 0n || heritage > BP) throw new RangeError('the heritage royalty is out of range');

  let retailer: bigint;
  let heritagePart: bigint;
  let talentParts: bigint[];
  if (terms.termsType === 'CONSIGNMENT') {
    const commission = BigInt(terms.consignmentCommissionBp ?? Number.NaN);
    if (commission < 0n || commission > BP) throw new RangeError('the commission is out of range');
    // Weights over BP³: retailer c·BP², heritage (BP−c)·h·BP, talent i (BP−c)·(BP−h)·s_i.
    const makers = BP - commission;
    const [kept, herit, ...talents] = largestRemainder(total, [
      commission * BP * BP,
      makers * heritage * BP,
      ...shares.map((share) => makers * (BP - heritage) * share),
    ]);
    retailer = kept;
    heritagePart = herit;
    talentParts = talents;
  } else {
    const unitPrice = terms.wholesaleUnitPriceFen;
    if (unitPrice === null) throw new RangeError('WHOLESALE terms need a unit price');
    const proceeds = BigInt(sales.unitsSold) * BigInt(unitPrice);
    retailer = total - proceeds;
    const [herit, ...talents] = largestRemainder(proceeds, [
      heritage * BP,
      ...shares.map((share) => (BP - heritage) * share),
    ]);
    heritagePart = herit;
    talentParts = talents;
  }
  return {
    salesTotalFen: sales.salesTotalFen,
    retailerKeptFen: Number(retailer),
    makersProceedsFen: Number(total - retailer),
    heritageRoyaltyFen: Number(heritagePart),
    talentShares: terms.royaltySplit.map((share, index) => ({
      userId: share.userId,
      shareBp: share.shareBp,
      amountFen: Number(talentParts[index]),
    })),
  };
}

function assertWhole(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${name} must be a non-negative whole number, got ${value}`);
  }
}
