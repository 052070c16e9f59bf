import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PlacementTermsType } from '../placement/placement-terms.enum';

export enum SettlementRole {
  /** The outlet's retailer: keeps its commission (or margin), owes the makers' proceeds. */
  RETAILER = 'RETAILER',
  /** The team that owns the project: its proceeds, before they are shared among the talents. */
  MAKERS = 'MAKERS',
  /** One talent: their royalty share. */
  TALENT = 'TALENT',
  /** The owner of licensed heritage IP: its royalty. */
  HERITAGE_OWNER = 'HERITAGE_OWNER',
}
registerEnumType(SettlementRole, { name: 'SettlementRole' });

export enum SettlementPartyKind {
  ORGANIZATION = 'ORGANIZATION',
  TEAM = 'TEAM',
  USER = 'USER',
}
registerEnumType(SettlementPartyKind, { name: 'SettlementPartyKind' });

@ObjectType()
export class TalentRoyalty {
  @Field(() => ID)
  userId!: string;

  @Field(() => Int)
  shareBp!: number;

  @Field(() => Float, { description: 'Whole fen.' })
  amountFen!: number;
}

/** One placement's sales in the period, split among every party; `partyAmountFen` is this party's. */
@ObjectType()
export class SettlementLine {
  @Field(() => SettlementRole)
  role!: SettlementRole;

  @Field(() => ID)
  placementId!: string;

  @Field(() => ID)
  productId!: string;

  @Field()
  productSku!: string;

  @Field()
  productName!: string;

  @Field(() => ID)
  outletId!: string;

  @Field()
  outletName!: string;

  @Field(() => PlacementTermsType)
  termsType!: PlacementTermsType;

  @Field(() => Int, { nullable: true })
  wholesaleUnitPriceFen!: number | null;

  @Field(() => Int, { nullable: true })
  consignmentCommissionBp!: number | null;

  @Field(() => Int)
  heritageRoyaltyBp!: number;

  @Field(() => Int)
  salesCount!: number;

  @Field(() => Int)
  unitsSold!: number;

  @Field(() => Float, { description: 'Sales total (revenue) in whole fen.' })
  salesTotalFen!: number;

  @Field(() => Float, {
    description: 'Commission (consignment) or margin (wholesale) kept by the retailer.',
  })
  retailerKeptFen!: number;

  @Field(() => Float, {
    description:
      "The makers' proceeds: what the retailer owes (heritage royalty + talent royalties).",
  })
  makersProceedsFen!: number;

  @Field(() => Float)
  heritageRoyaltyFen!: number;

  @Field(() => [TalentRoyalty])
  talentRoyalties!: TalentRoyalty[];

  @Field(() => Float, { description: "This party's amount on the line, in its role." })
  partyAmountFen!: number;
}

@ObjectType({
  description:
    'A party’s amounts for a period, in whole fen. For every placement, retailer kept + heritage royalty + talent royalties = sales total exactly (largest-remainder rounding).',
})
export class SettlementStatement {
  @Field(() => ID)
  partyId!: string;

  @Field(() => SettlementPartyKind)
  partyKind!: SettlementPartyKind;

  @Field({ description: 'Canonical period key: 2026-Q3, 2026-09 or 2026.' })
  period!: string;

  @Field({ description: 'Start of the period (inclusive), China Standard Time boundaries.' })
  periodStart!: Date;

  @Field({ description: 'End of the period (exclusive).' })
  periodEnd!: Date;

  @Field(() => [SettlementLine])
  lines!: SettlementLine[];

  @Field(() => Float, { description: 'Sales total over the placements on this statement.' })
  salesTotalFen!: number;

  @Field(() => Float)
  retailerKeptFen!: number;

  @Field(() => Float, { description: 'What the retailer owes the makers’ side.' })
  makersProceedsFen!: number;

  @Field(() => Float)
  heritageRoyaltyFen!: number;

  @Field(() => Float)
  talentRoyaltiesFen!: number;

  @Field(() => Float, { description: "The party's total across its lines." })
  partyAmountFen!: number;

  @Field({ description: 'How amounts are rounded to whole fen.' })
  roundingRule!: string;
}

export const ROUNDING_RULE =
  'Per placement and period, the sales total is shared in one pass by the largest-remainder method: each party gets its exact share rounded down, and the fen left over go one each to the largest fractional remainders (ties: retailer, heritage owner, then talents in split order). Every amount is its exact share rounded down or up, and the parts add up to the sales total exactly.';
