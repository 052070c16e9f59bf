import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { City } from '@cc/catalog';
import '../graphql-enums';
import { PeriodGranularity } from '../period';
import type { BasisSpec, StoredBasis } from './indicator-system-basis';
import type {
  IndicatorDefinition,
  IndicatorSystemDefinition,
  SubsystemDefinition,
} from './indicator-system.definition';

/**
 * One version of the indicator system. Versions are never edited: a change is a new version,
 * and every snapshot records the version it was computed with. A version is global (no city)
 * or scoped to one city; a city uses its latest own version, else the latest global one.
 * Version 1, the default system of DESIGN.md, is seeded by the migration.
 */
@ObjectType({
  description:
    'A version of the coupling indicator system (never edited; changes make a new version).',
})
@Entity()
export class IndicatorSystemVersion implements IndicatorSystemDefinition {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => Int, { description: 'Version number, unique across all scopes.' })
  @Index({ unique: true })
  @Column({ type: 'int' })
  version!: number;

  @ManyToOne(() => City, { onDelete: 'CASCADE', nullable: true })
  city?: City | null;

  @Field(() => ID, { nullable: true, description: 'The city it applies to; null for every city.' })
  @Index()
  @Column({ type: 'uuid', nullable: true })
  cityId!: string | null;

  @Field(() => PeriodGranularity)
  @Column({
    type: 'enum',
    enum: PeriodGranularity,
    enumName: 'period_granularity',
    default: PeriodGranularity.QUARTER,
  })
  periodGranularity!: PeriodGranularity;

  /** The `parseModel` input (the coupling CLI's model.json). */
  @Column({ type: 'jsonb' })
  model!: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  subsystems!: SubsystemDefinition[];

  @Column({ type: 'jsonb' })
  indicators!: IndicatorDefinition[];

  /** How the basis is made (BASELINE, EXPLICIT or PANEL). */
  @Column({ type: 'jsonb' })
  basisSpec!: BasisSpec;

  /**
   * The fixed basis (goalposts and weights): set at creation (EXPLICIT) or by the first
   * recompute that can derive it (BASELINE), then never changed. Null for PANEL.
   */
  @Column({ type: 'jsonb', nullable: true })
  basis!: StoredBasis | null;

  /** The panel run readers see; switched in the transaction that writes a run. */
  @Column({ type: 'uuid', nullable: true })
  currentRunId!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The user who created it (null for the seeded default).',
  })
  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @Field()
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
