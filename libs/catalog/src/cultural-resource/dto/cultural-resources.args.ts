import { ArgsType, Field } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsOptional, ValidateNested } from 'class-validator';
import { ConnectionArgs } from '@cc/graphql';
import { CulturalResourceFilterInput } from './cultural-resource-filter.input';

@ArgsType()
export class CulturalResourcesArgs extends ConnectionArgs {
  @Field(() => CulturalResourceFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => CulturalResourceFilterInput)
  filter?: CulturalResourceFilterInput;
}
