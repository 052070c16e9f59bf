import { CreateDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/**
 * Every table has a uuid key and creation/update times, set by the database. `created_at` is
 * kept to the millisecond, like the JavaScript dates keyset cursors carry, so pages sorted by it
 * compare the bare column and its index serves them.
 */
export abstract class BaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
