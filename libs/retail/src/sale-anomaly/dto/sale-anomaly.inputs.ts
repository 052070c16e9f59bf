import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ConnectionArgs, Trim } from '@cc/graphql';
import { SaleAnomalyDecision, SaleAnomalyStatus } from '../sale-anomaly-status.enum';

export const MAX_REVIEW_NOTE_LENGTH = 1_000;

@ArgsType()
export class SaleAnomaliesArgs extends ConnectionArgs {
  @Field(() => SaleAnomalyStatus, { nullable: true, description: 'Only these; all when omitted.' })
  @IsOptional()
  @IsEnum(SaleAnomalyStatus)
  status?: SaleAnomalyStatus;

  @Field(() => ID, {
    nullable: true,
    description: 'One of the cities you are an official for; all of them when omitted.',
  })
  @IsOptional()
  @IsUUID()
  cityId?: string;
}

@InputType()
export class ReviewSaleAnomalyInput {
  @Field(() => ID)
  @IsUUID()
  anomalyId!: string;

  @Field(() => SaleAnomalyDecision, {
    description: 'ACCEPT: the sale counts from now. REJECT: it never counts. Final either way.',
  })
  @IsEnum(SaleAnomalyDecision)
  decision!: SaleAnomalyDecision;

  @Field({
    nullable: true,
    description: `Shown to the retailer (at most ${MAX_REVIEW_NOTE_LENGTH} characters).`,
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(MAX_REVIEW_NOTE_LENGTH)
  note?: string;
}
