import { Field, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsUUID, Max, Min } from 'class-validator';

/** 100% in basis points: 1 bp = 0.01%. Every share and rate of the retail domain uses them. */
export const BASIS_POINTS = 10_000;

@ObjectType()
export class RoyaltyShare {
  @Field(() => ID, { description: 'A talent: a member of the owning team, or the solo owner.' })
  userId!: string;

  @Field(() => Int, { description: 'Share of the makers’ royalty pool in basis points.' })
  shareBp!: number;
}

@InputType()
export class RoyaltyShareInput {
  @Field(() => ID)
  @IsUUID()
  userId!: string;

  @Field(() => Int, { description: 'Basis points (1–10000); the shares must add up to 10000.' })
  @IsInt()
  @Min(1)
  @Max(BASIS_POINTS)
  shareBp!: number;
}
