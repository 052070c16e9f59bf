import { Field, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, Max, Min } from 'class-validator';

/** A unit price that applies from `minQuantity` units upwards. */
@ObjectType()
@InputType('PriceTierInput')
export class PriceTier {
  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  minQuantity!: number;

  @Field(() => Int, { description: 'Unit price in fen (1/100 yuan).' })
  @IsInt()
  @Min(1, { message: 'unitPriceFen must be positive' })
  @Max(100_000_000)
  unitPriceFen!: number;
}

/** The tier for a quantity: the one with the largest `minQuantity` not above it; null below all tiers. */
export function unitPriceAt(tiers: readonly PriceTier[], quantity: number): number | null {
  let best: PriceTier | null = null;
  for (const tier of tiers) {
    if (tier.minQuantity <= quantity && (!best || tier.minQuantity > best.minQuantity)) best = tier;
  }
  return best?.unitPriceFen ?? null;
}

/** Tiers must start at distinct quantities. */
export function duplicateTierQuantities(tiers: readonly PriceTier[]): number[] {
  const seen = new Set<number>();
  const duplicates = new Set<number>();
  for (const tier of tiers) (seen.has(tier.minQuantity) ? duplicates : seen).add(tier.minQuantity);
  return [...duplicates];
}
