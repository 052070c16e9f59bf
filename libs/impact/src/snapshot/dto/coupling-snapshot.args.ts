import { ArgsType, Field, Float, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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

@InputType({
  description:
    'One indicator part of a hypothetical project: `amount` for a SUM indicator, `numerator` and `denominator` for a RATIO one.',
})
export class ProjectPartInput {
  @Field()
  @IsString()
  @MaxLength(64)
  indicator!: string;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  amount?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  numerator?: number | null;

  @Field(() => Float, { nullable: true })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  denominator?: number | null;
}

@InputType({
  description: 'A project that does not exist, given by its parts of platform indicators.',
})
export class HypotheticalProjectInput {
  @Field(() => String, { nullable: true, description: 'A name for the what-if, echoed back.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  label?: string | null;

  @Field(() => [ProjectPartInput], { description: 'No parts: a warning, not an error.' })
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ProjectPartInput)
  parts!: ProjectPartInput[];
}

@ArgsType()
export class SimulateCouplingArgs extends CouplingSnapshotArgs {
  @Field(() => [IndicatorDeltaInput], {
    defaultValue: [],
    description: 'Deltas added to raw indicator values (after the project changes).',
  })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => IndicatorDeltaInput)
  changes: IndicatorDeltaInput[] = [];

  @Field(() => [ID], {
    defaultValue: [],
    description:
      "Projects taken out: each one's stored parts are subtracted from the platform indicators' totals.",
  })
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  removeProjects: string[] = [];

  @Field(() => [HypotheticalProjectInput], {
    defaultValue: [],
    description: 'Hypothetical projects put in: their parts are added to the totals.',
  })
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => HypotheticalProjectInput)
  addProjects: HypotheticalProjectInput[] = [];
}

export enum ProjectContributionOrder {
  /** The largest ΔD first: the projects that move D most. */
  DELTA_D_DESC = 'DELTA_D_DESC',
  /** The smallest (most negative) ΔD first: the projects that hold D back. */
  DELTA_D_ASC = 'DELTA_D_ASC',
}
registerEnumType(ProjectContributionOrder, { name: 'ProjectContributionOrder' });

@ArgsType()
export class ProjectContributionsArgs extends ConnectionArgs {
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

  @Field(() => ProjectContributionOrder, { defaultValue: ProjectContributionOrder.DELTA_D_DESC })
  @IsEnum(ProjectContributionOrder)
  orderBy: ProjectContributionOrder = ProjectContributionOrder.DELTA_D_DESC;
}

@ArgsType()
export class PublishCouplingPeriodArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Picks the version in force for this city; every city of the version is frozen.',
  })
  @IsOptional()
  @IsUUID()
  cityId?: string;

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
