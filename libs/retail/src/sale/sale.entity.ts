import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { BIGINT_AS_NUMBER } from '../common/bigint.transformer';
import { Placement } from '../placement/placement.entity';

/**
 * One sale reported by an outlet: units of a product at a unit price, at a time, under the
 * placement that was active then. Idempotent by the retailer's own id: (outlet, externalId) is
 * unique, so a sale reported twice (one by one or in a CSV) is stored once.
 */
@ObjectType()
@Entity()
// What each index buys (EXPLAIN-checked; see README "Performance"): idempotency and the import's
// per-row lookups (outlet, external id); settlement, units per placement and the FK's RESTRICT
// (placement, sold_at); the stock check and sales by product (product, sold_at); sales by outlet,
// newest first (outlet, sold_at). Nothing reads sale by city: per-city figures come from facts.
@Index('UQ_sale_outlet_external_id', ['outletId', 'externalId'], { unique: true })
@Index(['placementId', 'soldAt'])
@Index(['productId', 'soldAt'])
@Index(['outletId', 'soldAt'])
// An import's own rows, counted when it finishes.
@Index('IDX_sale_import', ['importId'], { where: '"import_id" IS NOT NULL' })
@Check(
  '"quantity" > 0 AND "unit_price_fen" >= 0 AND "amount_fen" = "quantity"::bigint * "unit_price_fen"',
)
export class Sale extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field({ description: 'When it was recorded on the platform.' })
  declare createdAt: Date;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  outletId!: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  productId!: string;

  // The placement fixes the product, the outlet and the terms the sale settles under.
  @ManyToOne(() => Placement, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'placement_id', foreignKeyConstraintName: 'FK_sale_placement' })
  placement?: Placement;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  placementId!: string;

  @Field(() => ID, { description: "The outlet's RETAILER organization." })
  @Column({ type: 'uuid' })
  organizationId!: string;

  @Field(() => ID, { description: "The outlet's city: where the sale counts for coupling." })
  @Column({ type: 'uuid' })
  cityId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  quantity!: number;

  @Field(() => Int, { description: 'Price paid per unit, in fen.' })
  @Column({ type: 'int' })
  unitPriceFen!: number;

  @Field(() => Float, { description: 'quantity × unitPriceFen, in whole fen.' })
  @Column({ type: 'bigint', transformer: BIGINT_AS_NUMBER })
  amountFen!: number;

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  soldAt!: Date;

  @Field({ description: "The retailer's own id for the sale (receipt or POS line)." })
  @Column({ type: 'text' })
  externalId!: string;

  @Field(() => ID, { nullable: true, description: 'The CSV import it came from, if any.' })
  @Column({ type: 'uuid', nullable: true })
  importId!: string | null;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  recordedByUserId!: string;

  @Field({
    description:
      "Whether it counts in the city's metrics and settlement: false while held for review (see review) and once rejected.",
  })
  @Column({ type: 'boolean', default: true })
  counted!: boolean;
}
