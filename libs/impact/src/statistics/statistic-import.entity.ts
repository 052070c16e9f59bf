import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface CsvRowError {
  line: number;
  column: string | null;
  reason: string;
}

/** One CSV import of official statistics: who, when, and what became of every row. */
@ObjectType()
@Entity()
export class StatisticImport {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  importedById!: string | null;

  @Field(() => Int, { description: 'Data rows read (header and blank lines excluded).' })
  @Column({ type: 'int' })
  rowsRead!: number;

  @Field(() => Int, { description: 'Rows that passed validation.' })
  @Column({ type: 'int' })
  rowsAccepted!: number;

  @Field(() => Int)
  @Column({ type: 'int' })
  rowsRejected!: number;

  @Field(() => Int, { description: 'Values new to the database.' })
  @Column({ type: 'int' })
  valuesInserted!: number;

  @Field(() => Int, { description: 'Values that replaced a different earlier value.' })
  @Column({ type: 'int' })
  valuesUpdated!: number;

  @Field(() => Int, { description: 'Values equal to what was already stored (a re-import).' })
  @Column({ type: 'int' })
  valuesUnchanged!: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors!: CsvRowError[];

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
