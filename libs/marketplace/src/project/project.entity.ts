import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, VirtualColumn } from 'typeorm';
import { City } from '@cc/catalog';
import { BaseEntity } from '@cc/database';
import { ManufacturingProcess } from '@cc/identity';
import { ProjectCategory } from './project-category.enum';
import { ProjectState } from './project-state';

/**
 * A creative project that turns local culture into something to make and sell.
 * Owned by its creator and, when set, by every member of its team.
 */
@ObjectType()
@Entity()
@Index(['cityId', 'state'])
export class Project extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field()
  declare createdAt: Date;

  @Field()
  declare updatedAt: Date;

  @Field()
  @Column({ type: 'text' })
  title!: string;

  @Field()
  @Column({ type: 'text' })
  description!: string;

  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'city_id', foreignKeyConstraintName: 'FK_project_city' })
  city?: City;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  cityId!: string;

  @Field(() => ProjectCategory)
  @Column({ type: 'enum', enum: ProjectCategory, enumName: 'project_category' })
  category!: ProjectCategory;

  @Field(() => ProjectState)
  @Column({
    type: 'enum',
    enum: ProjectState,
    enumName: 'project_state',
    default: ProjectState.DRAFT,
  })
  state!: ProjectState;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  ownerUserId!: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  ownerTeamId!: string | null;

  /**
   * Kept in `project_cultural_resource` (see ProjectCulturalResource) and read with the row in
   * the same statement, in the owner's order. Written by ProjectService, never by save().
   */
  @Field(() => [ID])
  @VirtualColumn({
    type: 'uuid',
    query: (alias) =>
      `SELECT coalesce(array_agg(link.cultural_resource_id ORDER BY link.position), '{}') FROM project_cultural_resource link WHERE link.project_id = ${alias}.id`,
  })
  culturalResourceIds!: string[];

  @Field(() => [ManufacturingProcess], {
    description: "Processes needed, in manufacturers' vocabulary.",
  })
  @Column({
    type: 'enum',
    enum: ManufacturingProcess,
    enumName: 'manufacturing_process',
    array: true,
    default: '{}',
  })
  processes!: ManufacturingProcess[];

  @Field(() => [String])
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  materials!: string[];

  @Field(() => Int)
  @Column({ type: 'int' })
  quantity!: number;

  @Field(() => Int, { description: 'Target unit cost in fen (1/100 yuan).' })
  @Column({ type: 'int' })
  targetUnitCostFen!: number;

  @Field(() => [String])
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  requiredCertifications!: string[];

  @Field()
  @Column({ type: 'timestamptz', precision: 3 })
  bidDeadline!: Date;

  @Field()
  @Column({ type: 'timestamptz' })
  deliveryDeadline!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ type: 'timestamptz', precision: 3, nullable: true })
  publishedAt!: Date | null;
}
