import { Field, InputType } from '@nestjs/graphql';
import { IsString, Length, Matches } from 'class-validator';
import { IsOptionalNotNull } from '../../common/present';
import { Trim } from '@cc/graphql';

export const CITY_CODE = /^[a-z][a-z0-9-]{1,39}$/;
const CITY_CODE_MESSAGE =
  'code must be 2 to 40 lowercase letters, digits or hyphens, starting with a letter';

@InputType()
export class CreateCityInput {
  @Field({ description: 'Stable short code, unique, e.g. "shenyang".' })
  @Trim()
  @IsString()
  @Matches(CITY_CODE, { message: CITY_CODE_MESSAGE })
  code!: string;

  @Field({ description: 'Name in English or pinyin, e.g. "Shenyang".' })
  @Trim()
  @IsString()
  @Length(1, 120)
  name!: string;

  @Field({ description: 'Local-language name, e.g. 沈阳.' })
  @Trim()
  @IsString()
  @Length(1, 120)
  localName!: string;
}

/** Omitted fields stay as they are. */
@InputType()
export class UpdateCityInput {
  @Field({ nullable: true })
  @IsOptionalNotNull()
  @Trim()
  @IsString()
  @Matches(CITY_CODE, { message: CITY_CODE_MESSAGE })
  code?: string;

  @Field({ nullable: true })
  @IsOptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 120)
  name?: string;

  @Field({ nullable: true })
  @IsOptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 120)
  localName?: string;
}
