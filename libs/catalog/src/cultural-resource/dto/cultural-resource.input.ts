import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsOptionalNotNull } from '../../common/present';
import { CulturalResourceKind } from '../cultural-resource-kind.enum';
import { Trim } from '@cc/graphql';

const FINITE = { allowNaN: false, allowInfinity: false };

@InputType({ description: 'A WGS 84 point.' })
export class GeoPointInput {
  @Field(() => Float, { description: 'Degrees, −90 to 90.' })
  @IsNumber(FINITE)
  @Min(-90)
  @Max(90)
  latitude!: number;

  @Field(() => Float, { description: 'Degrees, −180 to 180.' })
  @IsNumber(FINITE)
  @Min(-180)
  @Max(180)
  longitude!: number;
}

@InputType()
export class CreateCulturalResourceInput {
  @Field(() => ID)
  @IsUUID()
  cityId!: string;

  @Field(() => ID, { nullable: true, description: 'A district of the same city.' })
  @IsOptional()
  @IsUUID()
  districtId?: string | null;

  @Field({ description: 'Name in English or pinyin, e.g. "Shenyang Imperial Palace".' })
  @Trim()
  @IsString()
  @Length(1, 200)
  name!: string;

  @Field({ description: 'Local-language name, e.g. 沈阳故宫.' })
  @Trim()
  @IsString()
  @Length(1, 200)
  localName!: string;

  @Field(() => CulturalResourceKind)
  @IsEnum(CulturalResourceKind)
  kind!: CulturalResourceKind;

  @Field({ nullable: true, defaultValue: '' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointInput)
  location?: GeoPointInput | null;
}

/** Omitted fields stay as they are; `districtId: null` and `location: null` clear them. */
@InputType()
export class UpdateCulturalResourceInput {
  @Field(() => ID, {
    nullable: true,
    description: 'Moving a resource to another city is refused while projects link it.',
  })
  @IsOptionalNotNull()
  @IsUUID()
  cityId?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  districtId?: string | null;

  @Field({ nullable: true })
  @IsOptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 200)
  name?: string;

  @Field({ nullable: true })
  @IsOptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 200)
  localName?: string;

  @Field(() => CulturalResourceKind, { nullable: true })
  @IsOptionalNotNull()
  @IsEnum(CulturalResourceKind)
  kind?: CulturalResourceKind;

  @Field({ nullable: true })
  @IsOptionalNotNull()
  @Trim()
  @IsString()
  @MaxLength(5000)
  description?: string;

  @Field(() => GeoPointInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => GeoPointInput)
  location?: GeoPointInput | null;
}
