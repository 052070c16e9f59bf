import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { SalesImport } from './sales-import.entity';

/**
 * The uploaded file, staged in PostgreSQL in chunks of about 1 MiB while it streams in, so that
 * any worker (on any host) can stream it back out. Deleted when the import finishes.
 */
@Entity()
export class SalesImportChunk {
  @ManyToOne(() => SalesImport, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_id', foreignKeyConstraintName: 'FK_sales_import_chunk_import' })
  salesImport?: SalesImport;

  @PrimaryColumn({ type: 'uuid' })
  importId!: string;

  @PrimaryColumn({ type: 'int' })
  seq!: number;

  @Column({ type: 'bytea' })
  data!: Buffer;
}
