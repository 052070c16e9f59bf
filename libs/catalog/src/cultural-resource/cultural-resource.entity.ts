import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { City } from '../city/city.entity';
import { District } from '../city/district.entity';
import { CulturalResourceKind } from './cultural-resource-kind.enum';

@ObjectType()
@Entity()
@Index(['cityId', 'kind'])
export class CulturalResource extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @ManyToOne(() => City, { onDelete: 'CASCADE' })
  city?: City;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  cityId!: string;

  @ManyToOne(() => District, { onDelete: 'SET NULL', nullable: true })
  district?: District | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  districtId!: string | null;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field()
  @Column({ type: 'text' })
  localName!: string;

  @Field(() => CulturalResourceKind)
  @Column({ type: 'enum', enum: CulturalResourceKind, enumName: 'cultural_resource_kind' })
  kind!: CulturalResourceKind;

  @Field()
  @Column({ type: 'text', default: '' })
  description!: string;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  latitude!: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: 'double precision', nullable: true })
  longitude!: number | null;
}
