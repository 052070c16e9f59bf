import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { City } from './city.entity';

@ObjectType()
@Entity()
@Index(['cityId', 'name'], { unique: true })
export class District extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @ManyToOne(() => City, { onDelete: 'CASCADE' })
  city?: City;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  cityId!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field()
  @Column({ type: 'text' })
  localName!: string;
}
