import { Column, Entity, Index, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { IndicatorAmount } from '@cc/coupling';
import { PeriodGranularity } from '../period';
import { CouplingSnapshot } from './coupling-snapshot.entity';

/**
 * A project's leave-one-out contribution to one snapshot (`computeContributions` of
 * @cc/coupling with the snapshot's frozen bounds and weights): ΔU per subsystem and ΔD, and the
 * raw parts it was computed from. Written with its snapshot in one transaction; a published
 * snapshot's contributions never change. Filled once platform indicator sources exist.
 */
@Entity()
@Index(['snapshotId', 'projectId'], { unique: true })
@Index(['projectId'])
@Index(['cityId', 'period', 'systemVersionId'])
export class ProjectContribution {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @ManyToOne(() => CouplingSnapshot, { onDelete: 'CASCADE' })
  snapshot?: CouplingSnapshot;

  @Column({ type: 'uuid' })
  snapshotId!: string;

  /** The marketplace project (no foreign key yet: projects arrive with the marketplace). */
  @Column({ type: 'uuid' })
  projectId!: string;

  @Column({ type: 'uuid' })
  cityId!: string;

  @Column({ type: 'text' })
  period!: string;

  @Column({ type: 'enum', enum: PeriodGranularity, enumName: 'period_granularity' })
  granularity!: PeriodGranularity;

  @Column({ type: 'uuid' })
  systemVersionId!: string;

  /** The project's additive part of each platform indicator. */
  @Column({ type: 'jsonb' })
  rawParts!: Record<string, IndicatorAmount>;

  /** ΔU_k per subsystem. */
  @Column({ type: 'jsonb' })
  deltaU!: Record<string, number>;

  @Column({ type: 'double precision' })
  deltaC!: number;

  @Column({ type: 'double precision' })
  deltaT!: number;

  @Column({ type: 'double precision' })
  deltaD!: number;
}
