import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import type { FrozenParameters } from '@cc/coupling';
import { City } from '@cc/catalog';
import { CouplingLevel, CouplingSnapshotStatus } from '../graphql-enums';
import { IndicatorSystemVersion } from '../indicator-system/indicator-system-version.entity';
import type { BasisSummary } from '../indicator-system/indicator-system-basis';
import { PeriodGranularity } from '../period';

/** Where one indicator's raw value came from: what an official sees behind the number. */
export interface IndicatorTrace {
  /** `official-statistic`, the platform source's name, or null when no source computes it yet. */
  source: string | null;
  /** Records behind the value (sales, bids, ...; 1 for an imported statistic; 0 when absent). */
  recordCount: number;
  /** Numerator and denominator of a RATIO indicator. */
  numerator?: number;
  denominator?: number;
  /** Projects with a part in the value. */
  contributorCount?: number;
  /** The import that set an official statistic. */
  importId?: string;
  note?: string;
}

export interface PanelSummary {
  sampleCount: number;
  cityCount: number;
  firstPeriod: string;
  lastPeriod: string;
  /** Samples left out because an official statistic was missing, e.g. `city-id/2026-Q1: museum_visitors`. */
  excluded: string[];
}

export interface SnapshotObstacles {
  indicators: Record<string, number>;
  subsystems: Record<string, number>;
}

/**
 * The coupling result of one city in one period under one indicator-system version, written by
 * one panel run (`runId`; `revision` is the run's sequence number). Rows are never updated,
 * except that `publishCouplingPeriod` turns the current run's rows of a period PUBLISHED; later
 * runs write new LIVE rows beside them. Superseded LIVE rows are pruned; PUBLISHED rows stay.
 */
@ObjectType({ description: 'Coupling of U1 and U2 for a city in a period (one revision).' })
@Entity()
@Index('IDX_coupling_snapshot_run_city_period', ['runId', 'cityId', 'period'], { unique: true })
@Index('IDX_coupling_snapshot_key_status', ['cityId', 'period', 'systemVersionId', 'status'])
@Index(['systemVersionId', 'period', 'status'])
export class CouplingSnapshot {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => City, { onDelete: 'CASCADE' })
  city?: City;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  cityId!: string;

  @Field({ description: 'Canonical period: 2026-Q3, 2026-09 or 2026.' })
  @Column({ type: 'text' })
  period!: string;

  @Field(() => PeriodGranularity)
  @Column({ type: 'enum', enum: PeriodGranularity, enumName: 'period_granularity' })
  granularity!: PeriodGranularity;

  @Field({ description: 'Start of the period (UTC+8).' })
  @Column({ type: 'timestamptz' })
  periodStart!: Date;

  @ManyToOne(() => IndicatorSystemVersion, { onDelete: 'RESTRICT' })
  systemVersion?: IndicatorSystemVersion;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  systemVersionId!: string;

  @Field(() => ID, { description: 'The panel run that computed it.' })
  @Column({ type: 'uuid' })
  runId!: string;

  @Field(() => Int, {
    description: 'The sequence number of the run that computed it (1 = the version’s first run).',
  })
  @Column({ type: 'int' })
  revision!: number;

  @Field(() => CouplingSnapshotStatus)
  @Column({
    type: 'enum',
    enum: CouplingSnapshotStatus,
    enumName: 'coupling_snapshot_status',
    default: CouplingSnapshotStatus.LIVE,
  })
  status!: CouplingSnapshotStatus;

  /** Raw indicator values x by key (RATIO indicators as the ratio; parts in `trace`). */
  @Column({ type: 'jsonb' })
  rawValues!: Record<string, number>;

  /** Standardised values x'. */
  @Column({ type: 'jsonb' })
  standardizedValues!: Record<string, number>;

  /** The panel's bounds and weights, frozen: `evaluateFrozen` reproduces this snapshot from them. */
  @Column({ type: 'jsonb' })
  frozen!: FrozenParameters;

  /** Subsystem scores after scoreScale. */
  @Column({ type: 'jsonb' })
  scores!: Record<string, number>;

  /** U per subsystem (after score standardisation). */
  @Column({ type: 'jsonb' })
  subsystemValues!: Record<string, number>;

  @Field(() => Float, { description: 'C: the coupling degree.' })
  @Column({ type: 'double precision' })
  couplingDegree!: number;

  @Field(() => Float, { description: 'T: the comprehensive coordination index Σ α·U.' })
  @Column({ type: 'double precision' })
  coordinationIndex!: number;

  @Field(() => Float, { description: 'D = √(C·T): the coupling coordination degree.' })
  @Column({ type: 'double precision' })
  coordinationDegree!: number;

  @Field(() => CouplingLevel)
  @Column({ type: 'text' })
  level!: CouplingLevel;

  @Column({ type: 'jsonb' })
  obstacles!: SnapshotObstacles;

  @Column({ type: 'jsonb' })
  obstaclesNormalized!: SnapshotObstacles;

  @Column({ type: 'jsonb' })
  trace!: Record<string, IndicatorTrace>;

  @Column({ type: 'jsonb' })
  panel!: PanelSummary;

  /** The basis (goalposts and weights) these numbers were computed on. */
  @Column({ type: 'jsonb' })
  basis!: BasisSummary;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  warnings!: { code: string; message: string }[];

  /** sha256 of everything computed: a recompute that yields the same hash writes nothing. */
  @Column({ type: 'text' })
  contentHash!: string;

  @Field({ description: 'When these numbers were computed.' })
  @Column({ type: 'timestamptz' })
  computedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  publishedById!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
