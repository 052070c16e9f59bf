import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, ValidateNested } from 'class-validator';
import { ConnectionArgs } from '@cc/graphql';
import { CulturalResourceOrder } from '../cultural-resource-order.enum';
import { CulturalResourceFilterInput } from './cultural-resource-filter.input';

@ArgsType()
export class CulturalResourcesArgs extends ConnectionArgs {
  @Field(() => CulturalResourceFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CulturalResourceFilterInput)
  filter?: CulturalResourceFilterInput;

  @Field(() => CulturalResourceOrder, {
    nullable: true,
    description: 'Default: RELEVANCE when filter.text is given, else NAME.',
  })
  @IsOptional()
  @IsEnum(CulturalResourceOrder)
  orderBy?: CulturalResourceOrder;
}
