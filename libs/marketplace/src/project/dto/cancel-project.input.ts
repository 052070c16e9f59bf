import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

@InputType()
export class CancelProjectInput {
  @Field(() => String, {
    nullable: true,
    description: 'Why; required once a bid was accepted (the manufacturer is told).',
  })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'After production started: what the owners pay the manufacturer for work in progress, in fen, on top of the delivered units.',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  compensationFen?: number;
}
