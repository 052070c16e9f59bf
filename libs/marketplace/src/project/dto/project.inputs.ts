import { Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDate,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ManufacturingProcess } from '@cc/identity';
import { ProjectCategory } from '../project-category.enum';

@InputType()
export class CreateProjectInput {
  @Field()
  @IsString()
  @Length(3, 200)
  title!: string;

  @Field()
  @IsString()
  @Length(10, 10_000)
  description!: string;

  @Field(() => ID)
  @IsUUID()
  cityId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Post for a team you belong to; omit to post as yourself.',
  })
  @IsOptional()
  @IsUUID()
  teamId?: string;

  @Field(() => ProjectCategory)
  @IsEnum(ProjectCategory)
  category!: ProjectCategory;

  @Field(() => [ID])
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  culturalResourceIds!: string[];

  @Field(() => [ManufacturingProcess])
  @IsArray()
  @ArrayMaxSize(20)
  @IsEnum(ManufacturingProcess, { each: true })
  processes!: ManufacturingProcess[];

  @Field(() => [String])
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  materials!: string[];

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  quantity!: number;

  @Field(() => Int, { description: 'Target unit cost in fen (1/100 yuan).' })
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  targetUnitCostFen!: number;

  @Field(() => [String], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(60, { each: true })
  requiredCertifications!: string[];

  @Field()
  @Type(() => Date)
  @IsDate()
  bidDeadline!: Date;

  @Field()
  @Type(() => Date)
  @IsDate()
  deliveryDeadline!: Date;
}

/** Every field optional; the owning team and city are fixed at creation. */
@InputType()
export class UpdateProjectInput extends PartialType(
  OmitType(CreateProjectInput, ['cityId', 'teamId'] as const, InputType),
  InputType,
) {}
