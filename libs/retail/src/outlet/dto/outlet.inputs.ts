import { Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsInt,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CulturalResourceKind } from '@cc/catalog';
import { MAX_PRICE_FEN } from '../../product/dto/product.inputs';
import { OutletType } from '../outlet-type.enum';
import { Trim } from '@cc/graphql';

@InputType()
export class CreateOutletInput {
  @Field(() => ID, { description: 'Your RETAILER organization.' })
  @IsUUID()
  organizationId!: string;

  @Field()
  @Trim()
  @IsString()
  @Length(2, 200)
  name!: string;

  @Field(() => OutletType)
  @IsEnum(OutletType)
  type!: OutletType;

  @Field(() => ID, { description: 'The district it is in; its city follows.' })
  @IsUUID()
  districtId!: string;

  @Field({ defaultValue: '' })
  @Trim()
  @IsString()
  @MaxLength(500)
  address!: string;

  @Field(() => [CulturalResourceKind])
  @IsArray()
  @ArrayMaxSize(10)
  @IsEnum(CulturalResourceKind, { each: true })
  themes!: CulturalResourceKind[];

  @Field(() => Int, { description: 'Average visitors per month.' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  averageMonthlyFootfall!: number;

  @Field(() => Int, { description: 'Lowest usual retail price, in fen.' })
  @IsInt()
  @Min(0)
  @Max(MAX_PRICE_FEN)
  priceBandMinFen!: number;

  @Field(() => Int, { description: 'Highest usual retail price, in fen.' })
  @IsInt()
  @Min(0)
  @Max(MAX_PRICE_FEN)
  priceBandMaxFen!: number;
}

/** Everything but the organization may change. */
@InputType()
export class UpdateOutletInput extends PartialType(
  OmitType(CreateOutletInput, ['organizationId'] as const, InputType),
  InputType,
) {}
