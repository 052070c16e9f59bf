import { ArgsType, Field, Float, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Trim } from '@cc/graphql';
import { KpiMetricKind } from '../kpi-metric-kind.enum';

const PERIOD = /^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/;

@InputType()
export class DefineKpiMetricInput {
  @Field(() => ID)
  @IsUUID()
  cohortId!: string;

  @Field(() => KpiMetricKind)
  @IsEnum(KpiMetricKind)
  kind!: KpiMetricKind;

  @Field({ nullable: true, description: 'Required for CUSTOM; defaults to the kind’s name.' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(2, 100)
  name?: string;

  @Field({ nullable: true, description: 'Defaults to the kind’s unit (CNY, units, ...).' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(1, 30)
  unit?: string;
}

@InputType()
export class KpiValueInput {
  @Field(() => ID)
  @IsUUID()
  metricId!: string;

  @Field(() => Float)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1e15)
  @Max(1e15)
  value!: number;
}

@InputType()
export class SubmitKpiReportInput {
  @Field(() => ID)
  @IsUUID()
  applicationId!: string;

  @Field({ description: 'The period by the cohort’s cadence: `2027-Q1` or `2027-03`.' })
  @Matches(PERIOD, { message: 'period must look like 2027-Q1 or 2027-03' })
  period!: string;

  @Field(() => [KpiValueInput], {
    description:
      'Values of the metrics the team reports. Platform-derived ones are filled by the platform; giving a different value is refused.',
  })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => KpiValueInput)
  values!: KpiValueInput[];
}

@ArgsType()
export class KpiReportDraftArgs {
  @Field(() => ID)
  @IsUUID()
  applicationId!: string;

  @Field()
  @Matches(PERIOD, { message: 'period must look like 2027-Q1 or 2027-03' })
  period!: string;
}
