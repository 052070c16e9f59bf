import { Field, Float, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { BasisOrigin } from '../indicator-system-basis';

@InputType({ description: 'Fixed bounds of one indicator: values outside are clipped.' })
export class IndicatorGoalpostInput {
  @Field()
  @IsString()
  @MaxLength(64)
  indicator!: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  lower!: number;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  upper!: number;
}

@InputType({
  description:
    'How the version’s basis (goalposts and weights) is made. Default: BASELINE from the first computable panel, headroom 0.',
})
export class IndicatorSystemBasisInput {
  @Field(() => BasisOrigin)
  @IsEnum(BasisOrigin)
  origin!: BasisOrigin;

  @Field(() => [String], {
    nullable: true,
    description:
      'BASELINE: the periods to derive from (e.g. 2026-Q1, 2026-Q2); omit for every period of the first computable panel.',
  })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(120)
  @IsString({ each: true })
  @MaxLength(10, { each: true })
  baselinePeriods?: string[] | null;

  @Field(() => Float, {
    nullable: true,
    description: 'BASELINE: each bound is widened by headroom × (max − min); default 0.',
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10)
  headroom?: number | null;

  @Field(() => [IndicatorGoalpostInput], {
    nullable: true,
    description:
      'EXPLICIT: one [lower, upper] per indicator. Weights are the version’s FIXED indicator weights and its FIXED or EQUAL subsystem weights.',
  })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => IndicatorGoalpostInput)
  goalposts?: IndicatorGoalpostInput[] | null;
}
