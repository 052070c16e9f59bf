import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { CulturalResourceKind } from '../cultural-resource-kind.enum';
import { Trim } from '@cc/graphql';

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

  @Field({
    nullable: true,
    description:
      'Search in the name, local name and description. Matches whole words (web-search syntax: ' +
      '"quoted phrase", -excluded, OR) and, in any language, substrings of every ' +
      'space-separated term, so 故宫 finds 沈阳故宫 and "Imper" finds "Imperial". Blank means no text filter.',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  text?: string;
}
