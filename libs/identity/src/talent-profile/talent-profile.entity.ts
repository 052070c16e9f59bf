import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, OneToOne, JoinColumn } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { User } from '../user/user.entity';
import { Discipline } from './discipline.enum';

export const ABILITY_DIMENSIONS = [
  'creativeThinking',
  'marketInsight',
  'entrepreneurialOperation',
  'crossDisciplinaryIntegration',
  'localCultureInheritance',
] as const;
export type AbilityDimension = (typeof ABILITY_DIMENSIONS)[number];
export const ABILITY_MIN = 1;
export const ABILITY_MAX = 5;

@ObjectType({
  description: `Self-assessment on the five ability dimensions, each ${ABILITY_MIN}–${ABILITY_MAX}; null when not assessed.`,
})
export class AbilitySelfAssessment {
  @Field(() => Int, { nullable: true })
  creativeThinking!: number | null;

  @Field(() => Int, { nullable: true })
  marketInsight!: number | null;

  @Field(() => Int, { nullable: true })
  entrepreneurialOperation!: number | null;

  @Field(() => Int, { nullable: true })
  crossDisciplinaryIntegration!: number | null;

  @Field(() => Int, { nullable: true })
  localCultureInheritance!: number | null;
}

const abilityColumn = { type: 'smallint', nullable: true } as const;
const abilityCheck = (column: string) =>
  `"${column}" IS NULL OR "${column}" BETWEEN ${ABILITY_MIN} AND ${ABILITY_MAX}`;

@ObjectType()
@Entity()
@Check(abilityCheck('creative_thinking'))
@Check(abilityCheck('market_insight'))
@Check(abilityCheck('entrepreneurial_operation'))
@Check(abilityCheck('cross_disciplinary_integration'))
@Check(abilityCheck('local_culture_inheritance'))
export class TalentProfile extends BaseEntity {
  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn()
  user?: User;

  @Field(() => ID)
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  userId!: string;

  @Field(() => [Discipline])
  @Column({ type: 'enum', enum: Discipline, enumName: 'discipline', array: true, default: '{}' })
  disciplines!: Discipline[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  university!: string | null;

  @Field(() => [String])
  @Column({ type: 'text', array: true, default: '{}' })
  portfolioLinks!: string[];

  @Column(abilityColumn)
  creativeThinking!: number | null;

  @Column(abilityColumn)
  marketInsight!: number | null;

  @Column(abilityColumn)
  entrepreneurialOperation!: number | null;

  @Column(abilityColumn)
  crossDisciplinaryIntegration!: number | null;

  @Column(abilityColumn)
  localCultureInheritance!: number | null;

  @Field(() => Boolean, { description: 'Shown in the talent directory; false hides you from it.' })
  @Column({ type: 'boolean', default: true })
  listedInDirectory!: boolean;

  @Field()
  declare updatedAt: Date;
}
