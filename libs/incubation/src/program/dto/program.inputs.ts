import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsEnum,
  IsISO8601,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { CulturalResourceKind } from '@cc/catalog';
import { ConnectionArgs, Trim } from '@cc/graphql';
import { Discipline } from '@cc/identity';
import { KpiCadence } from '../kpi-cadence.enum';

@InputType()
export class CreateProgramInput {
  @Field(() => ID, { description: 'Your INCUBATOR organization.' })
  @IsUUID()
  organizationId!: string;

  @Field()
  @Trim()
  @IsString()
  @Length(3, 200)
  name!: string;

  @Field({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(5_000)
  description?: string;
}

@InputType()
export class CreateCohortInput {
  @Field(() => ID)
  @IsUUID()
  programId!: string;

  @Field()
  @Trim()
  @IsString()
  @Length(2, 200)
  name!: string;

  @Field({ description: 'First day, YYYY-MM-DD.' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  startsOn!: string;

  @Field({ description: 'Last day, YYYY-MM-DD (after startsOn).' })
  @IsISO8601({ strict: true })
  @Length(10, 10)
  endsOn!: string;

  @Field(() => Int, { description: 'Seats: at most this many teams admitted at once (1–1000).' })
  @IsInt()
  @Min(1)
  @Max(1000)
  capacity!: number;

  @Field(() => [Discipline], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsEnum(Discipline, { each: true })
  focusDisciplines!: Discipline[];

  @Field(() => [CulturalResourceKind], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsEnum(CulturalResourceKind, { each: true })
  focusResourceKinds!: CulturalResourceKind[];

  @Field(() => KpiCadence, { defaultValue: KpiCadence.QUARTER })
  @IsEnum(KpiCadence)
  kpiCadence!: KpiCadence;
}

@ArgsType()
export class ProgramsArgs extends ConnectionArgs {
  @Field(() => ID, { nullable: true, description: 'Programs of this incubator.' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @Field(() => ID, { nullable: true, description: 'Programs of incubators in this city.' })
  @IsOptional()
  @IsUUID()
  cityId?: string;
}
