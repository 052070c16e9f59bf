import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { Outlet } from '../outlet/outlet.entity';
import { Product } from '../product/product.entity';
import { PlacementSide, PlacementState } from './placement-state';
import { PlacementTermsType } from './placement-terms.enum';
import { RoyaltyShare } from './royalty-share';

/**
 * A product at an outlet, under wholesale or consignment terms, with the makers' royalty split.
 * Either side proposes; the other accepts or declines; either ends it. Terms are fixed for the
 * placement's life: to change them, end it and propose a new one.
 */
@ObjectType()
@Entity()
// One open (proposed or active) placement per product and outlet.
@Index('UQ_placement_open_per_product_outlet', ['productId', 'outletId'], {
  unique: true,
  where: `"state" IN ('OFFERED', 'REQUESTED', 'ACTIVE')`,
})
@Index(['outletId', 'state'])
@Index(['productId', 'state'])
@Index(['organizationId', 'state'])
@Check(
  `("terms_type" = 'WHOLESALE' AND "wholesale_unit_price_fen" IS NOT NULL AND "consignment_commission_bp" IS NULL) OR ("terms_type" = 'CONSIGNMENT' AND "consignment_commission_bp" BETWEEN 0 AND 10000 AND "wholesale_unit_price_fen" IS NULL)`,
)
@Check(`"heritage_royalty_bp" BETWEEN 0 AND 10000`)
export class Placement extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field()
  declare createdAt: Date;

  @Field()
  declare updatedAt: Date;

  @ManyToOne(() => Product, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'product_id', foreignKeyConstraintName: 'FK_placement_product' })
  product?: Product;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  productId!: string;

  @ManyToOne(() => Outlet, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'outlet_id', foreignKeyConstraintName: 'FK_placement_outlet' })
  outlet?: Outlet;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  outletId!: string;

  @Field(() => ID, { description: "The outlet's RETAILER organization." })
  @Column({ type: 'uuid' })
  organizationId!: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  projectId!: string;

  @Field(() => PlacementState)
  @Column({ type: 'enum', enum: PlacementState, enumName: 'placement_state' })
  state!: PlacementState;

  @Field(() => PlacementSide, { description: 'The side that proposed the placement.' })
  @Column({ type: 'enum', enum: PlacementSide, enumName: 'placement_side' })
  initiatedBy!: PlacementSide;

  @Field(() => PlacementTermsType)
  @Column({ type: 'enum', enum: PlacementTermsType, enumName: 'placement_terms_type' })
  termsType!: PlacementTermsType;

  @Field(() => Int, {
    nullable: true,
    description: 'WHOLESALE: fen paid to the makers for each unit sold.',
  })
  @Column({ type: 'int', nullable: true })
  wholesaleUnitPriceFen!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: "CONSIGNMENT: the retailer's commission in basis points (3330 = 33.3%).",
  })
  @Column({ type: 'int', nullable: true })
  consignmentCommissionBp!: number | null;

  @Field(() => [RoyaltyShare], {
    nullable: true,
    description:
      "How the makers' proceeds (after any heritage royalty) are shared among the talents. Empty until the makers set it when they accept a retailer's request.",
  })
  @Column({ type: 'jsonb', nullable: true })
  royaltySplit!: RoyaltyShare[] | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The organization owning licensed heritage IP (a palace or museum).',
  })
  @Column({ type: 'uuid', nullable: true })
  heritageOwnerOrganizationId!: string | null;

  @Field(() => Int, {
    description: "Heritage-owner royalty in basis points of the makers' proceeds; 0 for none.",
  })
  @Column({ type: 'int', default: 0 })
  heritageRoyaltyBp!: number;

  @Field()
  @Column({ type: 'text', default: '' })
  note!: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  proposedByUserId!: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  answeredByUserId!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was accepted.' })
  @Column({ type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When it was declined, withdrawn or ended.' })
  @Column({ type: 'timestamptz', nullable: true })
  closedAt!: Date | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  closedByUserId!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was declined or ended.' })
  @Column({ type: 'text', nullable: true })
  closingReason!: string | null;
}
