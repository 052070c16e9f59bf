import { ArgsType, Field, ID } from '@nestjs/graphql';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ConnectionArgs } from '@cc/graphql';

@ArgsType()
export class OfficialStatisticsArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID()
  cityId!: string;

  @Field({ nullable: true, description: 'Only this indicator.' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  indicator?: string;

  @Field({ nullable: true, description: 'Only this period (2026-Q3, 2026-09 or 2026).' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  period?: string;
}
