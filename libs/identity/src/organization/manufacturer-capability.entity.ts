import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Check, Column, Entity, Index, OneToOne, JoinColumn } from 'typeorm';
import { BaseEntity } from '@cc/database';
import { ManufacturingProcess } from './organization.enums';
import { Organization } from './organization.entity';

/** What a manufacturer can make, and how much: the input to project matching. */
@ObjectType('ManufacturerCapabilities')
@Entity()
@Check(`"moq" IS NULL OR "moq" > 0`)
@Check(`"monthly_capacity" IS NULL OR "monthly_capacity" > 0`)
export class ManufacturerCapability extends BaseEntity {
  @OneToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn()
  organization?: Organization;

  @Field(() => ID)
  @Index({ unique: true })
  @Column({ type: 'uuid' })
  organizationId!: string;

  @Field(() => [ManufacturingProcess])
  @Column({
    type: 'enum',
    enum: ManufacturingProcess,
    enumName: 'manufacturing_process',
    array: true,
    default: '{}',
  })
  processes!: ManufacturingProcess[];

  @Field(() => [String], { description: 'e.g. porcelain clay, silk, brass, PLA.' })
  @Column({ type: 'text', array: true, default: '{}' })
  materials!: string[];

  @Field(() => [String], { description: 'e.g. ISO 9001, FSC.' })
  @Column({ type: 'text', array: true, default: '{}' })
  certifications!: string[];

  @Field(() => Int, { nullable: true, description: 'Minimum order quantity, in units.' })
  @Column({ type: 'int', nullable: true })
  moq!: number | null;

  @Field(() => Int, { nullable: true, description: 'Units per month.' })
  @Column({ type: 'int', nullable: true })
  monthlyCapacity!: number | null;

  @Field()
  declare updatedAt: Date;
}
