import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsUUID, ValidateNested } from 'class-validator';
import { CulturalResourceKind } from '@cc/catalog';
import { ConnectionArgs } from '@cc/graphql';
import { OutletType } from '../outlet-type.enum';

@InputType()
export class OutletFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => OutletType, { nullable: true })
  @IsOptional()
  @IsEnum(OutletType)
  type?: OutletType;

  @Field(() => CulturalResourceKind, { nullable: true })
  @IsOptional()
  @IsEnum(CulturalResourceKind)
  theme?: CulturalResourceKind;

  @Field(() => ID, {
    nullable: true,
    deprecationReason: 'Use recommendedOutlets(productId): ranked, with scores and reasons.',
    description:
      "Outlets this product fits: a theme in common and the product's price within their price band.",
  })
  @IsOptional()
  @IsUUID()
  matchingProductId?: string;
}

@ArgsType()
export class OutletsArgs extends ConnectionArgs {
  @Field(() => OutletFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OutletFilterInput)
  filter?: OutletFilterInput;
}
