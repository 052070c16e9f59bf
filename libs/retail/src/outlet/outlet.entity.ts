import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index } from 'typeorm';
import { CulturalResourceKind } from '@cc/catalog';
import { BaseEntity } from '@cc/database';
import { OutletType } from './outlet-type.enum';

/** A place (or shop online) where a RETAILER organization sells; its members manage it. */
@ObjectType()
@Entity()
@Index(['organizationId', 'name'])
@Index(['cityId', 'type'])
@Check('"price_band_min_fen" <= "price_band_max_fen"')
export class Outlet extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field()
  declare createdAt: Date;

  @Field()
  declare updatedAt: Date;

  @Field(() => ID, { description: 'The RETAILER organization that runs it.' })
  @Column({ type: 'uuid' })
  organizationId!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field(() => OutletType)
  @Column({ type: 'enum', enum: OutletType, enumName: 'outlet_type' })
  type!: OutletType;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  cityId!: string;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  districtId!: string;

  @Field()
  @Column({ type: 'text', default: '' })
  address!: string;

  @Field(() => [CulturalResourceKind], { description: 'Cultural-resource kinds the outlet fits.' })
  @Column({
    type: 'enum',
    enum: CulturalResourceKind,
    enumName: 'cultural_resource_kind',
    array: true,
    default: '{}',
  })
  themes!: CulturalResourceKind[];

  @Field(() => Int, { description: 'Average visitors per month.' })
  @Column({ type: 'int' })
  averageMonthlyFootfall!: number;

  @Field(() => Int, { description: 'Lowest retail price the outlet usually carries, in fen.' })
  @Column({ type: 'int' })
  priceBandMinFen!: number;

  @Field(() => Int, { description: 'Highest retail price the outlet usually carries, in fen.' })
  @Column({ type: 'int' })
  priceBandMaxFen!: number;
}
