import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * A manufacturer's track record, kept current in the same transactions that record reviews and
 * deliveries, so reading it (bid comparison, lists) never aggregates the history.
 */
@ObjectType()
@Entity()
export class ManufacturerRecord {
  @Field(() => ID)
  @PrimaryColumn({ type: 'uuid' })
  organizationId!: string;

  @Field(() => Int, { description: 'Reviews from project owners.' })
  @Column({ type: 'int', default: 0 })
  reviewCount!: number;

  /** Sum of the three review scores over all reviews; the average divides by 3 × reviewCount. */
  @Column({ type: 'int', default: 0 })
  scoreSum!: number;

  @Field(() => Int, { description: 'Orders with at least one delivery.' })
  @Column({ type: 'int', default: 0 })
  deliveredOrders!: number;

  @Field(() => Int, { description: 'Orders whose first delivery came by the due date.' })
  @Column({ type: 'int', default: 0 })
  onTimeOrders!: number;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Float, {
    nullable: true,
    description: 'Average review score (1–5); null until reviewed.',
  })
  get rating(): number | null {
    return this.reviewCount ? this.scoreSum / (3 * this.reviewCount) : null;
  }

  @Field(() => Float, {
    nullable: true,
    description: 'Share of delivered orders that were on time.',
  })
  get onTimeRate(): number | null {
    return this.deliveredOrders ? this.onTimeOrders / this.deliveredOrders : null;
  }
}
