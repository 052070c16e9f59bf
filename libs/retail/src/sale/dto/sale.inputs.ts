import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { ConnectionArgs, Trim } from '@cc/graphql';

export const MAX_SALE_QUANTITY = 100_000;
export const MAX_SALE_UNIT_PRICE_FEN = 100_000_000;
export const EXTERNAL_ID_PATTERN = /^[\x21-\x7e]{1,100}$/;

@InputType()
export class RecordSaleInput {
  @Field(() => ID, { description: 'One of your outlets.' })
  @IsUUID()
  outletId!: string;

  @Field(() => ID, { description: 'A product with a placement at the outlet, active at soldAt.' })
  @IsUUID()
  productId!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(MAX_SALE_QUANTITY)
  quantity!: number;

  @Field(() => Int, { description: 'Price paid per unit, in fen (1/100 yuan).' })
  @IsInt()
  @Min(0)
  @Max(MAX_SALE_UNIT_PRICE_FEN)
  unitPrice!: number;

  @Field({ description: 'When the sale happened; not in the future.' })
  @Type(() => Date)
  @IsDate()
  soldAt!: Date;

  @Field({
    description:
      'Your own id for the sale (receipt or POS line), unique per outlet: sending it again records nothing new.',
  })
  @Trim()
  @IsString()
  @Length(1, 100)
  @Matches(EXTERNAL_ID_PATTERN, {
    message: 'externalId must be 1–100 printable ASCII characters without spaces',
  })
  externalId!: string;
}

@InputType()
export class SaleFilterInput {
  @Field(() => ID, { nullable: true, description: 'An outlet of your organization.' })
  @IsOptional()
  @IsUUID()
  outletId?: string;

  @Field(() => ID, { nullable: true, description: 'A product you make.' })
  @IsOptional()
  @IsUUID()
  productId?: string;

  @Field({ nullable: true, description: 'Sold at or after.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  from?: Date;

  @Field({ nullable: true, description: 'Sold before.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  to?: Date;
}

@ArgsType()
export class SalesArgs extends ConnectionArgs {
  @Field(() => SaleFilterInput, { description: 'Name an outlet of yours or a product you make.' })
  @ValidateNested()
  @Type(() => SaleFilterInput)
  filter!: SaleFilterInput;
}
