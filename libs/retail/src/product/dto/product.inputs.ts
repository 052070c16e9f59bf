import { Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import {
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { Trim } from '@cc/graphql';

export const MAX_PRICE_FEN = 100_000_000;

@InputType()
export class CreateProductInput {
  @Field(() => ID, { description: 'A project you own whose production order has delivered units.' })
  @IsUUID()
  projectId!: string;

  @Field({ nullable: true, description: 'Your SKU code (A–Z, 0–9, "-"); generated when omitted.' })
  @IsOptional()
  @Trim()
  @Matches(/^[A-Z0-9][A-Z0-9-]{2,39}$/, {
    message: 'sku must be 3–40 characters of A–Z, 0–9 and "-", starting with a letter or digit',
  })
  sku?: string;

  @Field()
  @Trim()
  @IsString()
  @Length(2, 200)
  name!: string;

  @Field({ description: 'Brand or IP name, e.g. "Fuyun".' })
  @Trim()
  @IsString()
  @Length(1, 120)
  brand!: string;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(5000)
  description!: string;

  @Field(() => Int, { description: 'Recommended retail price in fen (1/100 yuan).' })
  @IsInt()
  @Min(1)
  @Max(MAX_PRICE_FEN)
  retailPriceFen!: number;
}

/** Name, brand, description and price may change; the project and SKU may not. */
@InputType()
export class UpdateProductInput extends PartialType(
  OmitType(CreateProductInput, ['projectId', 'sku'] as const, InputType),
  InputType,
) {}
