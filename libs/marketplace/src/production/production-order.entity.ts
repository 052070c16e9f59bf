import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { CancellationSettlement } from './order-cancellation';
import { ProductionStage } from './production-stage.enum';

/** Created when a bid is accepted; the manufacturer moves it, the project owners approve the sample. */
@ObjectType()
@Entity()
export class ProductionOrder extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field()
  declare createdAt: Date;

  @Field(() => ID)
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  projectId!: string;

  @Field(() => ID)
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  bidId!: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  organizationId!: string;

  @Field(() => Int, { description: 'Units ordered: the project quantity.' })
  @Column({ type: 'int' })
  quantityOrdered!: number;

  @Field(() => Int, { description: 'Agreed unit price in fen, from the accepted bid.' })
  @Column({ type: 'int' })
  unitPriceFen!: number;

  @Field(() => ProductionStage)
  @Column({
    type: 'enum',
    enum: ProductionStage,
    enumName: 'production_stage',
    default: ProductionStage.AWAITING_SAMPLE,
  })
  stage!: ProductionStage;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  quantityDelivered!: number;

  @Field()
  @Column({ type: 'timestamptz' })
  dueAt!: Date;

  @Field(() => Int, {
    description:
      'Units the project owners agreed the manufacturer may deliver beyond quantityOrdered.',
  })
  @Column({ type: 'int', default: 0 })
  overDeliveryAgreedUnits!: number;

  @Field(() => Date, { nullable: true, description: 'First delivery.' })
  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ type: 'uuid', nullable: true })
  cancelledByUserId!: string | null;

  @Column({ type: 'text', nullable: true })
  cancellationReason!: string | null;

  @Column({ type: 'enum', enum: ProductionStage, enumName: 'production_stage', nullable: true })
  cancelledAtStage!: ProductionStage | null;

  @Column({
    type: 'enum',
    enum: CancellationSettlement,
    enumName: 'cancellation_settlement',
    nullable: true,
  })
  cancellationSettlement!: CancellationSettlement | null;

  @Column({ type: 'int', default: 0 })
  cancellationCompensationFen!: number;

  @Column({ type: 'int', default: 0 })
  owedToManufacturerFen!: number;
}
