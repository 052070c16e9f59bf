import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { CulturalResourceKind } from '@cc/catalog';
import { BaseEntity } from '@cc/database';

/**
 * A sellable SKU made from a project whose production order has delivered units. One product per
 * project: its units delivered are the order's, so sell-through stays exact. The project's city,
 * owners and cultural resources are copied at creation (a project's owners and links are fixed
 * once it has left DRAFT), so retail queries need no cross-domain joins.
 */
@ObjectType()
@Entity()
@Index(['cityId', 'createdAt'])
export class Product extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field()
  declare createdAt: Date;

  @Field()
  declare updatedAt: Date;

  @Field(() => ID)
  @Index('UQ_product_project', { unique: true })
  @Column({ type: 'uuid' })
  projectId!: string;

  @Field({ description: 'Stock-keeping unit code, unique on the platform.' })
  @Index('UQ_product_sku', { unique: true })
  @Column({ type: 'text' })
  sku!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field({ description: 'Brand or IP name the product is sold under.' })
  @Column({ type: 'text' })
  brand!: string;

  @Field()
  @Column({ type: 'text', default: '' })
  description!: string;

  @Field(() => Int, { description: 'Recommended retail price in fen (1/100 yuan).' })
  @Column({ type: 'int' })
  retailPriceFen!: number;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  cityId!: string;

  @Field(() => [ID], { description: "The project's cultural resources." })
  @Column({ type: 'uuid', array: true, default: () => "'{}'" })
  culturalResourceIds!: string[];

  @Field(() => [CulturalResourceKind], {
    description: 'Kinds of those resources: what outlet themes the product fits.',
  })
  @Column({
    type: 'enum',
    enum: CulturalResourceKind,
    enumName: 'cultural_resource_kind',
    array: true,
    default: '{}',
  })
  themes!: CulturalResourceKind[];

  @Field(() => ID)
  @Column({ type: 'uuid' })
  ownerUserId!: string;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  ownerTeamId!: string | null;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  createdByUserId!: string;
}
