import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import { CulturalResourceKind } from '@cc/catalog';
import { ConnectionArgs } from '@cc/graphql';

@InputType()
export class ProductFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @Field(() => CulturalResourceKind, { nullable: true })
  @IsOptional()
  @IsEnum(CulturalResourceKind)
  theme?: CulturalResourceKind;

  @Field(() => ID, {
    nullable: true,
    deprecationReason: 'Use recommendedProducts(outletId): ranked, with scores and reasons.',
    description:
      "Products that fit this outlet: a theme in common and a retail price within the outlet's price band.",
  })
  @IsOptional()
  @IsUUID()
  matchingOutletId?: string;

  @Field({ nullable: true, description: 'Words in the name, brand or SKU.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  text?: string;

  @Field({ nullable: true, description: 'Only products of projects the viewer owns.' })
  @IsOptional()
  @IsBoolean()
  mine?: boolean;
}

@ArgsType()
export class ProductsArgs extends ConnectionArgs {
  @Field(() => ProductFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProductFilterInput)
  filter?: ProductFilterInput;
}
