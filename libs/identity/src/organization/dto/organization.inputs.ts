import { Field, ID, InputType, Int } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { GovernmentDepartment, OrganizationRole } from '@cc/auth';
import { IncubatorType, ManufacturingProcess, OrganizationKind } from '../organization.enums';
import { Trim } from '@cc/graphql';

const NAME = { min: 1, max: 120 };

@InputType()
export class CreateOrganizationInput {
  @Field(() => OrganizationKind)
  @IsEnum(OrganizationKind)
  kind!: OrganizationKind;

  @Field()
  @Trim()
  @IsString()
  @MinLength(NAME.min, { message: 'name must not be empty' })
  @MaxLength(NAME.max)
  name!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @Field(() => ID)
  @IsUUID()
  cityId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @Field(() => IncubatorType, { nullable: true, description: 'Required for INCUBATOR.' })
  @IsOptional()
  @IsEnum(IncubatorType)
  incubatorType?: IncubatorType;

  @Field(() => GovernmentDepartment, {
    nullable: true,
    description: 'Required for GOVERNMENT_DEPARTMENT.',
  })
  @IsOptional()
  @IsEnum(GovernmentDepartment)
  department?: GovernmentDepartment;
}

/** Kind and department are fixed at creation; membership has its own mutations. */
@InputType()
export class UpdateOrganizationInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(NAME.min, { message: 'name must not be empty' })
  @MaxLength(NAME.max)
  name?: string;

  @Field({ nullable: true })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @Field(() => ID, { nullable: true, description: 'Must lie in the (new) city.' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @Field(() => IncubatorType, { nullable: true })
  @IsOptional()
  @IsEnum(IncubatorType)
  incubatorType?: IncubatorType;
}

const LIST = { maxItems: 50, maxLength: 100 };

@InputType({ description: 'Fields left out keep their value.' })
export class UpdateManufacturerCapabilitiesInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => [ManufacturingProcess], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  @IsEnum(ManufacturingProcess, { each: true })
  processes?: ManufacturingProcess[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(LIST.maxItems)
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'materials must not contain empty names' })
  @MaxLength(LIST.maxLength, { each: true })
  materials?: string[];

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @ArrayUnique()
  @ArrayMaxSize(LIST.maxItems)
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'certifications must not contain empty names' })
  @MaxLength(LIST.maxLength, { each: true })
  certifications?: string[];

  @Field(() => Int, { nullable: true, description: 'Minimum order quantity (units).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  moq?: number;

  @Field(() => Int, { nullable: true, description: 'Units per month.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000_000)
  monthlyCapacity?: number;
}

@InputType()
export class InviteMemberInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field()
  @Trim()
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @Field(() => OrganizationRole, { defaultValue: OrganizationRole.MEMBER })
  @IsEnum(OrganizationRole)
  role!: OrganizationRole;
}

@InputType()
export class RemoveMemberInput {
  @Field(() => ID)
  @IsUUID()
  organizationId!: string;

  @Field(() => ID)
  @IsUUID()
  userId!: string;
}
