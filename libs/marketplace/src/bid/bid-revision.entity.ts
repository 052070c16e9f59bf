import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { PriceTier } from './price-tier';

/** The terms of one revision of a bid, kept so owners can see how an offer changed. */
@ObjectType()
@Entity()
@Index(['bidId', 'revision'], { unique: true })
export class BidRevision extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field()
  declare createdAt: Date;

  @Column({ type: 'uuid' })
  bidId!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  revision!: number;

  @Field(() => [PriceTier])
  @Column({ type: 'jsonb' })
  priceTiers!: PriceTier[];

  @Field(() => Int)
  @Column({ type: 'int' })
  moq!: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  leadTimeDays!: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  sampleCostFen!: number;

  @Field()
  @Column({ type: 'text', default: '' })
  note!: string;
}
