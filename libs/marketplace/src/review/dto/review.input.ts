import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';

@InputType()
export class ReviewInput {
  @Field(() => Int, { description: '1–5' })
  @IsInt()
  @Min(1)
  @Max(5)
  quality!: number;

  @Field(() => Int, { description: '1–5' })
  @IsInt()
  @Min(1)
  @Max(5)
  onTimeDelivery!: number;

  @Field(() => Int, { description: '1–5' })
  @IsInt()
  @Min(1)
  @Max(5)
  communication!: number;

  @Field({ defaultValue: '' })
  @IsString()
  @MaxLength(2000)
  comment!: string;
}
