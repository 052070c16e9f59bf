import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsUUID, Min } from 'class-validator';
import { ConnectionArgs } from '@cc/graphql';

@ArgsType()
export class IndicatorSystemVersionsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: "Only global versions and this city's own." })
  @IsOptional()
  @IsUUID()
  cityId?: string;
}

@ArgsType()
export class IndicatorSystemArgs {
  @Field(() => Int, { nullable: true, description: 'A version number; default: the one in force.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @Field(() => ID, { nullable: true, description: 'The city whose version in force is wanted.' })
  @IsOptional()
  @IsUUID()
  cityId?: string;
}
