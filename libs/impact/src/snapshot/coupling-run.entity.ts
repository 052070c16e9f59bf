import { Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { IndicatorSystemVersion } from '../indicator-system/indicator-system-version.entity';

export enum CouplingRunStatus {
  /** Writing its snapshots; not visible to readers. */
  RUNNING = 'RUNNING',
  /** Written whole; it was the current run from its finish until a later run replaced it. */
  COMPLETED = 'COMPLETED',
  /** Nothing could be computed (e.g. too few samples): `skipReason` says why. */
  SKIPPED = 'SKIPPED',
  /** Failed midway: none of its rows became visible. */
  FAILED = 'FAILED',
}
registerEnumType(CouplingRunStatus, { name: 'CouplingRunStatus' });

/** Why a run computed nothing: an engine code, with the sample count and minimum when known. */
export interface RunSkipReason {
  code: string;
  message: string;
  sampleCount?: number;
  minimum?: number;
}

/**
 * One recompute of an indicator-system version's panel. Its snapshots and contributions are
 * written in one transaction that also points the version at it (`current_run_id`), so a
 * reader, whose one statement reads the pointer and the rows, never sees two runs mixed.
 */
@ObjectType({ description: 'One recompute of a version’s panel: every number belongs to one.' })
@Entity()
@Index(['systemVersionId', 'sequence'], { unique: true })
export class CouplingRun {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => IndicatorSystemVersion, { onDelete: 'CASCADE' })
  systemVersion?: IndicatorSystemVersion;

  @Column({ type: 'uuid' })
  systemVersionId!: string;

  @Field(() => Int, { description: '1 for the version’s first run, then +1 per run.' })
  @Column({ type: 'int' })
  sequence!: number;

  @Field({ description: 'What asked for it, e.g. `statistics import <id>` or `nightly`.' })
  @Column({ type: 'text' })
  trigger!: string;

  @Field(() => CouplingRunStatus)
  @Column({ type: 'text' })
  status!: CouplingRunStatus;

  @Field(() => String, { nullable: true, description: 'sha256 of the basis it computed on.' })
  @Column({ type: 'text', nullable: true })
  basisHash!: string | null;

  @Field(() => String, { nullable: true, description: 'sha256 of the panel it read.' })
  @Column({ type: 'text', nullable: true })
  inputsHash!: string | null;

  /**
   * `pg_current_snapshot()` before the run read its inputs: a write whose transaction is visible
   * in it (`pg_visible_in_snapshot`) is reflected in the run's numbers.
   */
  @Column({ type: 'text', nullable: true })
  inputsSnapshot!: string | null;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  sampleCount!: number;

  @Field(() => Int)
  @Column({ type: 'int', default: 0 })
  snapshotCount!: number;

  @Column({ type: 'jsonb', nullable: true })
  skipReason!: RunSkipReason | null;

  @Field()
  @Column({ type: 'timestamptz', default: () => 'now()' })
  startedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  finishedAt!: Date | null;
}
