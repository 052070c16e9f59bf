import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, Index, ManyToOne } from 'typeorm';
import { GovernmentDepartment } from '@cc/auth';
import { City } from '@cc/catalog';
import { BaseEntity } from '@cc/database';
import { User } from '../user/user.entity';

/** The scope of an OFFICIAL: a city and a department, granted by an ADMIN. */
@ObjectType()
@Entity()
@Index(['userId', 'cityId', 'department'], { unique: true })
export class OfficialGrant extends BaseEntity {
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  user?: User;

  @Column({ type: 'uuid' })
  userId!: string;

  @ManyToOne(() => City, { onDelete: 'CASCADE' })
  city?: City;

  @Field(() => ID)
  @Column({ type: 'uuid' })
  cityId!: string;

  @Field(() => GovernmentDepartment)
  @Column({ type: 'enum', enum: GovernmentDepartment, enumName: 'government_department' })
  department!: GovernmentDepartment;

  @ManyToOne(() => User, { onDelete: 'SET NULL', nullable: true })
  grantedBy?: User | null;

  @Column({ type: 'uuid', nullable: true })
  grantedById!: string | null;

  @Field({ description: 'When the grant was made.' })
  declare createdAt: Date;
}
