import { ArgsType, Field, ID, InputType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsEnum, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { ConnectionArgs } from '@cc/graphql';
import { ManufacturingProcess, OrganizationKind } from '../organization.enums';

@InputType()
export class OrganizationFilterInput {
  @Field(() => OrganizationKind, { nullable: true })
  @IsOptional()
  @IsEnum(OrganizationKind)
  kind?: OrganizationKind;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID()
  cityId?: string;

  @Field(() => ManufacturingProcess, {
    nullable: true,
    description: 'Manufacturers offering this process.',
  })
  @IsOptional()
  @IsEnum(ManufacturingProcess)
  process?: ManufacturingProcess;
}

@ArgsType()
export class OrganizationsArgs extends ConnectionArgs {
  @Field(() => OrganizationFilterInput, { nullable: true })
  @IsOptional()
  @ValidateNested()
  @Type(() => OrganizationFilterInput)
  filter?: OrganizationFilterInput;
}

@ArgsType()
export class InvitationIdArgs {
  @Field(() => ID)
  @IsUUID()
  invitationId!: string;
}

@ArgsType()
export class RespondToInvitationArgs extends InvitationIdArgs {
  @Field({ description: 'The secret from the invitation link (inviteMember answered it).' })
  @IsString()
  @Length(1, 128)
  token!: string;
}
