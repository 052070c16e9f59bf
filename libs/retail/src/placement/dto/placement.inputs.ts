import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ConnectionArgs } from '@cc/graphql';
import { PlacementState } from '../placement-state';
import { PlacementTermsType } from '../placement-terms.enum';
import { BASIS_POINTS, RoyaltyShareInput } from '../royalty-share';

@InputType({ description: 'WHOLESALE with a unit price, or CONSIGNMENT with a commission.' })
export class PlacementTermsInput {
  @Field(() => PlacementTermsType)
  @IsEnum(PlacementTermsType)
  type!: PlacementTermsType;

  @Field(() => Int, { nullable: true, description: 'WHOLESALE only: fen per unit sold.' })
  @IsOptional()
  @IsInt()
  wholesaleUnitPriceFen?: number;

  @Field(() => Int, {
    nullable: true,
    description: "CONSIGNMENT only: the retailer's commission in basis points (3330 = 33.3%).",
  })
  @IsOptional()
  @IsInt()
  consignmentCommissionBp?: number;
}

/** The makers' side of the terms: how their proceeds are shared. */
@InputType()
export class MakersTermsInput {
  @Field(() => [RoyaltyShareInput], {
    nullable: true,
    description:
      "Shares of the makers' proceeds among the project's owners, in basis points adding up to 10000; equal shares when omitted.",
  })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RoyaltyShareInput)
  royaltySplit?: RoyaltyShareInput[];

  @Field(() => ID, { nullable: true, description: 'The owner of licensed heritage IP, if any.' })
  @IsOptional()
  @IsUUID()
  heritageOwnerOrganizationId?: string;

  @Field(() => Int, {
    nullable: true,
    description: "The heritage owner's royalty in basis points of the makers' proceeds.",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(BASIS_POINTS)
  heritageRoyaltyBp?: number;
}

@InputType()
export class OfferPlacementInput extends MakersTermsInput {
  @Field(() => ID)
  @IsUUID()
  productId!: string;

  @Field(() => ID)
  @IsUUID()
  outletId!: string;

  @Field(() => PlacementTermsInput)
  @ValidateNested()
  @Type(() => PlacementTermsInput)
  terms!: PlacementTermsInput;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(2000)
  note!: string;
}

@InputType()
export class RequestPlacementInput {
  @Field(() => ID)
  @IsUUID()
  productId!: string;

  @Field(() => ID, { description: 'One of your outlets.' })
  @IsUUID()
  outletId!: string;

  @Field(() => PlacementTermsInput)
  @ValidateNested()
  @Type(() => PlacementTermsInput)
  terms!: PlacementTermsInput;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(2000)
  note!: string;
}

@InputType()
export class PlacementFilterInput {
  @Field(() => ID, { nullable: true, description: 'A product you make.' })
  @IsOptional()
  @IsUUID()
  productId?: string;

  @Field(() => ID, { nullable: true, description: 'An outlet of your organization.' })
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @Field(() => ID, { nullable: true, description: 'Your RETAILER organization.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => PlacementState, { nullable: true })
  @IsOptional()
  @IsEnum(PlacementState)
  state?: PlacementState;
}

@ArgsType()
export class PlacementsArgs extends ConnectionArgs {
  @Field(() => PlacementFilterInput, {
    description: 'Name a product, an outlet or an organization of yours.',
  })
  @ValidateNested()
  @Type(() => PlacementFilterInput)
  filter!: PlacementFilterInput;
}
