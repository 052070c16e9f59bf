import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '@cc/database';

export enum WorkerCanaryStatus {
  QUEUED = 'QUEUED',
  PROCESSED = 'PROCESSED',
}
registerEnumType(WorkerCanaryStatus, { name: 'WorkerCanaryStatus' });

/**
 * A round trip through the whole pipeline (API → Redis queue → worker → PostgreSQL). Operators
 * run one after a deploy to prove that workers consume and can write.
 */
@ObjectType()
@Entity()
export class WorkerCanary extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field(() => WorkerCanaryStatus)
  @Column({
    type: 'enum',
    enum: WorkerCanaryStatus,
    enumName: 'worker_canary_status',
    default: WorkerCanaryStatus.QUEUED,
  })
  status!: WorkerCanaryStatus;

  @Field()
  declare createdAt: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  processedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Host and pid of the worker that processed it.',
  })
  @Column({ type: 'text', nullable: true })
  processedBy!: string | null;

  @Field(() => Number, { description: 'Attempts the worker needed.' })
  @Column({ type: 'int', default: 0 })
  attempts!: number;
}
