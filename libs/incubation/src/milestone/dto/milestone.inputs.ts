import { Field, ID, InputType } from '@nestjs/graphql';
import { IsDate, IsEnum, IsISO8601, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { Type } from 'class-transformer';
import { Trim } from '@cc/graphql';
import { MilestoneKind } from '../milestone-kind.enum';

@InputType()
export class CreateMilestoneInput {
  @Field(() => ID)
  @IsUUID()
  cohortId!: string;

  @Field(() => MilestoneKind)
  @IsEnum(MilestoneKind)
  kind!: MilestoneKind;

  @Field({ nullable: true, description: 'Required for CUSTOM; defaults to the kind’s name.' })
  @IsOptional()
  @Trim()
  @IsString()
  @Length(2, 200)
  title?: string;

  @Field({ nullable: true, description: 'YYYY-MM-DD; after it an unreached milestone is overdue.' })
  @IsOptional()
  @IsISO8601({ strict: true })
  @Length(10, 10)
  dueOn?: string;
}

@InputType()
export class MarkMilestoneDoneInput {
  @Field(() => ID)
  @IsUUID()
  milestoneId!: string;

  @Field(() => ID)
  @IsUUID()
  applicationId!: string;

  @Field({ description: 'What shows it is done: a link, a document, a description.' })
  @Trim()
  @IsString()
  @Length(3, 2_000)
  evidence!: string;

  @Field({ nullable: true, description: 'When it was reached; default now.' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  completedAt?: Date;
}
