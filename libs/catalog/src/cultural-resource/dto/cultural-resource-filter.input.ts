import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsUUID } from 'class-validator';
import { CulturalResourceKind } from '../cultural-resource-kind.enum';

@InputType()
export class CulturalResourceFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @Field(() => CulturalResourceKind, { nullable: true })
  @IsOptional()
  @IsEnum(CulturalResourceKind)
  kind?: CulturalResourceKind;
}
