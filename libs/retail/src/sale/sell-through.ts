import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

/** Units sold ÷ units delivered. */
@ObjectType()
export class SellThrough {
  @Field(() => Int)
  unitsSold!: number;

  @Field(() => Int)
  unitsDelivered!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'unitsSold ÷ unitsDelivered; null when nothing was delivered.',
  })
  ratio!: number | null;
}

export function sellThrough(unitsSold: number, unitsDelivered: number): SellThrough {
  return {
    unitsSold,
    unitsDelivered,
    ratio: unitsDelivered > 0 ? unitsSold / unitsDelivered : null,
  };
}
