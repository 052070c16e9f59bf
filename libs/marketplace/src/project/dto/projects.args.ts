import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { ConnectionArgs } from '@cc/graphql';
import { ManufacturingProcess } from '@cc/identity';
import { ProjectCategory } from '../project-category.enum';
import { ProjectState } from '../project-state';

export enum ProjectOrder {
  NEWEST = 'NEWEST',
  BID_DEADLINE = 'BID_DEADLINE',
  /** Best match for `filter.text` first (trigram similarity of the title, whole-text hits first); NEWEST without text. */
  RELEVANCE = 'RELEVANCE',
}
registerEnumType(ProjectOrder, { name: 'ProjectOrder' });

@InputType()
export class ProjectFilterInput {
  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @Field(() => ProjectCategory, { nullable: true })
  @IsOptional()
  @IsEnum(ProjectCategory)
  category?: ProjectCategory;

  @Field(() => ProjectState, { nullable: true })
  @IsOptional()
  @IsEnum(ProjectState)
  state?: ProjectState;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  culturalResourceId?: string;

  @Field(() => ManufacturingProcess, {
    nullable: true,
    description: 'A process the project needs.',
  })
  @IsOptional()
  @IsEnum(ManufacturingProcess)
  process?: ManufacturingProcess;

  @Field({ nullable: true, description: 'Words in the title or description.' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  text?: string;

  @Field({ nullable: true, description: 'Only projects the viewer owns, including drafts.' })
  @IsOptional()
  mine?: boolean;
}

@ArgsType()
export class ProjectsArgs extends ConnectionArgs {
  @Field(() => ProjectFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProjectFilterInput)
  filter?: ProjectFilterInput;

  @Field(() => ProjectOrder, { defaultValue: ProjectOrder.NEWEST })
  @IsEnum(ProjectOrder)
  orderBy: ProjectOrder = ProjectOrder.NEWEST;
}
