import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { BidState } from './bid-state.enum';
import { PriceTier } from './price-tier';

/**
 * A manufacturer's sealed offer to make a project. Only its organization's members and the
 * project's owners may read it; the resolver enforces that on every path that reaches a bid.
 */
@ObjectType()
@Entity()
// At most one accepted bid per project, enforced by the database (with the project row lock in acceptBid).
@Index('UQ_bid_one_accepted_per_project', ['projectId'], {
  unique: true,
  where: `"state" = 'ACCEPTED'`,
})
// One live bid per manufacturer and project: revise it rather than bidding twice.
@Index('UQ_bid_one_active_per_organization', ['projectId', 'organizationId'], {
  unique: true,
  where: `"state" IN ('SUBMITTED', 'REVISED')`,
})
export class Bid extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field()
  declare createdAt: Date;

  @Field()
  declare updatedAt: Date;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  projectId!: string;

  @Field(() => ID, { description: 'The manufacturer organization that bids.' })
  @Column({ type: 'uuid' })
  organizationId!: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  submittedByUserId!: string;

  @Field(() => BidState)
  @Column({ type: 'enum', enum: BidState, enumName: 'bid_state', default: BidState.SUBMITTED })
  state!: BidState;

  @Field(() => [PriceTier])
  @Column({ type: 'jsonb' })
  priceTiers!: PriceTier[];

  @Field(() => Int, { description: 'Minimum order quantity.' })
  @Column({ type: 'int' })
  moq!: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  leadTimeDays!: number;

  @Field(() => Int, { description: 'Sample cost in fen.' })
  @Column({ type: 'int' })
  sampleCostFen!: number;

  @Field()
  @Column({ type: 'text', default: '' })
  note!: string;

  @Field(() => Int, { description: 'Starts at 1; each revision adds one.' })
  @Column({ type: 'int', default: 1 })
  revision!: number;
}
