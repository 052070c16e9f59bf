import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { Sale } from '../sale/sale.entity';
import { SaleAnomalyReasonCode } from './sale-anomaly-rules';
import { SaleAnomalyStatus } from './sale-anomaly-status.enum';

@ObjectType()
export class SaleAnomalyReason {
  @Field(() => SaleAnomalyReasonCode)
  code!: SaleAnomalyReasonCode;

  @Field({ description: 'The reason in words, with the figures and the setting it broke.' })
  message!: string;
}

/**
 * A sale that was possible but looked implausible: recorded and held (`sale.counted` false)
 * until an official of its city accepts it (it counts from then) or rejects it (never counts).
 */
@ObjectType({ description: 'A held sale and its review by an official of its city.' })
@Entity()
@Index('UQ_sale_anomaly_sale', ['saleId'], { unique: true })
@Index('IDX_sale_anomaly_city_status', ['cityId', 'status', 'createdAt', 'id'])
@Check('CHK_sale_anomaly_reviewed', `("status" = 'OPEN') = ("reviewed_at" IS NULL)`)
export class SaleAnomaly extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field({ description: 'When the sale was held.' })
  declare createdAt: Date;

  @ManyToOne(() => Sale, { onDelete: 'CASCADE' })
  @JoinColumn({
    name: 'sale_id',
    foreignKeyConstraintName: 'FK_sale_anomaly_sale',
  })
  sale?: Sale;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  saleId!: string;

  @Field(() => ID, { description: "The outlet's city: its officials review the sale." })
  @Column({ type: 'uuid' })
  cityId!: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  outletId!: string;

  @Field(() => ID, { description: 'The selling RETAILER organization.' })
  @Column({ type: 'uuid' })
  organizationId!: string;

  @Field(() => [SaleAnomalyReason])
  @Column({ type: 'jsonb' })
  reasons!: SaleAnomalyReason[];

  @Field(() => SaleAnomalyStatus)
  @Column({
    type: 'enum',
    enum: SaleAnomalyStatus,
    enumName: 'sale_anomaly_status',
    default: SaleAnomalyStatus.OPEN,
  })
  status!: SaleAnomalyStatus;

  @Field(() => ID, { nullable: true, description: 'The official who decided.' })
  @Column({ type: 'uuid', nullable: true })
  reviewedByUserId!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  reviewedAt!: Date | null;

  @Field({ description: "The official's note to the retailer (empty until reviewed)." })
  @Column({ type: 'text', default: '' })
  note!: string;
}
