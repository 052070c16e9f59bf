import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsInt,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { PriceTier } from '../price-tier';

@InputType()
export class BidTermsInput {
  @Field(() => [PriceTier])
  @ArrayMinSize(1)
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => PriceTier)
  priceTiers!: PriceTier[];

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  moq!: number;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(3650)
  leadTimeDays!: number;

  @Field(() => Int, { description: 'Sample cost in fen; 0 when samples are free.' })
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  sampleCostFen!: number;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(2000)
  note!: string;
}

@InputType()
export class SubmitBidInput extends BidTermsInput {
  @Field(() => ID)
  @IsUUID()
  projectId!: string;

  @Field(() => ID, { description: 'Your manufacturer organization.' })
  @IsUUID()
  organizationId!: string;
}
