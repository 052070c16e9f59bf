import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { City } from '@cc/catalog';
import { BaseEntity } from '@cc/database';
import '../graphql-enums';
import { PeriodGranularity } from '../period';
import { StatisticImport } from './statistic-import.entity';

/**
 * A value of an official statistic (e.g. a yearbook figure) for a city and period. One row per
 * (city, period, indicator): a re-import with the same value changes nothing, a different value
 * replaces it and records the import it came from.
 */
@ObjectType()
@Entity()
@Index(['cityId', 'period', 'indicator'], { unique: true })
@Index(['granularity', 'indicator'])
export class OfficialStatistic extends BaseEntity {
  @Field(() => ID)
  declare id: string;

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

  @Field({ description: 'Start of the period (UTC+8), for ordering and ranges.' })
  @Column({ type: 'timestamptz' })
  periodStart!: Date;

  @Field()
  @Column({ type: 'text' })
  indicator!: string;

  @Field(() => Float)
  @Column({ type: 'double precision' })
  value!: number;

  @ManyToOne(() => StatisticImport, { onDelete: 'RESTRICT' })
  import?: StatisticImport;

  @Field(() => ID, { description: 'The import that last set this value.' })
  @Column({ type: 'uuid' })
  importId!: string;

  @Field()
  declare updatedAt: Date;
}
