import { Field, ID, InputType } from '@nestjs/graphql';
import { IsString, IsUUID, Length } from 'class-validator';
import { IsOptionalNotNull } from '../../common/present';
import { Trim } from '@cc/graphql';

@InputType()
export class CreateDistrictInput {
  @Field(() => ID)
  @IsUUID()
  cityId!: string;

  @Field({ description: 'Unique within the city, e.g. "Tiexi".' })
  @Trim()
  @IsString()
  @Length(1, 120)
  name!: string;

  @Field({ description: 'Local-language name, e.g. 铁西区.' })
  @Trim()
  @IsString()
  @Length(1, 120)
  localName!: string;
}

/** A district stays in its city; omitted fields stay as they are. */
@InputType()
export class UpdateDistrictInput {
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
