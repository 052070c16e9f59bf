import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Check, Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@cc/database';

export enum ReviewSide {
  /** The project's owners review the manufacturer. */
  PROJECT_OWNER = 'PROJECT_OWNER',
  /** The manufacturer reviews the project's owners. */
  MANUFACTURER = 'MANUFACTURER',
}
registerEnumType(ReviewSide, { name: 'ReviewSide' });

/** One side's review of the other after delivery; each side reviews an order once. */
@ObjectType()
@Entity()
@Index(['orderId', 'side'], { unique: true })
@Check(
  `"quality" BETWEEN 1 AND 5 AND "on_time_delivery" BETWEEN 1 AND 5 AND "communication" BETWEEN 1 AND 5`,
)
export class Review extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field()
  declare createdAt: Date;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  orderId!: string;

  @Field(() => ReviewSide, { description: 'Who wrote it.' })
  @Column({ type: 'enum', enum: ReviewSide, enumName: 'review_side' })
  side!: ReviewSide;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  reviewerUserId!: string;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  quality!: number;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  onTimeDelivery!: number;

  @Field(() => Int)
  @Column({ type: 'smallint' })
  communication!: number;

  @Field()
  @Column({ type: 'text', default: '' })
  comment!: string;
}
