import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  MaxLength,
} from 'class-validator';
import { ConnectionArgs, Trim } from '@cc/graphql';
import { ApplicationState } from '../application-state';

@InputType()
export class ApplyToCohortInput {
  @Field(() => ID)
  @IsUUID()
  cohortId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Apply for a team you belong to; omit to apply alone.',
  })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @Field(() => [ID], { description: 'Your (or your team’s) projects, 1–20.' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  projectIds!: string[];

  @Field()
  @Trim()
  @IsString()
  @Length(20, 10_000)
  pitch!: string;
}

@InputType()
export class DecisionInput {
  @Field({ nullable: true, description: 'Shown to the applicant.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(5_000)
  note?: string;
}

@ArgsType()
export class CohortApplicationsArgs extends ConnectionArgs {
  @Field(() => ID)
  @IsUUID()
  cohortId!: string;

  @Field(() => ApplicationState, { nullable: true })
  @IsOptional()
  @IsEnum(ApplicationState)
  state?: ApplicationState;
}
