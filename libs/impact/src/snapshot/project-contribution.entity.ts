import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { IndicatorAmount } from '@cc/coupling';
import { PeriodGranularity } from '../period';
import { CouplingSnapshot } from './coupling-snapshot.entity';
import type { ContributionShares } from './snapshot-assembly';

/**
 * A project's leave-one-out contribution to one snapshot (`computeContributions` of
 * @cc/coupling with the snapshot's frozen bounds and weights): ΔU per subsystem and ΔD, and the
 * raw parts it was computed from. Written with its snapshot in one transaction; a published
 * snapshot's contributions never change. Filled from the platform indicator sources' parts.
 */
@ObjectType({
  description:
    "A project's leave-one-out contribution to a city's coupling in one period: D − D(without the project), with the period's bounds and weights held fixed.",
})
@Entity()
@Index(['snapshotId', 'projectId'], { unique: true })
@Index(['projectId'])
@Index('IDX_project_contribution_run', ['runId'])
@Index(['cityId', 'period', 'systemVersionId'])
export class ProjectContribution {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => CouplingSnapshot, { onDelete: 'CASCADE' })
  snapshot?: CouplingSnapshot;

  @Field(() => ID, { description: 'The snapshot (one revision of the city in the period).' })
  @Column({ type: 'uuid' })
  snapshotId!: string;

  @Field(() => ID, { description: 'The panel run that computed it (its snapshot’s run).' })
  @Column({ type: 'uuid' })
  runId!: string;

  /** The marketplace project (no foreign key: the impact domain does not own projects). */
  @Field(() => ID)
  @Column({ type: 'uuid' })
  projectId!: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  cityId!: string;

  @Field({ description: 'Canonical period: 2026-Q3, 2026-09 or 2026.' })
  @Column({ type: 'text' })
  period!: string;

  @Field(() => PeriodGranularity)
  @Column({ type: 'enum', enum: PeriodGranularity, enumName: 'period_granularity' })
  granularity!: PeriodGranularity;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  systemVersionId!: string;

  /** What removing the project takes from each platform indicator (its own distinct items). */
  @Column({ type: 'jsonb' })
  rawParts!: Record<string, IndicatorAmount>;

  /** The additive attribution (1/k shares of shared distinct items) and its ΔU, ΔD. */
  @Column({ type: 'jsonb' })
  shares!: ContributionShares;

  /** ΔU_k per subsystem. */
  @Column({ type: 'jsonb' })
  deltaU!: Record<string, number>;

  @Field(() => Float, { description: 'ΔC = C − C(without the project).' })
  @Column({ type: 'double precision' })
  deltaC!: number;

  @Field(() => Float, { description: 'ΔT = T − T(without the project).' })
  @Column({ type: 'double precision' })
  deltaT!: number;

  @Field(() => Float, { description: 'ΔD = D − D(without the project).' })
  @Column({ type: 'double precision' })
  deltaD!: number;
}
