import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CouplingVariant,
  IndicatorDirection,
  IndicatorWeightingMethod,
  StandardizationMethod,
  SubsystemWeightingMethod,
} from '../../graphql-enums';
import { PeriodGranularity } from '../../period';
import {
  IndicatorAggregation,
  IndicatorSource,
} from '../../platform-indicators/platform-indicator.catalog';
import { INDICATOR_KEY_PATTERN } from '../indicator-system.definition';
import { IndicatorSystemBasisInput } from './indicator-system-basis.input';

const KEY_MESSAGE = 'must start with a letter and hold only letters, digits and underscores';

@InputType()
export class IndicatorInput {
  @Field({
    description: 'Column key: a platform indicator key, or the name used in statistics CSVs.',
  })
  @Matches(INDICATOR_KEY_PATTERN, { message: `key ${KEY_MESSAGE}` })
  key!: string;

  @Field()
  @IsString()
  @Length(1, 200)
  label!: string;

  @Field(() => IndicatorDirection, { defaultValue: IndicatorDirection.POSITIVE })
  @IsEnum(IndicatorDirection)
  direction: IndicatorDirection = IndicatorDirection.POSITIVE;

  @Field(() => IndicatorSource)
  @IsEnum(IndicatorSource)
  source!: IndicatorSource;

  @Field(() => IndicatorAggregation, {
    nullable: true,
    description: "PLATFORM indicators only; defaults to the catalogue's aggregation.",
  })
  @IsOptional()
  @IsEnum(IndicatorAggregation)
  aggregation?: IndicatorAggregation;

  @Field(() => Float, {
    nullable: true,
    description: 'Weight within its subsystem (FIXED weighting).',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  weight?: number;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  unit?: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;
}

@InputType()
export class SubsystemInput {
  @Field({ description: 'e.g. cultural_soft_power (U1) or talent_innovation (U2).' })
  @Matches(INDICATOR_KEY_PATTERN, { message: `name ${KEY_MESSAGE}` })
  name!: string;

  @Field()
  @IsString()
  @Length(1, 200)
  label!: string;

  @Field(() => Float, {
    nullable: true,
    description: 'α of this subsystem (FIXED subsystem weighting).',
  })
  @IsOptional()
  @IsNumber()
  @Min(0)
  weight?: number;

  @Field(() => [IndicatorInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => IndicatorInput)
  indicators!: IndicatorInput[];
}

@InputType()
export class CreateIndicatorSystemVersionInput {
  @Field(() => ID, {
    nullable: true,
    description: 'The city it applies to; omit for every city (ADMIN only).',
  })
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @Field(() => PeriodGranularity, { defaultValue: PeriodGranularity.QUARTER })
  @IsEnum(PeriodGranularity)
  periodGranularity: PeriodGranularity = PeriodGranularity.QUARTER;

  @Field(() => [SubsystemInput])
  @ArrayMinSize(2)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => SubsystemInput)
  subsystems!: SubsystemInput[];

  @Field(() => IndicatorWeightingMethod, { defaultValue: IndicatorWeightingMethod.ENTROPY })
  @IsEnum(IndicatorWeightingMethod)
  indicatorWeighting: IndicatorWeightingMethod = IndicatorWeightingMethod.ENTROPY;

  @Field(() => SubsystemWeightingMethod, { defaultValue: SubsystemWeightingMethod.EQUAL })
  @IsEnum(SubsystemWeightingMethod)
  subsystemWeighting: SubsystemWeightingMethod = SubsystemWeightingMethod.EQUAL;

  @Field(() => StandardizationMethod, { defaultValue: StandardizationMethod.MINMAX })
  @IsEnum(StandardizationMethod)
  standardization: StandardizationMethod = StandardizationMethod.MINMAX;

  @Field(() => [Float], {
    nullable: true,
    description: 'Min-max target range [a, b]; default [0.01, 0.99], which keeps every x′ > 0.',
  })
  @IsOptional()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsNumber({}, { each: true })
  standardizationRange?: number[];

  @Field(() => Float, { defaultValue: 1 })
  @IsNumber()
  scoreScale: number = 1;

  @Field(() => StandardizationMethod, {
    defaultValue: StandardizationMethod.NONE,
    description: 'An optional second min-max of the subsystem scores over the panel.',
  })
  @IsEnum(StandardizationMethod)
  scoreStandardization: StandardizationMethod = StandardizationMethod.NONE;

  @Field(() => [Float], { nullable: true })
  @IsOptional()
  @ArrayMinSize(2)
  @ArrayMaxSize(2)
  @IsNumber({}, { each: true })
  scoreStandardizationRange?: number[];

  @Field(() => CouplingVariant, { defaultValue: CouplingVariant.STANDARD })
  @IsEnum(CouplingVariant)
  couplingVariant: CouplingVariant = CouplingVariant.STANDARD;

  @Field(() => Float, { defaultValue: 0 })
  @IsNumber()
  @Min(0)
  productFloor: number = 0;

  @Field(() => IndicatorSystemBasisInput, {
    nullable: true,
    description:
      'The basis live numbers are computed on. Default: BASELINE derived from the first computable panel (headroom 0), then fixed.',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => IndicatorSystemBasisInput)
  basis?: IndicatorSystemBasisInput | null;

  @Field({ nullable: true, description: 'Why this version was made.' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
