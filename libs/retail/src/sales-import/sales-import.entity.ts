import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { BIGINT_AS_NUMBER } from '../common/bigint.transformer';
import { SalesImportStatus } from './sales-import-status.enum';

/** A bulk CSV upload of an outlet's sales and its progress, row by row, in the worker. */
@ObjectType()
@Entity()
@Index(['outletId', 'createdAt'])
@Index(['outletId', 'sha256'])
export class SalesImport extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field()
  declare createdAt: Date;

  @Field()
  declare updatedAt: Date;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  outletId!: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  organizationId!: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  uploadedByUserId!: string;

  @Field()
  @Column({ type: 'text' })
  fileName!: string;

  @Field(() => Float)
  @Column({ type: 'bigint', default: 0, transformer: BIGINT_AS_NUMBER })
  byteSize!: number;

  @Field(() => String, { nullable: true, description: 'SHA-256 of the file, hex.' })
  @Column({ type: 'text', nullable: true })
  sha256!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'An earlier import of the same outlet with byte-identical content.',
  })
  @Column({ type: 'uuid', nullable: true })
  sameFileAsImportId!: string | null;

  @Column({ type: 'int', default: 0 })
  chunkCount!: number;

  @Field(() => SalesImportStatus)
  @Column({
    type: 'enum',
    enum: SalesImportStatus,
    enumName: 'sales_import_status',
    default: SalesImportStatus.UPLOADING,
  })
  status!: SalesImportStatus;

  @Field(() => Int, { description: 'Data rows read so far (good and bad).' })
  @Column({ type: 'int', default: 0 })
  processedRows!: number;

  @Field(() => Int, { description: 'Rows that added a sale.' })
  @Column({ type: 'int', default: 0 })
  importedRows!: number;

  @Field(() => Int, {
    description: 'Good rows whose externalId this outlet had already recorded: nothing added.',
  })
  @Column({ type: 'int', default: 0 })
  duplicateRows!: number;

  @Field(() => Int, { description: 'Bad rows, each reported in errors (up to the cap).' })
  @Column({ type: 'int', default: 0 })
  rejectedRows!: number;

  @Field(() => Int, {
    description:
      'Imported rows held for review (implausible, see Sale.review): recorded, not counted until an official accepts them.',
  })
  @Column({ type: 'int', default: 0 })
  heldRows!: number;

  @Field(() => String, { nullable: true, description: 'Why the whole file failed, if it did.' })
  @Column({ type: 'text', nullable: true })
  failureReason!: string | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  startedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
