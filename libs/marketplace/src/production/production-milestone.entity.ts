import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { ProductionStage } from './production-stage.enum';

/** One step of a production order, as it happened: who moved it, when, and units for deliveries. */
@ObjectType()
@Entity()
@Index(['orderId', 'createdAt'])
export class ProductionMilestone extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field({ description: 'When the milestone was reached.' })
  declare createdAt: Date;

  @Column({ type: 'uuid' })
  orderId!: string;

  @Field(() => ProductionStage)
  @Column({ type: 'enum', enum: ProductionStage, enumName: 'production_stage' })
  stage!: ProductionStage;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  byUserId!: string;

  @Field(() => Int, { nullable: true, description: 'Units in this delivery.' })
  @Column({ type: 'int', nullable: true })
  quantity!: number | null;
}
