import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface CsvRowError {
  line: number;
  column: string | null;
  reason: string;
}

/** One CSV import of official statistics: who, when, and what became of every row. */
@Entity()
export class StatisticImport {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  importedById!: string | null;

  /** Data rows read (header and blank lines excluded). */
  @Column({ type: 'int' })
  rowsRead!: number;

  @Column({ type: 'int' })
  rowsAccepted!: number;

  @Column({ type: 'int' })
  rowsRejected!: number;

  @Column({ type: 'int' })
  valuesInserted!: number;

  @Column({ type: 'int' })
  valuesUpdated!: number;

  @Column({ type: 'int' })
  valuesUnchanged!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors!: CsvRowError[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
