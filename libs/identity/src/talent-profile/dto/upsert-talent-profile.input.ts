import { Field, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  ArrayMaxSize,
  ArrayUnique,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Discipline } from '../discipline.enum';
import { ABILITY_MAX, ABILITY_MIN } from '../talent-profile.entity';
import { Trim } from '@cc/graphql';

const Ability = () => (target: object, property: string) => {
  Field(() => Int, { nullable: true })(target, property);
  IsOptional()(target, property);
  IsInt()(target, property);
  Min(ABILITY_MIN)(target, property);
  Max(ABILITY_MAX)(target, property);
};

@InputType({ description: `Each ${ABILITY_MIN}–${ABILITY_MAX}; null clears, left out keeps.` })
export class AbilitySelfAssessmentInput {
  @Ability() creativeThinking?: number | null;
  @Ability() marketInsight?: number | null;
  @Ability() entrepreneurialOperation?: number | null;
  @Ability() crossDisciplinaryIntegration?: number | null;
  @Ability() localCultureInheritance?: number | null;
}

/** The signed-in talent's own profile. Fields left out keep their value. */
@InputType()
export class UpsertTalentProfileInput {
  @Field(() => [Discipline], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(6)
  @IsEnum(Discipline, { each: true })
  disciplines?: Discipline[];

  @Field(() => String, { nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(200)
  university?: string | null;

  @Field(() => [String], { nullable: true, description: 'http(s) links, at most 10.' })
  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(10)
  @IsUrl(
    { protocols: ['http', 'https'], require_protocol: true },
    { each: true, message: 'portfolioLinks must contain only http(s) URLs' },
  )
  @MaxLength(500, { each: true })
  portfolioLinks?: string[];

  @Field(() => Boolean, {
    nullable: true,
    description: 'false hides you from the talent directory.',
  })
  @IsOptional()
  @IsBoolean()
  listedInDirectory?: boolean;

  @Field(() => AbilitySelfAssessmentInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => AbilitySelfAssessmentInput)
  abilities?: AbilitySelfAssessmentInput;
}
