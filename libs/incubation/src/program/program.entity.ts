import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseEntity } from '@cc/database';

/** An incubator's program, e.g. "Industrial Heritage Design Camp 2027"; it runs cohorts. */
@ObjectType()
@Entity('incubation_program')
export class Program extends BaseEntity {
  @Field(() => ID)
  declare id: string;

  @Field()
  declare createdAt: Date;

  @Field(() => ID, { description: 'The INCUBATOR organization that runs it.' })
  @Column({ type: 'uuid' })
  organizationId!: string;

  @Field(() => ID, { description: "The incubator's city (where its ventures count)." })
  @Column({ type: 'uuid' })
  cityId!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field()
  @Column({ type: 'text', default: '' })
  description!: string;

  @Column({ type: 'uuid' })
  createdByUserId!: string;
}
