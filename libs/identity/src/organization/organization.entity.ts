import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, ManyToOne } from 'typeorm';
import { GovernmentDepartment } from '@cc/auth';
import { City, District } from '@cc/catalog';
import { BaseEntity } from '@cc/database';
import { User } from '../user/user.entity';
import { IncubatorType, OrganizationKind } from './organization.enums';

@ObjectType({
  description: 'A manufacturer company, retailer, incubator or government department.',
})
@Entity()
@Index(['kind', 'cityId'])
@Check(`"kind" <> 'INCUBATOR' OR "incubator_type" IS NOT NULL`)
@Check(`"kind" <> 'GOVERNMENT_DEPARTMENT' OR "department" IS NOT NULL`)
export class Organization extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field(() => OrganizationKind)
  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  kind!: OrganizationKind;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field()
  @Column({ type: 'text', default: '' })
  description!: string;

  @Field(() => IncubatorType, { nullable: true, description: 'For incubators.' })
  @Column({ type: 'enum', enum: IncubatorType, enumName: 'incubator_type', nullable: true })
  incubatorType!: IncubatorType | null;

  @Field(() => GovernmentDepartment, { nullable: true, description: 'For government departments.' })
  @Column({
    type: 'enum',
    enum: GovernmentDepartment,
    enumName: 'government_department',
    nullable: true,
  })
  department!: GovernmentDepartment | null;

  @ManyToOne(() => City, { onDelete: 'RESTRICT' })
  city?: City;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  cityId!: string;

  @ManyToOne(() => District, { onDelete: 'SET NULL', nullable: true })
  district?: District | null;

  @Field(() => ID, { nullable: true })
  @Column({ type: 'uuid', nullable: true })
  districtId!: string | null;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  createdBy?: User | null;

  @Column({ type: 'uuid', nullable: true })
  createdById!: string | null;

  @Field()
  declare createdAt: Date;
}
