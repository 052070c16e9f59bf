import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '@cc/database';

@ObjectType()
@Entity()
export class City extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field({ description: 'Stable short code, e.g. "shenyang".' })
  @Index({ unique: true })
  @Column({ type: 'text' })
  code!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field({ description: 'Local-language name, e.g. 沈阳.' })
  @Column({ type: 'text' })
  localName!: string;
}
