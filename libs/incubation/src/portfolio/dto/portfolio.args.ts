import { ArgsType, Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { ConnectionArgs, Trim } from '@cc/graphql';
import { ApplicationState } from '../../application/application-state';

export enum PortfolioOrder {
  TEAM_NAME = 'TEAM_NAME',
  ADMITTED_AT = 'ADMITTED_AT',
  REVENUE_DESC = 'REVENUE_DESC',
  UNITS_SOLD_DESC = 'UNITS_SOLD_DESC',
  SELL_THROUGH_DESC = 'SELL_THROUGH_DESC',
  MILESTONES_DONE_DESC = 'MILESTONES_DONE_DESC',
  COUPLING_DESC = 'COUPLING_DESC',
}
registerEnumType(PortfolioOrder, { name: 'PortfolioOrder' });

@InputType()
export class PortfolioFilterInput {
  @Field(() => [ApplicationState], {
    nullable: true,
    description: 'Default: ADMITTED and GRADUATED (the teams holding a seat).',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsEnum(ApplicationState, { each: true })
  states?: ApplicationState[];

  @Field({ nullable: true, description: 'Part of the team’s name.' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(100)
  text?: string;

  @Field({
    nullable: true,
    description: 'Only teams with (true) or without (false) overdue milestones.',
  })
  @IsOptional()
  @IsBoolean()
  hasOverdueMilestones?: boolean;
}

@ArgsType()
export class PortfolioArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'Your INCUBATOR organization.' })
  @IsUUID()
  incubatorId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  cohortId?: string;

  @Field(() => PortfolioFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => PortfolioFilterInput)
  filter?: PortfolioFilterInput;

  @Field(() => PortfolioOrder, { defaultValue: PortfolioOrder.TEAM_NAME })
  @IsEnum(PortfolioOrder)
  orderBy!: PortfolioOrder;
}
