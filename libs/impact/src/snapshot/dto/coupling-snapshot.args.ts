import { ArgsType, Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ConnectionArgs } from '@cc/graphql';
import { CouplingSnapshotStatus } from '../../graphql-enums';

const PERIOD_HELP = '2026-Q3, 2026-09 or 2026, matching the indicator system.';
const VERSION_HELP = 'Indicator-system version; default: the one in force for the city.';
const STATUS_HELP = 'LIVE or PUBLISHED; default: the latest PUBLISHED revision if any, else LIVE.';

@ArgsType()
export class CouplingSnapshotArgs {
  @Field(() => ID)
  @IsUUID()
  cityId!: string;

  @Field({ description: PERIOD_HELP })
  @IsString()
  @MaxLength(10)
  period!: string;

  @Field(() => Int, { nullable: true, description: VERSION_HELP })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @Field(() => CouplingSnapshotStatus, { nullable: true, description: STATUS_HELP })
  @IsOptional()
  @IsEnum(CouplingSnapshotStatus)
  status?: CouplingSnapshotStatus;
}

@ArgsType()
export class CouplingSnapshotsArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID()
  cityId!: string;

  @Field({ description: `First period, included: ${PERIOD_HELP}` })
  @IsString()
  @MaxLength(10)
  from!: string;

  @Field({ description: 'Last period, included.' })
  @IsString()
  @MaxLength(10)
  to!: string;

  @Field(() => Int, { nullable: true, description: VERSION_HELP })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @Field(() => CouplingSnapshotStatus, { nullable: true, description: STATUS_HELP })
  @IsOptional()
  @IsEnum(CouplingSnapshotStatus)
  status?: CouplingSnapshotStatus;
}

@ArgsType()
export class CompareCitiesArgs extends ConnectionArgs {
  @Field({ description: PERIOD_HELP })
  @IsString()
  @MaxLength(10)
  period!: string;

  @Field(() => Int, {
    nullable: true,
    description: 'A global indicator-system version; default: the latest global one.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;

  @Field(() => CouplingSnapshotStatus, { nullable: true, description: STATUS_HELP })
  @IsOptional()
  @IsEnum(CouplingSnapshotStatus)
  status?: CouplingSnapshotStatus;
}

@InputType()
export class IndicatorDeltaInput {
  @Field()
  @IsString()
  @MaxLength(64)
  indicator!: string;

  @Field(() => Float, { description: 'Added to the raw value (negative to remove).' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  delta!: number;
}

@ArgsType()
export class SimulateCouplingArgs extends CouplingSnapshotArgs {
  @Field(() => [IndicatorDeltaInput])
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => IndicatorDeltaInput)
  changes!: IndicatorDeltaInput[];
}

@ArgsType()
export class PublishCouplingPeriodArgs {
  @Field(() => ID)
  @IsUUID()
  cityId!: string;

  @Field({ description: PERIOD_HELP })
  @IsString()
  @MaxLength(10)
  period!: string;

  @Field(() => Int, { nullable: true, description: VERSION_HELP })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}
