import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SalesImport } from './sales-import.entity';

/** A bad row of an import: its line in the file (the header is line 1) and why. */
@ObjectType()
@Entity()
export class SalesImportError {
  @ManyToOne(() => SalesImport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'FK_sales_import_error_import' })
  salesImport?: SalesImport;

  @PrimaryColumn({ type: 'uuid' })
  importId!: string;

  /** Order of discovery; with the import id, the key. */
  @PrimaryColumn({ type: 'int' })
  seq!: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  line!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The column at fault as your header names it (see also `column`).',
  })
  @Column({ type: 'text', nullable: true })
  field!: string | null;

  @Field()
  @Column({ type: 'text' })
  reason!: string;
}
